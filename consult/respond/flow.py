"""Which questions and pages a member sees, from the answers saved so far.

Conditions (design.conditions) are evaluated on the server in questionnaire order; a hidden
question counts as not answered for the conditions after it, and a page whose questions are
all hidden is skipped.
"""

from ..design.conditions import is_met
from ..questions import kind_of


def answered_codes(question, value):
    """What ``value`` (a draft answer) says for conditions: the chosen choice codes, or
    {"*"} for a number or text answer, or an empty set (the question's kind says)."""
    if value in (None, "", [], {}):
        return set()
    return kind_of(question).answered_codes(question, value)


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
