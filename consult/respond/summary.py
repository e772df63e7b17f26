"""The member's own answers, in words, for the page before submitting."""

from ..design.models import NUMBER_KINDS, TEXT_KINDS
from ..i18n import pick
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
            if q.id in visible and q.kind != "info"
        ]
        if lines:
            sections.append((number, pick(section.title, language, fallback), lines))
    return sections


def _shown(question, saved, language, fallback):
    value = saved.get(str(question.id))
    if value in (None, "", [], {}):
        return []
    if question.kind in TEXT_KINDS or question.kind in NUMBER_KINDS:
        return [str(value)]
    labels = {c.id: pick(c.label, language, fallback) for c in question.choices}
    if question.kind == "matrix":
        return [
            f"{labels.get(int(row), '')}: {labels.get(choice, '')}" for row, choice in value.items()
        ]
    other = saved.get(f"{question.id}.other")
    shown = []
    for choice_id in value if isinstance(value, list) else [value]:
        if choice_id in labels:
            role = next(c.role for c in question.choices if c.id == choice_id)
            shown.append(
                f"{labels[choice_id]}: {other}" if role == "other" and other else labels[choice_id]
            )
    return shown
