"""The coding of a round's written answers: the rows about one answer (tags, memos, quotes,
blind codings, text keys), the brief's choices per theme, long runs, and the released
versions of themes that theme figures count. The themes themselves are in
codebooks.models.
"""

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    and_,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..codebooks.models import Theme
from ..extensions import db, one_of
from ..queue import JobState

#: What a reviewer made of a tag: the rules suggest, a reviewer accepts or rejects; a tag a
#: reviewer adds by hand is accepted from the start.
TAG_STATUSES = ("suggested", "accepted", "rejected")
#: The advocacy activities of the network's plan a theme can feed, for the brief.
ACTIVITIES = ("high_level_advocacy", "advocacy_materials", "campaigns", "fundraising")


def _now():
    return datetime.now(UTC)


class _OfAnAnswer:
    """The answer a row is about: a text of one response to one question (``item`` 0, or
    the item of an "other, please specify" text). Coding is per answer; results count
    respondents.

    The row points at the answer's whole key (``answer_keys``), so it cannot name an answer
    that does not exist and goes with its answer; the round it copies for per-round queries
    must be its response's round, which the database checks too."""

    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    response_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    question_id: Mapped[int]
    item: Mapped[int] = mapped_column(default=0)

    @staticmethod
    def answer_keys(table):
        """The table arguments of a row about an answer: a key to the answer's
        (response, question, item) and one to its response's (round, id), both ON DELETE
        CASCADE, so that a deleted answer (a purge, a response rewritten before its release)
        takes its coding with it; and the index that finds a response's rows by its round,
        as the second key's checks do."""
        return (
            ForeignKeyConstraint(
                ["response_id", "question_id", "item"],
                ["answer.response_id", "answer.question_id", "answer.item"],
                ondelete="CASCADE",
            ),
            ForeignKeyConstraint(
                ["round_id", "response_id"],
                ["response.round_id", "response.id"],
                ondelete="CASCADE",
            ),
            Index(f"ix_{table}_round_response", "round_id", "response_id"),
        )

    @classmethod
    def of(cls, answer):
        """The condition that a row is about ``answer``."""
        return and_(
            cls.response_id == answer.response_id,
            cls.question_id == answer.question_id,
            cls.item == answer.item,
        )

    @staticmethod
    def about(round_, answer):
        """The columns of a new row about ``answer`` of ``round_``."""
        return {
            "round_id": round_.id,
            "response_id": answer.response_id,
            "question_id": answer.question_id,
            "item": answer.item,
        }


class Tag(_OfAnAnswer, db.Model):
    """A theme on an answer, suggested by the codebook's rules (with the words that set it
    off) or added by a reviewer; who decided what is kept."""

    __tablename__ = "tag"
    __table_args__ = (
        *_OfAnAnswer.answer_keys("tag"),
        UniqueConstraint("response_id", "question_id", "item", "theme_id", name="uq_tag"),
        CheckConstraint(one_of("status", TAG_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="suggested")
    #: [[keyword, start, end], …]: the keyword rule and where in the text its words are.
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    #: None when the rules suggested it.
    added_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    theme: Mapped[Theme] = relationship()


class Memo(_OfAnAnswer, db.Model):
    """A reviewer's note on an answer, seen by the other reviewers."""

    __tablename__ = "memo"
    __table_args__ = (
        *_OfAnAnswer.answer_keys("memo"),
        # The other rows find their answer's through their unique constraints.
        Index("ix_memo_answer", "response_id", "question_id", "item"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Quote(_OfAnAnswer, db.Model):
    """An answer marked as a candidate quote: its text scrubbed of identifiers (coding.scrub)
    and, once a reviewer approves it, usable in the brief."""

    __tablename__ = "quote"
    __table_args__ = (
        *_OfAnAnswer.answer_keys("quote"),
        UniqueConstraint("response_id", "question_id", "item", name="uq_quote"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(10))
    #: Always scrubbed: the answer's own text is never copied here as it is.
    text: Mapped[str] = mapped_column(Text)
    translation: Mapped[str | None] = mapped_column(Text)
    marked_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    theme: Mapped[Theme | None] = relationship()


class DoubleCoding(_OfAnAnswer, db.Model):
    """One reviewer's blind coding of an answer of the agreement sample: the themes they
    found, compared with another reviewer's by Cohen's kappa (coding.agreement)."""

    __tablename__ = "double_coding"
    __table_args__ = (
        *_OfAnAnswer.answer_keys("double_coding"),
        UniqueConstraint("response_id", "question_id", "item", "coder_id", name="uq_double"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    #: Theme ids.
    themes: Mapped[list] = mapped_column(JSON, default=list)
    coded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AnswerTextKey(_OfAnAnswer, db.Model):
    """What a released written answer says, as a key (coding.text.same_text_key): answers
    to one question with the same key say the same thing, and the coding screen shows them
    once and codes them together. Filled as the coding screen finds answers without one
    (coding.coding.key_answer_texts); the text itself stays in the answer table alone."""

    __tablename__ = "answer_text_key"
    __table_args__ = (
        # Goes with its answer: a purge or a deleted response takes the key too.
        ForeignKeyConstraint(
            ["response_id", "question_id", "item"],
            ["answer.response_id", "answer.question_id", "answer.item"],
            ondelete="CASCADE",
        ),
        PrimaryKeyConstraint("response_id", "question_id", "item"),
        Index("ix_answer_text_key_question", "question_id", "text_key"),
        # A rowid table, unlike the answers: SQLite 3.40's integrity_check, which every
        # backup passes, misreads a WITHOUT ROWID table's NOT NULL columns as NULL.
    )

    #: 32 hex digits: a hash of the answer's language and normalised words.
    text_key: Mapped[str] = mapped_column(String(32))


class BriefTheme(db.Model):
    """What a reviewer says a theme of a round feeds in the network's plan."""

    __tablename__ = "brief_theme"
    __table_args__ = (
        UniqueConstraint("round_id", "theme_id", name="uq_brief_theme"),
        CheckConstraint(one_of("activity", ACTIVITIES), name="activity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"))
    strategic_direction: Mapped[str | None] = mapped_column(String(120))
    activity: Mapped[str | None] = mapped_column(String(30))


class ThemeJob(JobState, db.Model):
    """A long run over a round's answers (automatic coding, emergent themes) done outside
    the request, with how far it got, so a page can show the share done."""

    __tablename__ = "theme_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    #: What the run found: for emergent themes, the suggestions.
    result: Mapped[dict | None] = mapped_column(JSON)


class ThemeRelease(db.Model):
    """One released version of a theme's respondents in a round (coding.releases): theme
    figures by group count these, not the tags as they are now, so that tagging one more
    answer changes nothing a reviewer sees until a release, and only when the new set
    differs by k or more from every set shown before."""

    __tablename__ = "theme_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), index=True)
    #: Day precision: the theme's figures are "as of" this day.
    made_on: Mapped[date]
    #: How many respondents the version holds (before perturbation: never shown).
    respondents: Mapped[int]
    #: Whether it may be shown by group: it differs by 0 or k or more from every set shown
    #: by group before. Otherwise it is shown in total only.
    by_group: Mapped[bool] = mapped_column(default=True)


class ThemeReleaseMember(db.Model):
    """A respondent in a released version of a theme (a theme counts its sub-themes' too)."""

    __tablename__ = "theme_release_member"

    theme_release_id: Mapped[int] = mapped_column(
        ForeignKey("theme_release.id", ondelete="CASCADE"), primary_key=True
    )
    response_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
