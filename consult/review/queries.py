"""Counts behind the results pages, each computed by the database (GROUP BY), never by
loading responses into Python. Each count comes with the sum of its responses' record keys,
as a ``cellkey.Tally``, so that it can be perturbed consistently (``suppression``)."""

from sqlalchemy import and_, func, literal, or_, select

from ..cellkey import tally
from ..design.models import Question, Section
from ..extensions import db
from ..respond.models import Answer, Draft, Response
from .models import ReachTarget

#: Figures count released responses only (review.releases).
RELEASED_ANSWER = Answer.release_number.is_not(None)
RELEASED_RESPONSE = Response.release_number.is_not(None)
#: COUNT(*) and the sum of the record keys, of answers or of responses.
ANSWER_TALLY = (func.count(), func.sum(Answer.record_key))
RESPONSE_TALLY = (func.count(), func.sum(Response.record_key))


def _questions_of(round_id):
    return select(Question.id).join(Section).where(Section.round_id == round_id)


def response_count(round_id):
    row = db.session.execute(
        select(*RESPONSE_TALLY).where(Response.round_id == round_id, RELEASED_RESPONSE)
    ).one()
    return tally(*row)


def text_language_counts(question_id):
    """{language: number of text answers written in it} for one question."""
    rows = db.session.execute(
        select(Answer.language, *ANSWER_TALLY)
        .where(Answer.question_id == question_id, Answer.text.is_not(None), RELEASED_ANSWER)
        .group_by(Answer.language)
    )
    return {language: tally(count, keys) for language, count, keys in rows}


def text_answers(question_id, language=None, limit=500):
    """The texts of one question (optionally in one language), in a fixed order that says
    nothing about when they arrived."""
    query = select(Answer.text, Answer.language).where(
        Answer.question_id == question_id, Answer.text.is_not(None), RELEASED_ANSWER
    )
    if language:
        query = query.where(Answer.language == language)
    return db.session.execute(query.order_by(Answer.text).limit(limit)).all()


# Counts by group: the same counts, split by a grouping (review.groupings). Each function
# takes a ``Split`` and returns the group value as the last key ("*" when not split).


class Split:
    """How counts are split: by the value of ``groupings.split_for``'s subquery of
    (response id, group), or not at all, when the counts read the answer table alone (its
    index covers them).

    A grouping by an answer (``by_answer``: an aliased answer, how it joins an answer of
    the same response, and the group value it gives) splits counts of answers by joining
    that answer directly on the response's key, without going through the response table.
    """

    def __init__(self, round_id, response_groups=None, by_answer=None, totals=None):
        self.round_id = round_id
        self.groups = response_groups
        self.by_answer = by_answer
        #: (query of (group, responses) for those with a grouping answer, the group of the
        #: rest), counted without reading every response.
        self.totals = totals

    @property
    def value(self):
        return self.groups.c.value if self.groups is not None else literal("*")

    @property
    def answer_value(self):
        """The group of an answer's response, in a query of ``of_answers``."""
        return self.by_answer[2] if self.by_answer is not None else self.value

    def of_answers(self, query):
        query = query.select_from(Answer)
        if self.by_answer is not None:
            grouping_answer, joins, _value = self.by_answer
            return query.outerjoin(grouping_answer, joins)
        if self.groups is None:
            return query
        return query.join(self.groups, self.groups.c.response_id == Answer.response_id)

    def group_by(self, *columns):
        return [*columns, self.groups.c.value] if self.groups is not None else list(columns)

    def answers_group_by(self, *columns):
        return [*columns, self.answer_value] if self.groups is not None else list(columns)


def group_totals(split):
    """{group value: responses}."""
    if split.groups is None:
        return {"*": response_count(split.round_id)}
    if split.totals is not None:
        query, rest = split.totals
        counts = {value: tally(count, keys) for value, count, keys in db.session.execute(query)}
        counts[rest] = response_count(split.round_id) - sum(counts.values())
        return counts
    rows = db.session.execute(
        select(split.value, func.count(), func.sum(split.groups.c.record_key)).group_by(split.value)
    )
    return {value: tally(count, keys) for value, count, keys in rows}


def answered_counts_by(split, question_ids):
    """{(question id, group): responses that answered it}."""
    query = split.of_answers(select(Answer.question_id, split.answer_value, *ANSWER_TALLY))
    rows = db.session.execute(
        query.where(
            Answer.question_id.in_(question_ids), Answer.item == 0, RELEASED_ANSWER
        ).group_by(*split.answers_group_by(Answer.question_id))
    )
    return {(question_id, value): tally(count, keys) for question_id, value, count, keys in rows}


def choice_counts_by(split, question_ids):
    """{(question id, row id, choice id, group): responses that chose it}."""
    rows = db.session.execute(choice_counts_statement(split, question_ids))
    return {tuple(row[:4]): tally(*row[4:]) for row in rows}


def choice_counts_statement(split, question_ids):
    """The query of ``choice_counts_by``, apart so the benchmark can show its plan."""
    query = split.of_answers(
        select(
            Answer.question_id, Answer.row_id, Answer.choice_id, split.answer_value, *ANSWER_TALLY
        )
    )
    return query.where(
        Answer.question_id.in_(question_ids), Answer.choice_id.is_not(None), RELEASED_ANSWER
    ).group_by(*split.answers_group_by(Answer.question_id, Answer.row_id, Answer.choice_id))


def rank_counts_by(split, question_ids):
    """{(question id, choice id, rank, group): responses that gave the choice that rank}."""
    query = split.of_answers(
        select(Answer.question_id, Answer.choice_id, Answer.rank, split.answer_value, *ANSWER_TALLY)
    )
    rows = db.session.execute(
        query.where(
            Answer.question_id.in_(question_ids), Answer.rank.is_not(None), RELEASED_ANSWER
        ).group_by(*split.answers_group_by(Answer.question_id, Answer.choice_id, Answer.rank))
    )
    return {tuple(row[:4]): tally(*row[4:]) for row in rows}


def number_counts_by(split, question_ids):
    """{(question id, number, group): responses that gave it}, for ratings and numbers: the
    distribution, from which medians and quartiles are read without loading answers."""
    query = split.of_answers(
        select(Answer.question_id, Answer.number, split.answer_value, *ANSWER_TALLY)
    )
    rows = db.session.execute(
        query.where(
            Answer.question_id.in_(question_ids), Answer.number.is_not(None), RELEASED_ANSWER
        ).group_by(*split.answers_group_by(Answer.question_id, Answer.number))
    )
    return {tuple(row[:3]): tally(*row[3:]) for row in rows}


def asked_counts_by(split, condition_clause):
    """{group: responses that were shown a question}, for a question shown on a condition;
    ``condition_clause`` is its condition as SQL over ``Response.id``."""
    query = (
        select(split.value, *RESPONSE_TALLY)
        .select_from(Response)
        .where(Response.round_id == split.round_id, RELEASED_RESPONSE, condition_clause)
    )
    if split.groups is not None:
        query = query.join(split.groups, split.groups.c.response_id == Response.id)
    rows = db.session.execute(query.group_by(*split.group_by()))
    return {value: tally(count, keys) for value, count, keys in rows}


def condition_clause(condition, questions_by_code):
    """A show-when condition (design.conditions) as SQL over ``Response.id``: whether the
    response's stored answers meet it, as ``conditions.is_met`` decides on the page."""
    if "all" in condition:
        return and_(*[condition_clause(c, questions_by_code) for c in condition["all"]])
    if "any" in condition:
        return or_(*[condition_clause(c, questions_by_code) for c in condition["any"]])
    question = questions_by_code[condition["question"]]
    op, value = condition["op"], condition.get("value")
    # An uncorrelated IN: the database gathers the matching responses once, where a
    # correlated EXISTS may look through the whole question for every response.
    answering = select(Answer.response_id).where(Answer.question_id == question.id)
    if op in ("equals", "not_equals", "any_of"):
        codes = value if isinstance(value, list) else [value]
        ids = [c.id for c in question.choices if c.code in codes]
        answering = answering.where(Answer.choice_id.in_(ids))
    if op in ("not_answered", "not_equals"):
        return Response.id.not_in(answering)
    return Response.id.in_(answering)


# The dashboard ---------------------------------------------------------------------------------


def responses_per_day(round_id):
    """{submission day: responses}; the page folds days into weeks."""
    return _released_responses_by(round_id, Response.submitted_on)


def responses_by_furthest_page(round_id):
    """{position of the furthest page answered: responses}; a response reached every page
    up to its furthest."""
    return _released_responses_by(round_id, Response.furthest_page)


def _released_responses_by(round_id, column):
    """{value of ``column``: released responses of the round with it}."""
    rows = db.session.execute(
        select(column, *RESPONSE_TALLY)
        .where(Response.round_id == round_id, RELEASED_RESPONSE)
        .group_by(column)
    )
    return {value: tally(count, keys) for value, count, keys in rows}


def drafts_in_progress(round_id):
    return db.session.scalar(select(func.count()).where(Draft.round_id == round_id))


def reach_targets(round_id):
    """{(grouping key, value): target} of a round."""
    rows = db.session.execute(
        select(ReachTarget.grouping, ReachTarget.value, ReachTarget.target).where(
            ReachTarget.round_id == round_id
        )
    )
    return {(grouping, value): target for grouping, value, target in rows}
