"""Every change to codebooks, each one transaction with its audit event: the starter
codebook seeded, a codebook imported from its definition (codebooks.definition) or updated
from one, a theme added or edited on the staff pages.

An update never removes a theme: answers may be tagged with it. Themes are matched on their
code; a theme the file does not mention stays as it is.
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit import record
from ..config import LANGUAGES
from ..extensions import db
from .definition import FORMAT, TEXT_FIELDS, CodebookError, check_definition, theme_problems
from .models import Codebook, Theme
from .starter import starter_definition


def seed_starter_codebook():
    """Add the starter codebook if it is not there; returns it. Its file is imported as
    `flask themes import` imports a staff member's."""
    existing = db.session.scalar(select(Codebook).where(Codebook.code == "starter"))
    if existing is not None:
        return existing
    return import_codebook(starter_definition())


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


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    #: Themes of the codebook the file does not mention, kept as they were.
    kept: list[str] = field(default_factory=list)


def import_or_update(codebook, definition, code):
    """A new codebook ``code`` when ``codebook`` is None, else ``codebook`` updated: (the
    codebook, UpdateReport or None for a new one). Raises CodebookError, with nothing of the
    file left in the session."""
    try:
        if codebook is None:
            check_definition(definition)  # what import_codebook would leave to the database
            return import_codebook(definition, code), None
        return codebook, update_codebook(codebook, definition)
    except CodebookError:
        db.session.rollback()
        raise


def update_codebook(codebook, definition):
    """Update ``codebook`` from ``definition`` (the JSON shape, whatever code it names):
    themes with a code of the codebook get their texts, keywords, parent and strategic
    direction replaced, new codes are added at the end in the file's order, and the others
    are kept. Raises CodebookError listing every problem and writes nothing then."""
    existing = {theme.code: theme for theme in codebook.themes}
    check_definition(definition, existing)
    themes = definition["themes"]
    report = UpdateReport()
    in_file = {data["code"] for data in themes}
    report.kept = [code for code in existing if code not in in_file]
    position = max((theme.position for theme in codebook.themes), default=-1)
    by_code = dict(existing)
    for data in themes:
        values = {name: dict(data.get(name) or {}) for name in TEXT_FIELDS}
        values["strategic_direction"] = data.get("strategic_direction") or None
        theme = existing.get(data["code"])
        if theme is None:
            position += 1
            theme = Theme(position=position, code=data["code"], **values)
            codebook.themes.append(theme)
            by_code[theme.code] = theme
            report.added.append(theme.code)
            continue
        if any(getattr(theme, name) != value for name, value in values.items()):
            report.changed.append(theme.code)
        for name, value in values.items():
            setattr(theme, name, value)
    for data in themes:
        theme = by_code[data["code"]]
        parent = by_code[data["parent"]] if data.get("parent") else None
        if theme.parent is not parent:
            if data["code"] in existing and data["code"] not in report.changed:
                report.changed.append(data["code"])
            theme.parent = parent
    name = definition.get("name")
    if isinstance(name, dict) and name:
        codebook.name = dict(name)
    record(
        "codebook.update",
        None,
        codebook=codebook.code,
        added=len(report.added),
        changed=len(report.changed),
    )
    db.session.commit()
    return report


def add_theme(codebook, code, name, language):
    """A new theme at the end of ``codebook`` with its name in ``language``; the caller has
    checked that the code is free."""
    position = max((theme.position for theme in codebook.themes), default=-1) + 1
    theme = Theme(
        position=position,
        code=code,
        name={language: name},
        definition={},
        include={},
        exclude={},
        keywords={},
    )
    codebook.themes.append(theme)
    record("codebook.theme", None, codebook=codebook.code, theme=code, source="page")
    db.session.commit()
    return theme


def save_theme(theme, texts, parent, strategic_direction):
    """Save what the theme page sends: ``texts`` is {field: {language: text or keyword
    list}} for the interface languages, which replace theirs; texts in other languages
    (from an imported file) are kept."""
    for name in TEXT_FIELDS:
        kept = {
            lang: value for lang, value in getattr(theme, name).items() if lang not in LANGUAGES
        }
        given = {lang: value for lang, value in texts.get(name, {}).items() if value}
        setattr(theme, name, {**kept, **given})
    theme.parent = parent
    theme.strategic_direction = strategic_direction or None
    record("codebook.theme", None, codebook=theme.codebook.code, theme=theme.code)
    db.session.commit()
