"""The member's own answers, in words, for the page before submitting."""

from ..i18n import pick


def answer_summary(round_, saved, language):
    """[(section title, [(question text, [answer texts])])] in questionnaire order."""
    fallback = round_.source_language
    sections = []
    for section in round_.sections:
        lines = []
        for question in section.questions:
            value = saved.get(str(question.id))
            labels = {c.id: pick(c.label, language, fallback) for c in question.choices}
            if value in (None, "", []):
                shown = []
            elif question.kind in ("short_text", "long_text"):
                shown = [value]
            else:
                values = value if isinstance(value, list) else [value]
                shown = [labels[v] for v in values if v in labels]
            lines.append((pick(question.text, language, fallback), shown))
        sections.append((pick(section.title, language, fallback), lines))
    return sections
