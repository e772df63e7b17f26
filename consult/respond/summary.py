"""The member's own answers, in words, for the page before submitting."""

from ..i18n import pick
from ..questions import kind_of
from .flow import visible_questions


def answer_summary(round_, saved, language):
    """[(page number, section title, [(question text, [answer texts])])] for the questions
    the member was shown, in questionnaire order."""
    fallback = round_.source_language
    visible = visible_questions(round_, saved)
    sections = []
    for number, section in enumerate(round_.sections, 1):
        lines = [
            (pick(q.text, language, fallback), _shown(q, saved, language, fallback))
            for q in section.questions
            if q.id in visible and kind_of(q).answered
        ]
        if lines:
            sections.append((number, pick(section.title, language, fallback), lines))
    return sections


def _shown(question, saved, language, fallback):
    value = saved.get(str(question.id))
    if value in (None, "", [], {}):
        return []
    other = saved.get(f"{question.id}.other")
    return kind_of(question).shown(question, value, other, language, fallback)
