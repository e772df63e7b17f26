"""Show a question or a section only when earlier answers meet a condition.

A condition is JSON: a clause ``{"question": "<code>", "op": "<op>", "value": ...}`` or a
combination ``{"all": [...]}`` (and) / ``{"any": [...]}`` (or) of clauses and combinations.

ops: ``equals`` and ``not_equals`` (a choice code), ``any_of`` (a list of choice codes),
``answered`` and ``not_answered`` (no value). A condition may refer only to questions that
come before it, so conditions can never form a cycle; ``check_conditions`` refuses anything
else, naming the question. Evaluated on the server, so it works without JavaScript.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

OPS = ("equals", "not_equals", "any_of", "answered", "not_answered")
MAX_DEPTH = 5


class ConditionError(ValueError):
    """A condition that cannot be used; the message names the question or section."""


def check_conditions(round_):
    """Raise ConditionError for a condition on an unknown or later question, a bad op, or a
    value that is not a choice of the question it refers to."""
    earlier = {}
    for s_index, section in enumerate(round_.sections, 1):
        if section.condition is not None:
            _check(section.condition, dict(earlier), _("section %(number)d", number=s_index))
        for question in section.questions:
            if question.condition is not None:
                _check(
                    question.condition,
                    dict(earlier),
                    _("question %(code)s", code=repr(question.code)),
                    own_code=question.code,
                )
            earlier[question.code] = question


def _check(condition, earlier, where, own_code=None, depth=0):
    if depth > MAX_DEPTH or not isinstance(condition, dict):
        raise ConditionError(_("The condition of %(where)s is not a valid condition.", where=where))
    for combinator in ("all", "any"):
        if combinator in condition:
            clauses = condition[combinator]
            if not isinstance(clauses, list) or not clauses:
                raise ConditionError(
                    _("The condition of %(where)s combines no clauses.", where=where)
                )
            for clause in clauses:
                _check(clause, earlier, where, own_code, depth + 1)
            return
    code, op = condition.get("question"), condition.get("op")
    if code == own_code:
        raise ConditionError(
            _("The condition of %(where)s refers to the question itself.", where=where)
        )
    if not isinstance(code, str) or code not in earlier:
        raise ConditionError(
            _(
                "The condition of %(where)s refers to %(code)s, which is not an earlier question.",
                where=where,
                code=repr(code),
            )
        )
    if op not in OPS:
        raise ConditionError(
            _("The condition of %(where)s uses an unknown test %(op)s.", where=where, op=repr(op))
        )
    if op in ("equals", "not_equals", "any_of"):
        values = condition.get("value")
        values = values if isinstance(values, list) else [values]
        known = {c.code for c in earlier[code].choices}
        if not values or any(not isinstance(v, str) or v not in known for v in values):
            raise ConditionError(
                _(
                    "The condition of %(where)s tests %(code)s for a choice it does not have.",
                    where=where,
                    code=repr(code),
                )
            )


def is_met(condition, answers):
    """Whether ``condition`` holds for ``answers``: {question code: set of choice codes, or
    a non-empty set with a placeholder for a number or text answer}. Questions not answered
    (or hidden) are absent."""
    if condition is None:
        return True
    if "all" in condition:
        return all(is_met(clause, answers) for clause in condition["all"])
    if "any" in condition:
        return any(is_met(clause, answers) for clause in condition["any"])
    given = answers.get(condition["question"], set())
    op, value = condition["op"], condition.get("value")
    if op == "answered":
        return bool(given)
    if op == "not_answered":
        return not given
    if op == "equals":
        return value in given
    if op == "not_equals":
        return value not in given
    return bool(given & set(value if isinstance(value, list) else [value]))


def in_words(condition, round_, language):
    """A condition as a designer reads it, in the interface language: “Do you carry
    naloxone?” is Yes (the builder's overview; the JSON stays for experts). Each question
    text and answer is isolated (<bdi>), so Latin texts read right inside an Arabic page."""
    from babel.lists import format_list
    from flask_babel import get_locale
    from markupsafe import Markup, escape

    from ..i18n import pick

    locale = get_locale()
    questions = {question.code: question for question in round_.questions}

    def isolated(text):
        return Markup("<bdi>{}</bdi>").format(text)

    def said(sentence, **parts):
        # Translated first, then filled: the sentence is escaped, its parts are markup.
        return escape(str(sentence)) % parts

    def joined(parts, style):
        """Parts joined as the language joins a list ("A, B or C")."""
        slots = [f"\x00{number}\x00" for number in range(len(parts))]
        text = escape(format_list(slots, style, locale))
        for slot, part in zip(slots, parts, strict=True):
            text = text.replace(slot, part)
        return text

    def words(part, nested=False):
        for combinator, style in (("all", "standard"), ("any", "or")):
            if combinator in part:
                both = joined([words(p, True) for p in part[combinator]], style)
                return Markup("({})").format(both) if nested and len(part[combinator]) > 1 else both
        question = questions.get(part.get("question"))
        if question is None:
            return isolated(part.get("question"))
        text = isolated(pick(question.text, language, round_.source_language) or question.code)
        labels = {
            choice.code: pick(choice.label, language, round_.source_language) or choice.code
            for choice in question.choices
        }
        op, value = part.get("op"), part.get("value")
        if op == "answered":
            return said(_l("“%(question)s” was answered"), question=text)
        if op == "not_answered":
            return said(_l("“%(question)s” was not answered"), question=text)
        if op == "any_of":
            answers = [isolated(labels.get(v, str(v))) for v in value or []]
            return said(
                _l("“%(question)s” is one of %(answers)s"),
                question=text,
                answers=joined(answers, "or"),
            )
        answer = isolated(labels.get(value, str(value)))
        if op == "not_equals":
            return said(_l("“%(question)s” is not %(answer)s"), question=text, answer=answer)
        return said(_l("“%(question)s” is %(answer)s"), question=text, answer=answer)

    return words(condition)
