"""A real install, as docs/DEPLOY.md does it: the project built into a wheel, the wheel
installed into a new virtual environment, and the app started from there, away from the
checkout, finding its migrations and its translations inside the installed package."""

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
#: What `git clone` brings that a build reads; nothing a developer's checkout grows.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "instance",
    "build",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "test-artifacts",
    "node_modules",
    "*.mo",
)

#: Started from the new environment, in a folder of its own: the installed app makes its
#: tables with the installed migrations, seeds what the package ships as data files (the
#: starter codebook, the starter blocks, the demo round), then answers a French visitor in
#: French.
START = """
import os, sys, flask_migrate
import consult
from consult import create_app
from consult.demo.operations import create_demo_round
from consult.codebooks.operations import seed_starter_codebook
from consult.design.block_operations import seed_blocks
app = create_app()
print("package:", consult.__file__)
with app.app_context():
    flask_migrate.upgrade()
    print("starter themes:", len(seed_starter_codebook().themes))
    print("starter blocks:", seed_blocks())
    print("demo questions:", len(create_demo_round().questions))
page = app.test_client().get("/staff/login", headers={"Accept-Language": "fr"})
print("status:", page.status_code)
sys.stdout.write(page.get_data(as_text=True))
"""


def french(msgid):
    with (ROOT / "translations" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po)[msgid].string


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel pip builds from a copy of the sources (so the build writes nothing into
    the checkout)."""
    source = tmp_path_factory.mktemp("source") / "consult"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(  # noqa: S603 (pip of this environment)
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("consult-*.whl")
    return built


def test_the_wheel_installs_and_the_app_starts_with_its_migrations_and_translations(
    wheel, tmp_path
):
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)  # noqa: S603
    python = environment / "bin" / "python"
    subprocess.run(  # noqa: S603
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # consult's dependencies come from this test environment's site-packages, read after
    # the new environment's own (a .pth line is not a site directory: the checkout's
    # editable install, declared there by a .pth file of its own, is not picked up).
    new_site = subprocess.run(  # noqa: S603
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(new_site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "CONSULT_ENV": "development",
        "CONSULT_SECRET_KEY": "a-key-for-the-install-test-0123456789",
        "CONSULT_INSTANCE_PATH": str(elsewhere / "instance"),
        "DATABASE_URL": f"sqlite:///{elsewhere / 'consult.sqlite'}",
    }
    started = subprocess.run(  # noqa: S603
        [str(python), "-c", START], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr[-3000:]
    assert f"package: {new_site}/consult/__init__.py" in started.stdout
    assert "starter themes: 12\nstarter blocks: 5\ndemo questions: 13\n" in started.stdout
    assert "status: 200" in started.stdout
    assert french("Log in") in started.stdout
    assert (elsewhere / "consult.sqlite").stat().st_size > 0


def pinned(lock):
    """{name: version} of a pip-compile lock file, each pin followed by its hashes."""
    text = (ROOT / "requirements" / lock).read_text()
    pins = {}
    for block in text.split("\n"):
        if block and not block[0].isspace() and "==" in block:
            name, version = block.split(" ")[0].split("==")
            pins[canonicalize_name(name)] = version
    assert text.count("==") == len(pins)
    assert text.count("--hash=sha256:") >= len(pins)
    return pins


@pytest.mark.parametrize(("lock", "extras"), [("main.txt", ()), ("test.txt", ("test",))])
def test_every_dependency_is_pinned_with_hashes_and_the_pins_satisfy_pyproject(lock, extras):
    """`make run` and `make test` install these files with --require-hashes: a dependency
    added to pyproject.toml without `make lock` fails here rather than there."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    pins = pinned(lock)
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in requirements/{lock}: run `make lock`"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])
    makefile = (ROOT / "Makefile").read_text()
    assert f"--require-hashes -r requirements/{lock}" in makefile
