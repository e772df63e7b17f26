"""Changes to codebooks: the starter codebook, and codebooks as JSON, each one transaction.

The JSON format, which the starter codebook's file is in too (themes/data/starter_codebook.json):
{"format": "consult-codebook/1", "code", "name", "themes": [{"code", "parent", "name",
"definition", "include", "exclude", "keywords", "strategic_direction"}]}.
"""

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit import record
from ..extensions import db
from .models import Codebook, Theme
from .starter import starter_definition

FORMAT = "consult-codebook/1"
TEXT_FIELDS = ("name", "definition", "include", "exclude", "keywords")


class CodebookError(ValueError):
    """A codebook file that cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def seed_starter_codebook():
    """Add the starter codebook if it is not there; returns it. Its file is imported as
    `flask themes import` imports a staff member's."""
    existing = db.session.scalar(select(Codebook).where(Codebook.code == "starter"))
    if existing is not None:
        return existing
    return import_codebook(starter_definition())


def export_codebook(codebook):
    return {
        "format": FORMAT,
        "code": codebook.code,
        "name": dict(codebook.name),
        "themes": [
            {
                "code": theme.code,
                "parent": theme.parent.code if theme.parent else None,
                **{name: dict(getattr(theme, name)) for name in TEXT_FIELDS},
                "strategic_direction": theme.strategic_direction,
            }
            for theme in codebook.themes
        ],
    }


def theme_problems(themes, other_codes=()):
    """Every problem of a definition's list of themes; a parent may be a theme of the list or
    one of ``other_codes`` (themes already in the codebook)."""
    problems = []
    codes = [t.get("code") if isinstance(t, dict) else None for t in themes]
    known = [*codes, *other_codes]
    for index, data in enumerate(themes, 1):
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            problems.append(_("theme %(number)d has no code", number=index))
            continue
        if codes.count(data["code"]) > 1:
            problems.append(_("theme code %(code)s is used twice", code=repr(data["code"])))
        if data.get("parent") is not None and data["parent"] not in known:
            problems.append(
                _(
                    "theme %(code)s has an unknown parent %(parent)s",
                    code=repr(data["code"]),
                    parent=repr(data["parent"]),
                )
            )
        for name in TEXT_FIELDS:
            if not isinstance(data.get(name, {}), dict):
                problems.append(
                    _(
                        "theme %(code)s: %(field)s must be per language",
                        code=repr(data["code"]),
                        field=name,
                    )
                )
    return problems


def import_codebook(definition, code=None):
    """A new codebook from ``definition``; raises CodebookError listing every problem and
    writes nothing then."""
    problems = []
    if not isinstance(definition, dict) or definition.get("format") != FORMAT:
        raise CodebookError(
            [_("the file is not a codebook in the format %(format)s", format=repr(FORMAT))]
        )
    code = code or definition.get("code")
    if not isinstance(code, str) or not code:
        problems.append(_("the codebook needs a code"))
    elif db.session.scalar(select(Codebook.id).where(Codebook.code == code)):
        problems.append(_("a codebook %(code)s exists already", code=repr(code)))
    themes = definition.get("themes")
    if not isinstance(themes, list) or not themes:
        raise CodebookError([*problems, _("the codebook has no themes")])
    problems.extend(theme_problems(themes))
    if problems:
        raise CodebookError(problems)
    codebook = Codebook(code=code, name=dict(definition.get("name") or {}))
    by_code = {}
    for position, data in enumerate(themes):
        theme = Theme(
            position=position,
            code=data["code"],
            strategic_direction=data.get("strategic_direction"),
            **{name: dict(data.get(name) or {}) for name in TEXT_FIELDS},
        )
        by_code[theme.code] = theme
        codebook.themes.append(theme)
    for data in themes:
        if data.get("parent"):
            by_code[data["code"]].parent = by_code[data["parent"]]
    db.session.add(codebook)
    record("codebook.import", None, codebook=code, themes=len(themes))
    db.session.commit()
    return codebook
