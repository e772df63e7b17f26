"""The written answers a round's coding works on: the released texts, found by the opaque
reference pages use (coding.references) or the key the server keeps, and the groups of
answers a reviewer may read."""

import uuid

from sqlalchemy import and_, func, select

from ..design.models import Question, Section
from ..extensions import db
from ..respond.models import Answer
from ..review.queries import RELEASED_ANSWER
from .models import Tag
from .references import answer_key_of, reference_of


def written_answers(round_id):
    """Select (response id, question id, item, text, language) of every written answer of a
    round's released responses (review.releases): free-text questions and "other, please
    specify" texts. An answer appears for coding only once released, so that no reviewer
    reads a text the moment its member sends it."""
    return (
        select(Answer.response_id, Answer.question_id, Answer.item, Answer.text, Answer.language)
        .join(Question, Question.id == Answer.question_id)
        .join(Section, Section.id == Question.section_id)
        .where(Section.round_id == round_id, Answer.text.is_not(None), RELEASED_ANSWER)
    )


def written_answer_count(round_id):
    query = written_answers(round_id).with_only_columns(func.count())
    return db.session.scalar(query.order_by(None))


def answer_key(row):
    """The key of a written answer kept on the server (emergent themes' job results):
    "<response>.<question>.<item>". Pages show ``answer_reference`` instead."""
    return f"{row.response_id}.{row.question_id}.{row.item}"


def answer_reference(row):
    """The opaque reference of a written answer in addresses and forms (coding.references):
    it says nothing of the response, so one member's answers cannot be tied together."""
    return reference_of(row.response_id, row.question_id, row.item)


def find_answer(round_id, reference):
    """The written answer of the round that ``reference`` (``answer_reference``) names, or
    None for a reference that is malformed, altered, made under another secret, or names
    another round's answer."""
    key = answer_key_of(reference)
    return None if key is None else _answer(round_id, *key)


def find_answer_by_key(round_id, key):
    """The written answer of the round named by a key kept on the server (``answer_key``),
    or None. Never for a key that came with a request: those are references."""
    try:
        response, question, item = key.split(".")
        response_id, question_id, item = uuid.UUID(response), int(question), int(item)
    except ValueError:
        return None
    return _answer(round_id, response_id, question_id, item)


def _answer(round_id, response_id, question_id, item):
    return db.session.execute(
        written_answers(round_id).where(
            Answer.response_id == response_id,
            Answer.question_id == question_id,
            Answer.item == item,
        )
    ).first()


def readable_groups(round_id, k):
    """{(question id, language)} of the written answers a reviewer may read: those whose
    language has at least ``k`` answers to the question (a smaller group is not shown)."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.language, func.count())
        .join(Question, Question.id == Answer.question_id)
        .join(Section, Section.id == Question.section_id)
        .where(Section.round_id == round_id, Answer.text.is_not(None), RELEASED_ANSWER)
        .group_by(Answer.question_id, Answer.language)
    )
    return {(question_id, language) for question_id, language, count in rows if count >= k}


def uncovered_answers(round_id):
    """Select the written answers with no tag a reviewer kept or the rules suggested."""
    covered = (
        select(Tag.id)
        .where(
            and_(
                Tag.response_id == Answer.response_id,
                Tag.question_id == Answer.question_id,
                Tag.item == Answer.item,
                Tag.status != "rejected",
            )
        )
        .exists()
    )
    return written_answers(round_id).where(~covered)
