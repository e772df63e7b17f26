"""Show a question or a section only when earlier answers meet a condition.

A condition is JSON: a clause ``{"question": "<code>", "op": "<op>", "value": ...}`` or a
combination ``{"all": [...]}`` (and) / ``{"any": [...]}`` (or) of clauses and combinations.

ops: ``equals`` and ``not_equals`` (a choice code), ``any_of`` (a list of choice codes),
``answered`` and ``not_answered`` (no value). A condition may refer only to questions that
come before it, so conditions can never form a cycle; ``check_conditions`` refuses anything
else, naming the question. Evaluated on the server, so it works without JavaScript.
"""

from flask_babel import gettext as _

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
