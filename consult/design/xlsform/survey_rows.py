"""The survey sheet's rows of an XLSForm: groups into sections (flattened within one
another), each type into a question of the kind that reads it, choices from the lists,
constraints into bounds, and "relevant" into conditions; what cannot be mapped is
reported. Mixed into the import (reading.py), whose state it reads and fills: ``report``,
``lists``, ``sections``, ``budget``, ``default``.
"""

import re

from flask_babel import gettext as _
from flask_babel import ngettext

from ...questions import KINDS
from ..definition import CODE
from ..imports import (
    MAX_CHOICES,
    MAX_QUESTIONS,
    MAX_ROUND_CHOICES,
    too_many_choices,
    too_many_questions,
    too_many_round_choices,
)
from .common import (
    BOUND,
    QUESTION,
    SELECT,
    STRUCTURE,
    UNSUPPORTED,
    YES,
    XLSFormError,
    choice_code,
)
from .expressions import RelevantParser, column_key


class SurveyRows:
    def read_survey(self):
        rows = self.book.get("survey")
        if rows is None:
            raise XLSFormError(
                _("The spreadsheet has no sheet named '%(sheet)s'.", sheet="survey"), self.report
            )
        if not any("type" in map(column_key, row) for row in rows):
            raise XLSFormError(
                _(
                    "The %(sheet)s sheet has no '%(column)s' column.",
                    sheet="survey",
                    column="type",
                ),
                self.report,
            )
        for number, row in enumerate(rows, 2):
            self.budget.tick()
            plain, texts = self.split(row)
            type_ = re.sub(r"\s+", " ", plain.get("type", ""))  # list names keep their case
            where = _survey_row(number, type_, plain.get("name", ""))
            if STRUCTURE.match(type_):
                self.structure(STRUCTURE.match(type_), plain, texts, where)
            elif "repeat" in self.stack:
                self.report.skipped.append(_("%(where)s: inside a repeat", where=where))
            elif type_:
                self.question(type_, plain, texts, where, number)
            elif row:
                self.report.skipped.append(
                    _("%(where)s: no %(column)s", where=where, column="type")
                )
        if self.stack:
            self.report.notes.append(
                _("the %(sheet)s ends inside a group, closed there", sheet="survey")
            )

    def structure(self, match, plain, texts, where):
        if match.group(1).lower() == "end":
            if not self.stack:
                self.report.notes.append(
                    _("%(where)s: an end without a begin, ignored", where=where)
                )
                return
            self.stack.pop()
            self.current = self.current if self.stack else None
        elif "repeat" in self.stack or match.group(2).lower() != "group":
            if "repeat" not in self.stack:
                self.report.skipped.append(_("%(where)s: repeats are not supported", where=where))
            self.stack.append("repeat")
        elif self.stack:
            self.stack.append("group")
            self.report.notes.append(_("%(where)s: a group within a group, flattened", where=where))
            if plain.get("relevant"):
                self.report.skipped.append(
                    _("%(where)s: the inner group's condition was dropped", where=where)
                )
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
        appearance = plain.get("appearance", "").lower()
        read = None if select else _simple_question(type_.lower(), appearance)
        if select is None and read is None:
            found = (message for p, message in UNSUPPORTED if re.search(p, type_.lower()))
            message = next(found, None)
            self.report.skipped.append(
                _(message, where=where)
                if message
                else _("%(where)s: unknown %(column)s", where=where, column="type")
            )
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
            question.update(read)
        elif not self.choices(question, select, plain, where):
            return
        answered = KINDS[question["kind"]].answered
        if not answered and not (question["text"] or question["help"]):
            self.report.skipped.append(_("%(where)s: a note with no text", where=where))
            return
        question["code"] = self.new_code(plain.get("name"), number, where)
        if not question["text"] and not answered:
            # A note with only a hint: the hint is what members read, so it is the text
            # (exported, it would otherwise need its code as a label).
            question["text"], question["help"] = question["help"], {}
        if not question["text"] and answered:
            question["text"] = {self.default: plain.get("name") or question["code"]}
            self.report.notes.append(
                _(
                    "%(where)s: no %(label_column)s, its %(name_column)s is used",
                    where=where,
                    label_column="label",
                    name_column="name",
                )
            )
        required = plain.get("required", "").lower().lstrip("=")  # "=TRUE()" is a literal
        question["required"] = answered and required in YES
        self.extras(question, plain, where)
        question["condition"] = self.condition(plain.get("relevant"), where)
        if self.current is None:
            title = {self.default: self.form_title or "Questions"}
            self.current = self.new_section(title, None, where)
        self.questions += 1
        if self.questions > MAX_QUESTIONS:
            raise XLSFormError(too_many_questions(), self.report)
        self.current["questions"].append(question)
        self.earlier[plain.get("name") or question["code"]] = question

    def choices(self, question, select, plain, where):
        listed = self.lists.get(select.group("list"), [])
        # Counted before the list is copied: a list is copied for each question that uses it.
        if len(listed) > MAX_CHOICES:
            raise XLSFormError(too_many_choices(where), self.report)
        self.choice_count += len(listed)
        if self.choice_count > MAX_ROUND_CHOICES:
            raise XLSFormError(too_many_round_choices(), self.report)
        choices = [dict(c) for c in listed]
        if not choices:
            self.report.skipped.append(
                _(
                    "%(where)s: the choice list %(list)s is missing or empty",
                    where=where,
                    list=repr(select.group("list")),
                )
            )
            return False
        # XLSForm's three selects; the other types are read by the kinds (from_xlsform).
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
            self.report.skipped.append(
                _("%(where)s: its %(column)s was dropped", where=where, column="constraint")
            )
        if plain.get("choice_filter"):
            self.report.skipped.append(
                _(
                    "%(where)s: imported, but its %(column)s was dropped",
                    where=where,
                    column="choice_filter",
                )
            )
        if plain.get("calculation"):
            self.report.skipped.append(
                _("%(where)s: its %(column)s was dropped", where=where, column="calculation")
            )
        self.media(plain, where)

    def media(self, plain, where):
        """A line for the media columns (image, audio...) filled in a row, if any."""
        names = _media(plain)
        if names:
            self.report.skipped.append(
                ngettext(
                    "%(where)s: its %(columns)s was dropped",
                    "%(where)s: its %(columns)s were dropped",
                    len(names),
                    where=where,
                    columns=", ".join(names),
                )
            )

    def new_code(self, name, number, where):
        code = re.sub(r"[^A-Za-z0-9_.-]", "_", name or f"q{number}")[:60]
        code = code if CODE.match(code) else ("_" + code)[:60]
        candidate, n = code, 1
        while candidate in self.codes:
            n += 1
            candidate = f"{code[:55]}_{n}"
        if candidate != name:
            self.report.notes.append(
                _("%(where)s: the question's code is %(code)s", where=where, code=repr(candidate))
            )
        self.codes.add(candidate)
        return candidate

    def condition(self, relevant, where):
        if not relevant:
            return None
        try:
            return self.resolve(RelevantParser(relevant).parse())
        except ValueError as error:
            self.report.skipped.append(
                _(
                    "%(where)s: its condition %(expression)s dropped (%(reason)s)",
                    where=where,
                    expression=repr(relevant),
                    reason=str(error),
                )
            )
            return None

    def resolve(self, condition):
        """XLSForm names -> codes, checking what check_conditions will check."""
        for combinator in ("all", "any"):
            if combinator in condition:
                return {combinator: [self.resolve(c) for c in condition[combinator]]}
        target = self.earlier.get(condition["question"])
        if target is None:
            raise ValueError(
                _(
                    "%(name)s is not an earlier imported question",
                    name=repr(condition["question"]),
                )
            )
        codes = {choice["code"] for choice in target["choices"]}
        if "value" in condition:
            condition = {**condition, "value": choice_code(condition["value"])}
        if "value" in condition and condition["value"] not in codes:
            raise ValueError(
                _("%(value)s is not one of its choices", value=repr(condition["value"]))
            )
        return {**condition, "question": target["code"]}


def _simple_question(type_, appearance):
    """A question's kind and settings from a type that is not a select, as the first kind
    that reads it says; None for a type no kind reads."""
    return next(
        (read for kind in KINDS.values() if (read := kind.from_xlsform(type_, appearance))), None
    )


def _bounds(question, constraint):
    """Set the number, tick or length bounds a constraint states; False if it says more."""
    found = {}
    for part in re.split(r"\s+and\s+", constraint.strip()):
        match = BOUND.match(part)
        if match is None:
            return False
        lhs, number = re.sub(r"\s", "", match.group("lhs")), float(match.group("n"))
        name = KINDS[question["kind"]].xlsform_constraints.get((lhs, match.group("op")))
        whole = number >= 0 and number.is_integer()
        if name is None or not (name.endswith("value") or whole):
            return False
        found[name] = number if name.endswith("value") else int(number)
    question.update(found)
    return True


def _survey_row(number, type_, name):
    """Where a survey row is, for the report: "survey row 12 (text 'age')"."""
    if type_:
        return _(
            "%(sheet)s row %(number)d (%(type)s %(name)s)",
            sheet="survey",
            number=number,
            type=type_,
            name=repr(name),
        )
    return _(
        "%(sheet)s row %(number)d (no %(column)s %(name)s)",
        sheet="survey",
        number=number,
        column="type",
        name=repr(name),
    )


def _media(plain):
    """The media columns (image, audio...) filled in a row, sorted."""
    media = re.compile(r"(image|audio|video|big-image|media)\b")
    return sorted({key.split(":")[0] for key in plain if media.match(key) and plain[key]})
