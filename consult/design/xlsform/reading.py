"""XLSForm rows to a round definition, with a report of what could not be mapped."""

import difflib
import re
from pathlib import PurePath

from flask_babel import gettext as _

from ...spreadsheets import SpreadsheetRefused
from ..definition import FORMAT
from ..imports import (
    MAX_CHARACTERS,
)
from .common import (
    MAX_SECONDS,
    SHEETS,
    ImportReport,
    XLSFormError,
    choice_code,
    language_code,
)
from .expressions import cell_text, column_key, survey_column
from .survey_rows import SurveyRows
from .workbook import Budget, open_workbook


def read_xlsform(
    file_bytes: bytes, filename: str = "form.xlsx", address_given: bool = False
) -> tuple[dict, ImportReport]:
    """(definition dict, report); XLSFormError for a file that is not a usable XLSForm, or
    one that holds more than a round may (the bounds of common.py and imports.py). With
    ``address_given`` the importer typed the round's address, so the report does not say
    where one would otherwise come from."""
    budget = Budget(MAX_CHARACTERS, MAX_SECONDS)
    suffix = PurePath(filename or "").suffix.lower().lstrip(".")
    try:
        book, formulas = open_workbook(file_bytes, budget, suffix)
        report = ImportReport(
            notes=[_("%(where)s: a formula, read as its text", where=cell) for cell in formulas]
        )
        stem = PurePath(filename or "").stem
        return _Import(book, stem, report, budget, address_given).run(), report
    except XLSFormError:
        raise
    except SpreadsheetRefused as error:  # a bound of the spreadsheet gate, in its words
        raise XLSFormError(str(error)) from error
    except Exception as error:  # a partner's file must never crash an import
        raise XLSFormError(
            _("The form could not be imported (%(error)s).", error=str(error)[:200])
        ) from error


#: A reference to another question's answer in a text ("${age}"), which pyxform fills in.
REFERENCE = re.compile(r"\$\{[^}]*\}")


class _Import(SurveyRows):
    """One XLSForm being read: its settings and choice lists here, its survey rows in
    SurveyRows."""

    def __init__(self, book, stem, report, budget, address_given=False):
        self.book, self.stem, self.report, self.budget = book, stem, report, budget
        self.address_given = address_given
        self.sections, self.current, self.stack = [], None, []
        self.questions = self.choice_count = 0  # imported so far, against the bounds
        self.earlier, self.codes = {}, set()  # XLSForm name -> imported question; codes used

    def run(self):
        self.read_settings()
        self.lists = self.read_choices()
        self.read_survey()
        self.drop_empty_sections()
        self.drop_references()
        if not self.sections:
            raise XLSFormError(_("The form has no question that consult can import."), self.report)
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

    def drop_references(self):
        """No ${…} left in a text: consult does not put answers into texts, and a member
        would read the raw reference. Each becomes "…", named in the report."""
        for section in self.sections:
            for question in section["questions"]:
                texts = [question["text"], question["help"]]
                texts += [choice["label"] for choice in question["choices"]]
                found = sorted(
                    {
                        ref
                        for text in texts
                        for value in text.values()
                        for ref in REFERENCE.findall(value)
                    }
                )
                if not found:
                    continue
                for text in texts:
                    for language, value in text.items():
                        text[language] = REFERENCE.sub("…", value)
                self.report.notes.append(
                    _(
                        "question %(code)s: %(references)s in its text shown as “…” (consult "
                        "does not put answers into texts)",
                        code=question["code"],
                        references=", ".join(found),
                    )
                )

    def drop_empty_sections(self):
        kept = []
        for section in self.sections:
            where = section.pop("where")
            if section["questions"]:
                kept.append(section)
            else:
                self.report.notes.append(_("%(where)s: nothing to import, no section", where=where))
        self.sections = kept

    def read_settings(self):
        rows = [row for row in self.book.get("settings") or [] if row]
        settings = {column_key(k): cell_text(v) for k, v in (rows[0] if rows else {}).items()}
        if not settings.get("form_id") and not self.address_given:
            if "settings" not in self.book:
                note = _("no %(sheet)s sheet: slug taken from the file name", sheet="settings")
            else:
                note = _("no %(setting)s setting: slug taken from the file name", setting="form_id")
            self.report.notes.append(note)
        language = settings.get("default_language")
        self.default = language_code(language) if language else self.guess_default()
        slug = re.sub(r"[^a-z0-9]+", "-", (settings.get("form_id") or self.stem).lower())
        self.slug = slug.strip("-")[:80].strip("-") or "imported-form"
        self.form_title = settings.get("form_title")
        names = self.book["sheet_names"]
        read = ("survey", "choices", "settings")
        for name in [n for n in names if n.lower() not in read]:
            if len(names) == 1:
                self.report.notes.append(
                    _(
                        "the only sheet, %(name)s, was read as the %(sheet)s",
                        name=repr(name),
                        sheet="survey",
                    )
                )
                continue
            guess = [] if name.lower() in SHEETS else difflib.get_close_matches(name, read, n=1)
            if guess:
                note = _(
                    "sheet %(name)s ignored (did you mean '%(sheet)s'?)",
                    name=repr(name),
                    sheet=guess[0],
                )
            else:
                note = _("sheet %(name)s ignored", name=repr(name))
            self.report.notes.append(note)

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
            match = re.match(r"^(label|hint|caption)\s*(?:::?(.*))?$", column.strip(), re.I)
            if match and cell_text(value):
                language = language_code(match.group(2)) if match.group(2) else self.default
                kind = "hint" if match.group(1).lower() == "hint" else "label"  # caption: label
                texts[kind].setdefault(language, cell_text(value))
            elif not match:
                plain[survey_column(column)] = cell_text(value)
        return plain, texts

    def read_choices(self):
        lists = {}
        for number, row in enumerate(self.book.get("choices") or [], 2):
            self.budget.tick()
            if not row:
                continue
            plain, texts = self.split(row)
            name, code = plain.get("list_name"), plain.get("name") or plain.get("value")
            if not name or not code:
                self.report.skipped.append(
                    _(
                        "%(where)s: no %(list_column)s or no %(name_column)s",
                        where=_("%(sheet)s row %(number)d", sheet="choices", number=number),
                        list_column="list_name",
                        name_column="name",
                    )
                )
                continue
            where = _(
                "%(sheet)s row %(number)d (list %(list)s, %(name)s)",
                sheet="choices",
                number=number,
                list=repr(name),
                name=repr(code),
            )
            if choice_code(code) in {c["code"] for c in lists.get(name, [])}:
                self.report.skipped.append(
                    _(
                        "%(where)s: a second choice with the same %(column)s",
                        where=where,
                        column="name",
                    )
                )
            else:
                self.media(plain, where)
                label = texts["label"] or {self.default: code}
                if choice_code(code) != code:
                    self.report.notes.append(
                        _(
                            "%(where)s: the choice's code is %(code)s",
                            where=where,
                            code=repr(choice_code(code)),
                        )
                    )
                choice = {"code": choice_code(code), "role": "option", "label": label}
                lists.setdefault(name, []).append({**choice, "hidden": False})
        return lists


def _languages_in(definition):
    texts = [definition["title"]]
    for section in definition["sections"]:
        texts.append(section["title"])
        for question in section["questions"]:
            texts += [question["text"], question["help"]]
            texts += [choice["label"] for choice in question["choices"]]
    return list(dict.fromkeys(code for text in texts for code in text))


# --- Export ------------------------------------------------------------------------------
