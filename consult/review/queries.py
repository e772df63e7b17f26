"""Counts behind the results pages, each computed by the database (GROUP BY), never by
loading responses into Python."""

from sqlalchemy import func, select

from ..design.models import Question, Section
from ..extensions import db
from ..respond.models import Answer, Response


def _questions_of(round_id):
    return select(Question.id).join(Section).where(Section.round_id == round_id)


def response_count(round_id):
    return db.session.scalar(select(func.count()).where(Response.round_id == round_id))


def answered_counts(round_id):
    """{question id: responses that answered it}. Every answered question has exactly one
    row with item 0, so this needs no DISTINCT."""
    rows = db.session.execute(
        select(Answer.question_id, func.count())
        .where(Answer.question_id.in_(_questions_of(round_id)), Answer.item == 0)
        .group_by(Answer.question_id)
    )
    return dict(rows.all())


def choice_counts(round_id):
    """{(question id, row id, choice id): responses that chose it (or ranked it at all)};
    the row id is None except in a matrix."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.row_id, Answer.choice_id, func.count())
        .where(Answer.question_id.in_(_questions_of(round_id)), Answer.choice_id.is_not(None))
        .group_by(Answer.question_id, Answer.row_id, Answer.choice_id)
    )
    return {
        (question_id, row_id, choice_id): count for question_id, row_id, choice_id, count in rows
    }


def rating_counts(round_id):
    """{(question id, 0..10): responses that gave that rating}."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.number, func.count())
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.question_id.in_(_questions_of(round_id)), Question.kind == "rating")
        .group_by(Answer.question_id, Answer.number)
    )
    return {(question_id, int(number)): count for question_id, number, count in rows}


def first_rank_counts(round_id):
    """{(question id, choice id): responses that ranked it first}."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.choice_id, func.count())
        .where(Answer.question_id.in_(_questions_of(round_id)), Answer.rank == 1)
        .group_by(Answer.question_id, Answer.choice_id)
    )
    return {(question_id, choice_id): count for question_id, choice_id, count in rows}


def text_language_counts(question_id):
    """{language: number of text answers written in it} for one question."""
    rows = db.session.execute(
        select(Answer.language, func.count())
        .where(Answer.question_id == question_id, Answer.text.is_not(None))
        .group_by(Answer.language)
    )
    return dict(rows.all())


def text_answers(question_id, language=None, limit=500):
    """The texts of one question (optionally in one language), in a fixed order that says
    nothing about when they arrived."""
    query = select(Answer.text, Answer.language).where(
        Answer.question_id == question_id, Answer.text.is_not(None)
    )
    if language:
        query = query.where(Answer.language == language)
    return db.session.execute(query.order_by(Answer.text).limit(limit)).all()
