"""XLSForm rows to a round definition, with a report of what could not be mapped."""

import difflib
import re
from pathlib import PurePath

from ..definition import CODE, FORMAT
from .common import (
    BOUND,
    BOUNDS,
    QUESTION,
    SELECT,
    SHEETS,
    SIMPLE,
    STRUCTURE,
    UNSUPPORTED,
    YES,
    ImportReport,
    XLSFormError,
    language_code,
)
from .expressions import RelevantParser, cell_text, column_key
from .workbook import open_workbook


def read_xlsform(file_bytes: bytes, filename: str = "form.xlsx") -> tuple[dict, ImportReport]:
    """(definition dict, report); XLSFormError for a file that is not a usable XLSForm."""
    book, formulas = open_workbook(file_bytes)
    report = ImportReport(notes=[f"{cell}: a formula, read as its text" for cell in formulas])
    try:
        return _Import(book, PurePath(filename or "").stem, report).run(), report
    except XLSFormError:
        raise
    except Exception as error:  # a partner's file must never crash an import
        raise XLSFormError(f"The form could not be imported ({str(error)[:200]}).") from error


class _Import:
    def __init__(self, book, stem, report):
        self.book, self.stem, self.report = book, stem, report
        self.sections, self.current, self.stack = [], None, []
        self.earlier, self.codes = {}, set()  # XLSForm name -> imported question; codes used

    def run(self):
        self.read_settings()
        self.lists = self.read_choices()
        self.read_survey()
        self.drop_empty_sections()
        if not self.sections:
            raise XLSFormError("The form has no question that consult can import.", self.report)
        title = self.form_title or self.stem or "Imported form"
        definition = dict(
            format=FORMAT,
            slug=self.slug,
            access_mode="public",
            min_cell_size=5,
            title={self.default: title},
            introduction={},
            thank_you={},
            sections=self.sections,
        )
        used = _languages_in(definition)
        definition["languages"] = [self.default] + [c for c in used if c != self.default]
        definition["source_language"] = self.default
        return definition

    def drop_empty_sections(self):
        kept = []
        for section in self.sections:
            where = section.pop("where")
            if section["questions"]:
                kept.append(section)
            else:
                self.report.notes.append(f"{where}: nothing to import, no section")
        self.sections = kept

    def read_settings(self):
        rows = [row for row in self.book.get("settings") or [] if row]
        settings = {column_key(k): cell_text(v) for k, v in (rows[0] if rows else {}).items()}
        if not settings.get("form_id"):
            missing = "settings sheet" if "settings" not in self.book else "form_id setting"
            self.report.notes.append(f"no {missing}: slug taken from the file name")
        language = settings.get("default_language")
        self.default = language_code(language) if language else self.guess_default()
        slug = re.sub(r"[^a-z0-9]+", "-", (settings.get("form_id") or self.stem).lower())
        self.slug = slug.strip("-")[:80].strip("-") or "imported-form"
        self.form_title = settings.get("form_title")
        names = self.book["sheet_names"]
        read = ("survey", "choices", "settings")
        for name in [n for n in names if n.lower() not in read]:
            if len(names) == 1:
                self.report.notes.append(f"the only sheet, {name!r}, was read as the survey")
                continue
            guess = [] if name.lower() in SHEETS else difflib.get_close_matches(name, read, n=1)
            hint = f" (did you mean {guess[0]!r}?)" if guess else ""
            self.report.notes.append(f"sheet {name!r} ignored{hint}")

    def guess_default(self):
        """As pyxform: plain `label` columns are the default language; if all name one,
        the first named language is the source."""
        columns = dict.fromkeys(key for row in self.book.get("survey") or [] for key in row)
        for column in columns:
            match = re.match(r"^label\s*(?:::?(.*))?$", column.strip(), re.I)
            if match:
                return language_code(match.group(1)) if match.group(1) else "en"
        return "en"

    def split(self, row):
        """(other columns under lower-case names, {"label"|"hint": {language: text}})."""
        plain, texts = {}, {"label": {}, "hint": {}}
        for column, value in row.items():
            match = re.match(r"^(label|hint)\s*(?:::?(.*))?$", column.strip(), re.I)
            if match and cell_text(value):
                language = language_code(match.group(2)) if match.group(2) else self.default
                texts[match.group(1).lower()].setdefault(language, cell_text(value))
            elif not match:
                plain[column_key(column)] = cell_text(value)
        return plain, texts

    def read_choices(self):
        lists = {}
        for number, row in enumerate(self.book.get("choices") or [], 2):
            if not row:
                continue
            plain, texts = self.split(row)
            name, code = plain.get("list_name"), plain.get("name") or plain.get("value")
            where = f"choices row {number} (list {name!r}, {code!r})"
            if not name or not code:
                self.report.skipped.append(f"choices row {number}: no list name or no name")
            elif code[:60] in {c["code"] for c in lists.get(name, [])}:
                self.report.skipped.append(f"{where}: a second choice with the same name")
            else:
                if _media(plain):
                    self.report.skipped.append(f"{where}: its {_media(plain)} dropped")
                label = texts["label"] or {self.default: code}
                choice = {"code": code[:60], "role": "option", "label": label, "hidden": False}
                lists.setdefault(name, []).append(choice)
        return lists

    def read_survey(self):
        rows = self.book.get("survey")
        if rows is None:
            raise XLSFormError("The spreadsheet has no sheet named 'survey'.", self.report)
        if not any("type" in map(column_key, row) for row in rows):
            raise XLSFormError("The survey sheet has no 'type' column.", self.report)
        for number, row in enumerate(rows, 2):
            plain, texts = self.split(row)
            type_ = re.sub(r"\s+", " ", plain.get("type", ""))  # list names keep their case
            where = f"survey row {number} ({type_ or 'no type'} {plain.get('name', '')!r})"
            if STRUCTURE.match(type_):
                self.structure(STRUCTURE.match(type_), plain, texts, where)
            elif "repeat" in self.stack:
                self.report.skipped.append(f"{where}: inside a repeat")
            elif type_:
                self.question(type_, plain, texts, where, number)
            elif row:
                self.report.skipped.append(f"{where}: no type")
        if self.stack:
            self.report.notes.append("the survey ends inside a group, closed there")

    def structure(self, match, plain, texts, where):
        if match.group(1).lower() == "end":
            if not self.stack:
                self.report.notes.append(f"{where}: an end without a begin, ignored")
                return
            self.stack.pop()
            self.current = self.current if self.stack else None
        elif "repeat" in self.stack or match.group(2).lower() != "group":
            if "repeat" not in self.stack:
                self.report.skipped.append(f"{where}: repeats are not supported")
            self.stack.append("repeat")
        elif self.stack:
            self.stack.append("group")
            self.report.notes.append(f"{where}: a group within a group, flattened")
            if plain.get("relevant"):
                self.report.skipped.append(f"{where}: the inner group's condition was dropped")
        else:
            self.stack.append("group")
            title = texts["label"] or {self.default: plain.get("name") or "Questions"}
            condition = self.condition(plain.get("relevant"), where)
            self.current = self.new_section(title, condition, where)

    def new_section(self, title, condition, where):
        section = {"title": title, "introduction": {}, "condition": condition, "questions": []}
        self.sections.append({**section, "where": where})
        return self.sections[-1]

    def question(self, type_, plain, texts, where, number):
        select = SELECT.match(type_)
        if select is None and type_.lower() not in SIMPLE:
            found = (r for p, r in UNSUPPORTED if re.search(p, type_.lower()))
            reason = next(found, "unknown type")
            self.report.skipped.append(f"{where}: {reason}")
            return
        question = {
            "code": None,
            "kind": None,
            "text": texts["label"],
            "help": texts["hint"],
            "required": False,
            **QUESTION,
            "condition": None,
            "choices": [],
        }
        if select is None:
            self.simple(question, SIMPLE[type_.lower()], plain.get("appearance", "").lower())
        elif not self.choices(question, select, plain, where):
            return
        if question["kind"] == "info" and not (question["text"] or question["help"]):
            self.report.skipped.append(f"{where}: a note with no text")
            return
        question["code"] = self.new_code(plain.get("name"), number, where)
        if not question["text"] and question["kind"] != "info":
            question["text"] = {self.default: plain.get("name") or question["code"]}
            self.report.notes.append(f"{where}: no label, its name is used")
        required = plain.get("required", "").lower().lstrip("=")  # "=TRUE()" is a literal
        question["required"] = question["kind"] != "info" and required in YES
        self.extras(question, plain, where)
        question["condition"] = self.condition(plain.get("relevant"), where)
        if self.current is None:
            title = {self.default: self.form_title or "Questions"}
            self.current = self.new_section(title, None, where)
        self.current["questions"].append(question)
        self.earlier[plain.get("name") or question["code"]] = question

    def simple(self, question, kind, appearance):
        if kind == "short_text" and "multiline" in appearance:
            kind = "long_text"
        if kind in ("integer", "decimal"):
            question["allow_decimals"] = kind == "decimal"
            kind = "number"
        question["kind"] = kind

    def choices(self, question, select, plain, where):
        choices = [dict(c) for c in self.lists.get(select.group("list"), [])]
        if not choices:
            self.report.skipped.append(
                f"{where}: the choice list {select.group('list')!r} is missing or empty"
            )
            return False
        kinds = {"one": "single_choice", "multiple": "multiple_choice", "rank": "ranking"}
        question["kind"] = next(kinds[name] for name in kinds if select.group(name))
        appearance = plain.get("appearance", "").lower()
        question["dropdown"] = question["kind"] == "single_choice" and "minimal" in appearance
        if question["kind"] == "ranking":
            question["rank_count"] = len(choices)
        elif select.group("other"):
            other = next((c for c in choices if c["code"] == "other"), None)
            if other is None:
                other = {"code": "other", "label": {self.default: "Other"}, "hidden": False}
                choices.append(other)
            other["role"] = "other"
        question["choices"] = choices
        return True

    def extras(self, question, plain, where):
        """Bounds a constraint gives; a line for each column consult drops."""
        if plain.get("constraint") and not _bounds(question, plain["constraint"]):
            self.report.skipped.append(f"{where}: its constraint was dropped")
        if plain.get("choice_filter"):
            self.report.skipped.append(f"{where}: imported, but its choice filter was dropped")
        if plain.get("calculation"):
            self.report.skipped.append(f"{where}: its calculation was dropped")
        if _media(plain):
            self.report.skipped.append(f"{where}: its {_media(plain)} dropped")

    def new_code(self, name, number, where):
        code = re.sub(r"[^A-Za-z0-9_.-]", "_", name or f"q{number}")[:60]
        code = code if CODE.match(code) else ("_" + code)[:60]
        candidate, n = code, 1
        while candidate in self.codes:
            n += 1
            candidate = f"{code[:55]}_{n}"
        if candidate != name:
            self.report.notes.append(f"{where}: the question's code is {candidate!r}")
        self.codes.add(candidate)
        return candidate

    def condition(self, relevant, where):
        if not relevant:
            return None
        try:
            return self.resolve(RelevantParser(relevant).parse())
        except ValueError as error:
            self.report.skipped.append(f"{where}: its condition {relevant!r} dropped ({error})")
            return None

    def resolve(self, condition):
        """XLSForm names -> codes, checking what check_conditions will check."""
        for combinator in ("all", "any"):
            if combinator in condition:
                return {combinator: [self.resolve(c) for c in condition[combinator]]}
        target = self.earlier.get(condition["question"])
        if target is None:
            raise ValueError(f"{condition['question']!r} is not an earlier imported question")
        codes = {choice["code"] for choice in target["choices"]}
        if "value" in condition and condition["value"] not in codes:
            raise ValueError(f"{condition['value']!r} is not one of its choices")
        return {**condition, "question": target["code"]}


def _bounds(question, constraint):
    """Set the number, tick or length bounds a constraint states; False if it says more."""
    found = {}
    for part in re.split(r"\s+and\s+", constraint.strip()):
        match = BOUND.match(part)
        if match is None:
            return False
        lhs, number = re.sub(r"\s", "", match.group("lhs")), float(match.group("n"))
        name = BOUNDS.get((question["kind"], lhs, match.group("op")))
        whole = number >= 0 and number.is_integer()
        if name is None or not (name.endswith("value") or whole):
            return False
        found[name] = number if name.endswith("value") else int(number)
    question.update(found)
    return True


def _media(plain):
    """'image was', 'audio, image were' or '' for the media columns filled in a row."""
    media = re.compile(r"(image|audio|video|big-image|media)\b")
    names = sorted({key.split(":")[0] for key in plain if media.match(key) and plain[key]})
    return ", ".join(names) + (" were" if len(names) > 1 else " was") if names else ""


def _languages_in(definition):
    texts = [definition["title"]]
    for section in definition["sections"]:
        texts.append(section["title"])
        for question in section["questions"]:
            texts += [question["text"], question["help"]]
            texts += [choice["label"] for choice in question["choices"]]
    return list(dict.fromkeys(code for text in texts for code in text))


# --- Export ------------------------------------------------------------------------------
