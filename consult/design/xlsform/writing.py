"""A round definition to an XLSForm workbook that pyxform converts without error."""

import re
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ...questions import KINDS, kind_of
from .common import language_name

#: A column pyxform leaves aside: each condition in the designer's words, beside its XPath.
SHOWN_WHEN = "shown_when"


def write_xlsform(definition: dict, in_words=None) -> bytes:
    """An .xlsx XLSForm of a consult-round/1 definition, with label::Language (code) and
    hint::Language (code) columns for every language of the round; with ``in_words`` (a
    condition → plain text), a shown_when column says each condition in words too."""
    source = definition.get("source_language") or definition["languages"][0]
    languages = [source] + [code for code in definition["languages"] if code != source]
    questions = [q for s in definition["sections"] for q in s.get("questions") or []]
    kinds = {question["code"]: question["kind"] for question in questions}
    survey, choices = [], []
    codes = {question["code"] for question in questions}
    for number, section in enumerate(definition["sections"], 1):
        relevant = _relevant(section.get("condition"), kinds)
        label = section.get("title") or {}
        name = _new_name(f"section_{number}", codes)
        survey.append(
            {
                "type": "begin group",
                "name": name,
                "label": label,
                "relevant": relevant,
                SHOWN_WHEN: _said(in_words, section.get("condition")),
            }
        )
        for question in section.get("questions") or []:
            survey += _export_question(question, kinds, choices, source, codes, in_words)
        survey.append({"type": "end group"})
    title = definition.get("title") or {}
    settings = {
        "form_title": _literal(title.get(source) or next(iter(title.values()), definition["slug"])),
        "form_id": definition["slug"],
        "default_language": f"{language_name(source)} ({source})",
        "version": str(definition.get("version") or "1"),
    }
    translated = [
        f"{base}::{language_name(c)} ({c})" for base in ("label", "hint") for c in languages
    ]
    columns = ["type", "name", *translated, "required", "relevant", "appearance", "constraint"]
    if in_words:
        columns.append(SHOWN_WHEN)
    choice_columns = ["list_name", "name", *translated[: len(languages)]]
    return _workbook(
        survey=([_flatten(row, languages) for row in survey], columns),
        choices=([_flatten(row, languages) for row in choices], choice_columns),
        settings=([settings], list(settings)),
    )


def _export_question(question, kinds, choices, source, codes, in_words):
    """The survey rows of a question, as its kind writes it (QuestionKind.xlsform); its
    choice list goes into ``choices`` unless a question before wrote a list of that name."""
    code, kind = question["code"], kind_of(question)
    shown = [c for c in question.get("choices") or [] if not c.get("hidden")]
    options = [c for c in shown if c.get("role") != "row"]
    row = dict(
        name=code,
        label=question.get("text") or {source: code},
        hint=question.get("help") or {},
        relevant=_relevant(question.get("condition"), kinds),
        required="yes" if question.get("required") and kind.answered else None,
    )
    row[SHOWN_WHEN] = _said(in_words, question.get("condition"))
    columns, list_name, options = kind.xlsform(question, f"list_{code}", options, source)
    row.update(columns)
    if kind.xlsform_or_other and _or_other(code, options, codes):
        row["type"] += " or_other"
    if not any(choice["list_name"] == list_name for choice in choices):
        for option in options:
            label = option.get("label") or {source: option["code"]}
            choices.append({"list_name": list_name, "name": _choice_name(option), "label": label})
    if not kind.has_rows:
        return [row]
    # Rows on one scale: a group of the question's text, one select_one per row.
    matrix_rows = [
        dict(
            type=f"select_one {list_name}",
            name=_new_name(f"{code}_{r['code']}", codes),
            label=r.get("label") or {source: r["code"]},
            required=row["required"],
        )
        for r in shown
        if r.get("role") == "row"
    ]
    group = {**row, "type": "begin group", "appearance": "field-list", "required": None}
    return [group, *matrix_rows, {"type": "end group"}]


def _new_name(wanted, codes):
    """A question name no other row of the form has (``codes`` grows by it), in the ASCII
    letters and digits ODK Validate reads in an expression's path."""
    name = base = re.sub(r"[^A-Za-z0-9_.-]", "_", wanted)
    number = 1
    while name in codes:
        number += 1
        name = f"{base}_{number}"
    codes.add(name)
    return name


def _or_other(code, options, codes):
    """Whether a question's "other, please specify" is written as XLSForm writes it, with
    "or_other" after the list's name: pyxform then adds the text box, a question named
    code_other (so none of the round may have that code), shown when the choice "other" is
    ticked (so the choice must have that code, as consult's own builder gives it). The
    choice stays in the list, with its labels in every language; read_xlsform reads
    "or_other" back as that choice's role."""
    other = [option["code"] for option in options if option.get("role") == "other"]
    return other == ["other"] and f"{code}_other" not in codes


def _relevant(condition, kinds):
    """The XLSForm expression of a condition; read_xlsform reads it back."""
    if not condition:
        return None
    for combinator, joiner in (("all", " and "), ("any", " or ")):
        if combinator in condition:
            parts = [
                f"({_relevant(c, kinds)})" if {"all", "any"} & set(c) else _relevant(c, kinds)
                for c in condition[combinator]
            ]
            return joiner.join(parts)
    ref, op = "${" + condition["question"] + "}", condition["op"]
    if op in ("answered", "not_answered"):
        return f"{ref} {'!=' if op == 'answered' else '='} ''"
    kind = KINDS.get(kinds.get(condition["question"]))
    multiple = kind is not None and kind.several  # a test of one among several choices
    values = condition["value"] if isinstance(condition["value"], list) else [condition["value"]]
    tests = []
    for value in map(_choice_name, values):
        quoted = _xpath_string(value)
        test = f"selected({ref}, {quoted})" if multiple else f"{ref} = {quoted}"
        tests.append(f"not({test})" if op == "not_equals" else test)
    return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"


def _xpath_string(value):
    """A string in an expression: XPath has no escapes, so a value with both quotes is
    joined from pieces that each hold one kind."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    pieces = [f"'{piece}'" for piece in value.split("'")]
    return "concat(" + ', "\'", '.join(pieces) + ")"


def _choice_name(choice):
    """pyxform refuses spaces in the choice names of a multiple choice question."""
    return re.sub(r"\s", "_", choice if isinstance(choice, str) else choice["code"])


def _said(in_words, condition):
    return in_words(condition) if in_words and condition else None


def _flatten(row, languages):
    """Texts {language: text} -> one column per language, named as in the header."""
    flat = {key: value for key, value in row.items() if not isinstance(value, dict)}
    for base in ("label", "hint"):
        for code in languages:
            flat[f"{base}::{language_name(code)} ({code})"] = _literal(
                (row.get(base) or {}).get(code)
            )
    return flat


def _literal(text):
    """A text as its members read it: "${" would make pyxform look for a question of that
    name, so a word joiner (invisible) goes between "$" and "{"."""
    return text.replace("${", "$\u2060{") if text else text


def _workbook(**sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (rows, columns) in sheets.items():
        sheet = workbook.create_sheet(title)
        for r, row in enumerate([dict(zip(columns, columns, strict=True)), *rows], 1):
            for c, column in enumerate(columns, 1):
                value = row.get(column)
                if value not in (None, ""):
                    cell = sheet.cell(r, c, ILLEGAL_CHARACTERS_RE.sub("", str(value)))
                    cell.data_type = "s"  # never a formula, even for "=…", "+…", "@…"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
