"""Conditions by pointing, without JavaScript: "Show this question (or page) when [earlier question]
[is / is not / is one of / was answered / was not answered] [its answers]", up to
MAX_CLAUSES clauses joined by all or any, built from select lists and checkboxes the server
fills in. The answers offered are those of the question each clause names; after choosing
a question, "Show its answers" sends the form back as typed, with them.

The condition's JSON stays on the form for experts. Both are filled from the same condition;
if the JSON was edited, it wins, otherwise the pointing does. A nested condition (an "any"
inside an "all") cannot be pointed at: the form says so and keeps it in JSON.
"""

import json

from flask_babel import lazy_gettext as _l
from wtforms import (
    Form,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
)
from wtforms.fields import FieldList, FormField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..i18n import pick
from ..questions import kind_of

MAX_CLAUSES = 4
TESTS = {
    "is": _l("is"),
    "is_not": _l("is not"),
    "is_one_of": _l("is one of"),
    "answered": _l("was answered"),
    "not_answered": _l("was not answered"),
}


class ClauseForm(Form):
    question = SelectField(_l("Earlier question"), choices=[], validate_choice=False)
    test = SelectField(
        _l("Test"), choices=[SelectChoice(k, label) for k, label in TESTS.items()], default="is"
    )
    answers = SelectMultipleField(
        _l("Answers"),
        choices=[],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )


class PointingForm(Form):
    joined = RadioField(
        _l("Show it when"),
        choices=[
            SelectChoice("all", _l("all of these hold")),
            SelectChoice("any", _l("any of these holds")),
        ],
        default="all",
    )
    clauses = FieldList(FormField(ClauseForm), min_entries=MAX_CLAUSES, max_entries=MAX_CLAUSES)
    #: The condition's JSON as the form showed it: edited JSON wins over the pointing.
    shown = HiddenField()


def earlier_questions(question):
    """The questions a condition on ``question`` may name: those before it that take an
    answer."""
    earlier = []
    for section in question.section.round.sections:
        for other in section.questions:
            if other.id == question.id:
                return earlier
            if kind_of(other).answered:
                earlier.append(other)
    return earlier


def questions_before(section):
    """The questions a condition on a page may name: those of the pages before it."""
    pages = section.round.sections
    return [
        q for page in pages[: pages.index(section)] for q in page.questions if kind_of(q).answered
    ]


def pointing_data(condition):
    """The pointing form's data for ``condition``, or None when it cannot be pointed at."""
    shown = json.dumps(condition) if condition else ""
    joined, clauses = "all", []
    if condition:
        joined = "any" if "any" in condition else "all"
        clauses = condition[joined] if joined in condition else [condition]
    if len(clauses) > MAX_CLAUSES or any("all" in c or "any" in c for c in clauses):
        return None
    rows = [_row(clause) for clause in clauses]
    rows += [{"question": "", "test": "is", "answers": []}] * (MAX_CLAUSES - len(rows))
    return {"joined": joined, "clauses": rows, "shown": shown}


def _row(clause):
    op, value = clause["op"], clause.get("value")
    values = value if isinstance(value, list) else [value] if value is not None else []
    test = {"equals": "is", "not_equals": "is_not", "any_of": "is_one_of"}.get(op, op)
    return {"question": clause["question"], "test": test, "answers": values}


def offer(pointing, earlier, language):
    """Fill in the select lists: the earlier questions, and for each clause the answers of
    the question it names."""
    by_code = {q.code: q for q in earlier}
    questions = [SelectChoice("", "—")] + [
        SelectChoice(q.code, f"{q.code}: {pick(q.text, language, q.section.round.source_language)}")
        for q in earlier
    ]
    for clause in pointing.clauses:
        clause.question.choices = questions
        named = by_code.get(clause.question.data)
        clause.answers.choices = [
            SelectChoice(
                c.code, pick(c.label, language, named.section.round.source_language) or c.code
            )
            for c in (named.choices if named else [])
            if c.role != "row"
        ]


def chosen_condition(pointing, condition_text, json_condition):
    """The condition the designer means: the JSON if they edited it, else the pointing's.
    Raises ValidationError naming the clause to finish."""
    if (condition_text or "").strip() != (pointing.shown.data or "").strip():
        return json_condition
    clauses = []
    for number, clause in enumerate(pointing.clauses, 1):
        code, test, answers = clause.question.data, clause.test.data, clause.answers.data or []
        if not code:
            continue
        if test in ("answered", "not_answered"):
            clauses.append({"question": code, "op": test})
        elif not answers:
            raise ValidationError(
                _l("Clause %(number)d: tick the answers it tests.", number=number)
            )
        elif test == "is_one_of" or (test == "is" and len(answers) > 1):
            clauses.append({"question": code, "op": "any_of", "value": answers})
        elif test == "is_not" and len(answers) > 1:
            raise ValidationError(
                _l("Clause %(number)d: “is not” tests one answer; tick one.", number=number)
            )
        else:
            op = "equals" if test == "is" else "not_equals"
            clauses.append({"question": code, "op": op, "value": answers[0]})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {pointing.joined.data or "all": clauses}
