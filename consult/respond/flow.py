"""Which questions and pages a member sees, from the answers saved so far.

Conditions (design.conditions) are evaluated on the server in questionnaire order; a hidden
question counts as not answered for the conditions after it, and a page whose questions are
all hidden is skipped.
"""

import random

from ..design.conditions import is_met
from ..design.models import NUMBER_KINDS, TEXT_KINDS


def answered_codes(question, value):
    """What ``value`` (a draft answer) says for conditions: the chosen choice codes, or
    {"*"} for a number or text answer, or an empty set."""
    if value in (None, "", [], {}):
        return set()
    if question.kind in NUMBER_KINDS or question.kind in TEXT_KINDS:
        return {"*"}
    codes = {c.id: c.code for c in question.choices}
    if question.kind == "matrix":
        return {codes[v] for v in value.values() if v in codes} or {"*"}
    values = value if isinstance(value, list) else [value]
    return {codes[v] for v in values if v in codes}


def visible_questions(round_, saved):
    """The ids of the questions a member with these saved answers is shown."""
    answers, visible = {}, set()
    for section in round_.sections:
        section_shown = is_met(section.condition, answers)
        for question in section.questions:
            if section_shown and is_met(question.condition, answers):
                visible.add(question.id)
                answers[question.code] = answered_codes(question, saved.get(str(question.id)))
    return visible


def shown_pages(round_, saved):
    """Page numbers (1-based) that have at least one visible question."""
    visible = visible_questions(round_, saved)
    return [
        number
        for number, section in enumerate(round_.sections, 1)
        if any(q.id in visible for q in section.questions)
    ]


def next_page(round_, saved, number):
    """The page after ``number``, or None when the review comes next."""
    return next((n for n in shown_pages(round_, saved) if n > number), None)


def previous_page(round_, saved, number):
    """The page before ``number``, or None when the welcome page comes before."""
    return next((n for n in reversed(shown_pages(round_, saved)) if n < number), None)


def ordered_options(question, draft_token):
    """The options in the order this member sees them: shuffled once per member when the
    question asks for it, with "other" and "prefer not to say" kept last."""
    options = question.options
    if not question.randomise_choices:
        return options
    ordinary = [c for c in options if c.role == "option"]
    last = [c for c in options if c.role != "option"]
    random.Random(f"{draft_token}:{question.id}").shuffle(ordinary)
    return ordinary + last
