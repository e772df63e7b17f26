"""The one build step pyproject.toml cannot say: migrations/ and translations/ stay at the
top of the repository (docs/ARCHITECTURE.md), and a wheel carries them inside the package,
as consult/migrations and consult/translations (the catalogues compiled), so that an
installed consult finds them (consult/__init__.py). An editable install reads them from
the checkout instead."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithMigrationsAndCatalogues(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib, "consult")
        shutil.copytree(
            "migrations",
            package / "migrations",
            ignore=shutil.ignore_patterns("__pycache__"),
            dirs_exist_ok=True,
        )
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po_path in Path("translations").glob("**/LC_MESSAGES/*.po"):
            mo_path = package / po_path.with_suffix(".mo")
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as po_file:
                catalogue = read_po(po_file)
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalogue)


setup(cmdclass={"build_py": BuildWithMigrationsAndCatalogues})
