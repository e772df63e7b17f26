"""Changes to an existing codebook from the staff pages: updated from a file, a theme added,
a theme edited. Each is one transaction with its audit event.

An update never removes a theme: answers may be tagged with it. Themes are matched on their
code; a theme the file does not mention stays as it is.
"""

import json
from dataclasses import dataclass, field

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from ..audit import record
from ..config import LANGUAGES
from ..extensions import db
from .models import Theme
from .operations import FORMAT, TEXT_FIELDS, CodebookError, import_codebook, theme_problems
from .sheet import SheetError, definition_from_table, read_table

#: The column sizes of the codebook tables.
MAX_CODE = 60
#: Objects, lists and values of a codebook's JSON file: a codebook of as many themes as a
#: spreadsheet may hold (sheet.MAX_ROWS), in nine languages, has under 100,000.
MAX_JSON_ITEMS = 200_000
MAX_STRATEGIC_DIRECTION = 120
UPLOAD_SUFFIXES = ("json", "csv", "xlsx")


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    #: Themes of the codebook the file does not mention, kept as they were.
    kept: list[str] = field(default_factory=list)


def definition_from_upload(filename, content, code):
    """The codebook definition (JSON shape) of an uploaded .json, .csv or .xlsx file; raises
    CodebookError with the reason when the file cannot be read."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix not in UPLOAD_SUFFIXES:
        raise CodebookError([_("choose a .json, .csv or .xlsx file")])
    if suffix == "json":
        items = sum(content.count(character) for character in (b"{", b"[", b","))
        if items > MAX_JSON_ITEMS:
            # Counted before parsing: 10 MB of "{}," would take 250 MB to parse.
            raise CodebookError(
                [
                    ngettext(
                        "the file has more than %(limit)s JSON item; a codebook has far fewer",
                        "the file has more than %(limit)s JSON items; a codebook has far fewer",
                        MAX_JSON_ITEMS,
                        limit=format_decimal(MAX_JSON_ITEMS),
                    )
                ]
            )
        try:
            return json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise CodebookError([_("the file is not valid JSON")]) from None
    try:
        return definition_from_table(read_table(filename, content), code)
    except SheetError as error:
        raise CodebookError([str(error)]) from None


def import_or_update(codebook, definition, code):
    """A new codebook ``code`` when ``codebook`` is None, else ``codebook`` updated: (the
    codebook, UpdateReport or None for a new one). Raises CodebookError."""
    if codebook is None:
        check_definition(definition)  # what import_codebook would leave to the database
        return import_codebook(definition, code), None
    return codebook, update_codebook(codebook, definition)


def check_definition(definition, existing=None):
    """Raise CodebookError listing every problem of a codebook ``definition`` as an update of
    the themes ``existing`` ({code: Theme}) or as a new codebook: import_codebook's checks,
    then types and sizes, then parents that go round in a circle."""
    if not isinstance(definition, dict) or definition.get("format") != FORMAT:
        raise CodebookError(
            [_("the file is not a codebook in the format %(format)s", format=repr(FORMAT))]
        )
    themes = definition.get("themes")
    if not isinstance(themes, list) or not themes:
        raise CodebookError([_("the codebook has no themes")])
    existing = existing or {}
    problems = theme_problems(themes, other_codes=list(existing))
    name = definition.get("name")
    if name is not None and not (
        isinstance(name, dict) and all(isinstance(text, str) for text in name.values())
    ):
        problems.append(_("the codebook's name must map language codes to texts"))
    problems += _type_problems(themes)
    if not problems:
        problems += _circle_problems(themes, existing)
    if problems:
        raise CodebookError(problems)


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


def _type_problems(themes):
    """What import_codebook leaves to the database: texts that are not texts, codes and
    directions too long for their columns."""
    problems = []
    for data in themes:
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            continue  # theme_problems names it
        code = data["code"]
        if not code.strip():
            problems.append(_("a theme has an empty code"))
        elif "\x00" in code:  # PostgreSQL stores no null character
            problems.append(_("theme code %(code)s has a null character", code=repr(code[:20])))
        elif len(code) > MAX_CODE:
            problems.append(
                ngettext(
                    "theme code %(code)s… is longer than %(num)d character",
                    "theme code %(code)s… is longer than %(num)d characters",
                    MAX_CODE,
                    code=repr(code[:20]),
                )
            )
        for name in TEXT_FIELDS:
            texts = data.get(name) or {}
            if not isinstance(texts, dict):
                continue  # theme_problems names it
            if name == "keywords":
                if not all(
                    isinstance(words, list) and all(isinstance(w, str) for w in words)
                    for words in texts.values()
                ):
                    problems.append(
                        _("theme %(code)s: keywords must be lists of texts", code=repr(code))
                    )
            elif not all(isinstance(text, str) for text in texts.values()):
                problems.append(
                    _("theme %(code)s: %(field)s must be texts", code=repr(code), field=name)
                )
        if data.get("parent") is not None and not isinstance(data["parent"], str):
            problems.append(_("theme %(code)s: the parent must be a theme code", code=repr(code)))
        direction = data.get("strategic_direction")
        if direction is not None and (
            not isinstance(direction, str)
            or len(direction) > MAX_STRATEGIC_DIRECTION
            or "\x00" in direction
        ):
            problems.append(
                ngettext(
                    "theme %(code)s: the strategic direction must be a text of at most "
                    "%(num)d character",
                    "theme %(code)s: the strategic direction must be a text of at most "
                    "%(num)d characters",
                    MAX_STRATEGIC_DIRECTION,
                    code=repr(code),
                )
            )
    return problems


def _circle_problems(themes, existing):
    """Themes that would end up inside themselves, through their parents."""
    parents = {
        code: theme.parent.code if theme.parent else None for code, theme in existing.items()
    }
    parents.update({data["code"]: data.get("parent") or None for data in themes})
    problems = []
    for data in themes:
        seen, code = set(), data["code"]
        while code is not None and code not in seen:
            seen.add(code)
            code = parents.get(code)
        if code == data["code"]:
            problems.append(
                _(
                    "theme %(code)s would be inside itself through its parents",
                    code=repr(data["code"]),
                )
            )
    return problems


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
