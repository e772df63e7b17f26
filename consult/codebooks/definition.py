"""A codebook as plain data, the JSON shape that staff export and import and that the starter
codebook's file is in too (codebooks/data/starter_codebook.json):
{"format": "consult-codebook/1", "code", "name", "themes": [{"code", "parent", "name",
"definition", "include", "exclude", "keywords", "strategic_direction"}]}.

Here: a codebook written out, and every check a definition passes before anything is
written (codebooks.files reads an uploaded file into one).
"""

from flask_babel import gettext as _
from flask_babel import ngettext

FORMAT = "consult-codebook/1"
TEXT_FIELDS = ("name", "definition", "include", "exclude", "keywords")
#: The column sizes of the codebook tables.
MAX_CODE = 60
MAX_STRATEGIC_DIRECTION = 120


class CodebookError(ValueError):
    """A codebook file that cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


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
