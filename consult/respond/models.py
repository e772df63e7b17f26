"""What members leave behind: responses with their answers, and drafts still being filled in.

Anonymity by construction (docs/ARCHITECTURE.md, "Invariants"): a response holds its round,
the network it came through, its language and the day it was submitted — no address,
browser, account or time of day. Its id is random, and the tables are stored WITHOUT ROWID
on SQLite so that no hidden insertion counter orders responses by arrival.
"""

import uuid
from datetime import date

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..cellkey import new_record_key
from ..extensions import db

WITHOUT_ROWID = {"sqlite_with_rowid": False}


class Response(db.Model):
    __tablename__ = "response"
    __table_args__ = (
        # The key that coding rows (coding.models) point at, so that the round they copy is
        # their response's; it is also the index of a round's responses.
        Index("uq_response_round", "round_id", "id", unique=True),
        WITHOUT_ROWID,
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    #: The network the answer came through (access by network code); never a person.
    network_id: Mapped[int | None] = mapped_column(ForeignKey("network.id"), index=True)
    #: The language the member answered in.
    language: Mapped[str] = mapped_column(String(10))
    #: Day precision only: an exact time could be matched against a server log.
    submitted_on: Mapped[date]
    #: The position of the furthest page (section) the member answered something on, so the
    #: dashboard counts how far members got without reading every answer.
    furthest_page: Mapped[int | None]
    #: A random number below cellkey.KEY_RANGE that puts consistent noise on every count
    #: of responses (the cell-key method); never shown, never exported.
    record_key: Mapped[int] = mapped_column(default=new_record_key)
    #: The release of the round's figures that first counted it (review.releases); None
    #: until then. Releases are cut at day boundaries, so this is no finer than the day.
    release_number: Mapped[int | None]

    answers: Mapped[list["Answer"]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Answer(db.Model):
    """One value of one question: a chosen choice, a ranked choice, a matrix row's point on
    the scale, a number, or a text ("other, please specify" is the "other" choice with its
    text).

    A multiple choice, a ranking or a matrix is several rows of one question, numbered by
    ``item``.
    """

    __tablename__ = "answer"
    __table_args__ = (
        CheckConstraint(
            "choice_id IS NOT NULL OR text IS NOT NULL OR number IS NOT NULL", name="has_value"
        ),
        CheckConstraint("rank IS NULL OR rank > 0", name="rank"),
        # Covering indexes of the results' counts of released answers and their cell keys:
        # per choice (and matrix row, and rank), and per number, of one question, without
        # reading the table.
        Index(
            "ix_answer_question_choice",
            "question_id",
            "choice_id",
            "row_id",
            "rank",
            "release_number",
            "record_key",
        ),
        Index("ix_answer_question_number", "question_id", "number", "release_number", "record_key"),
        WITHOUT_ROWID,
    )

    response_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    #: 0 for a single value; 0, 1, 2… for the values of a multiple choice or a ranking.
    item: Mapped[int] = mapped_column(primary_key=True, default=0)
    choice_id: Mapped[int | None] = mapped_column(ForeignKey("choice.id", ondelete="CASCADE"))
    #: For a matrix: the row this answer rates (``choice_id`` is the point on the scale).
    row_id: Mapped[int | None] = mapped_column(ForeignKey("choice.id", ondelete="CASCADE"))
    #: For a ranking: 1 for the member's first priority.
    rank: Mapped[int | None]
    number: Mapped[float | None]
    text: Mapped[str | None] = mapped_column(Text)
    #: The language of the page a text was written on (a member may switch mid-way).
    language: Mapped[str | None] = mapped_column(String(10))
    #: The response's record key, copied so that counts of answers add up their keys from
    #: the answer table's indexes alone.
    record_key: Mapped[int]
    #: The response's release number, copied so that counts read released answers from the
    #: indexes alone.
    release_number: Mapped[int | None]

    response: Mapped[Response] = relationship(back_populates="answers")


@event.listens_for(Answer, "before_insert")
def _copy_record_key(_mapper, _connection, answer):
    """An answer added through its response takes the response's record key (inserts of
    plain rows give it themselves)."""
    if answer.record_key is None and answer.response is not None:
        answer.record_key = answer.response.record_key


class Draft(db.Model):
    """Answers of a member who has not submitted yet. Never counted as a response."""

    __tablename__ = "draft"
    __table_args__ = (WITHOUT_ROWID,)

    #: A random token kept in the member's session cookie (``secrets.token_urlsafe``).
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(10))
    #: The network whose code the member used, if the round is reached by network codes.
    network_id: Mapped[int | None] = mapped_column(ForeignKey("network.id"))
    #: {"<question id>": choice id | [choice ids in order] | text}
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The draft is useless after the round closes; day precision.
    expires_on: Mapped[date | None]
    #: SHA-256 of the member's resume code, if they asked for one (respond.resume).
    resume_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
