"""Deleting a round's responses for good, once the round is closed: the responses, their
answers, the drafts still being filled in, and every coding row about the answers (tags,
memos, quotes, blind double codings) and the theme runs over them, in one transaction.

Each kind of row is deleted explicitly, children first, rather than left to ON DELETE
CASCADE: the outcome then does not depend on SQLite's ``foreign_keys`` pragma or on how an
older database was migrated. The questionnaire, its translations, access codes, reach
targets, the codebook and the audit log stay.
"""

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from ..audit import record
from ..coding.models import (
    AnswerTextKey,
    DoubleCoding,
    Memo,
    Quote,
    Tag,
    ThemeJob,
    ThemeRelease,
)
from ..extensions import db
from ..respond.models import Answer, Draft, Response
from ..review.models import Release

#: A round whose responses may be deleted: no member can answer it any more.
DELETABLE_STATUSES = ("closed", "archived")
#: The coding rows about an answer (coding.models._OfAnAnswer), deleted with it.
CODING_MODELS = (Tag, Memo, Quote, DoubleCoding, AnswerTextKey)


class RetentionRefused(Exception):
    """The round's responses cannot be deleted now; nothing was deleted."""


@dataclass(frozen=True)
class Holdings:
    """How many rows of each kind deleting a round's responses removes."""

    responses: int
    answers: int
    written_answers: int
    drafts: int
    tags: int
    memos: int
    quotes: int
    double_codings: int


def can_delete_responses(round_):
    return round_.status in DELETABLE_STATUSES


def _response_ids(round_):
    return select(Response.id).where(Response.round_id == round_.id)


def holdings(round_):
    """What ``delete_responses`` would remove from ``round_``, counted in SQL."""
    ids = _response_ids(round_)

    def count(model, *conditions):
        return db.session.scalar(select(func.count()).select_from(model).where(*conditions))

    return Holdings(
        responses=count(Response, Response.round_id == round_.id),
        answers=count(Answer, Answer.response_id.in_(ids)),
        written_answers=count(Answer, Answer.response_id.in_(ids), Answer.text.is_not(None)),
        drafts=count(Draft, Draft.round_id == round_.id),
        tags=count(Tag, Tag.response_id.in_(ids)),
        memos=count(Memo, Memo.response_id.in_(ids)),
        quotes=count(Quote, Quote.response_id.in_(ids)),
        double_codings=count(DoubleCoding, DoubleCoding.response_id.in_(ids)),
    )


def delete_responses(round_):
    """Delete every response of the closed ``round_`` and everything about them, in one
    transaction with its audit event; returns the number of responses deleted."""
    if not can_delete_responses(round_):
        raise RetentionRefused(round_.status)
    ids = _response_ids(round_)
    unsynchronised = {"synchronize_session": False}
    try:
        for model in CODING_MODELS:
            db.session.execute(
                delete(model).where(model.response_id.in_(ids)),
                execution_options=unsynchronised,
            )
        # A theme run's result names answers (emergent themes' examples) and their words;
        # released themes list respondents, and releases count them.
        for model in (ThemeJob, ThemeRelease, Release):
            db.session.execute(
                delete(model).where(model.round_id == round_.id),
                execution_options=unsynchronised,
            )
        round_.themes_released_on = None
        db.session.execute(
            delete(Answer).where(Answer.response_id.in_(ids)), execution_options=unsynchronised
        )
        db.session.execute(
            delete(Draft).where(Draft.round_id == round_.id), execution_options=unsynchronised
        )
        deleted = db.session.execute(
            delete(Response).where(Response.round_id == round_.id),
            execution_options=unsynchronised,
        ).rowcount
        record("responses.delete", round_, responses=deleted)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    db.session.expire_all()
    return deleted
