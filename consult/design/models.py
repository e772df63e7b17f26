"""A round and its questionnaire: sections, questions and choices.

Every text a member reads is stored per language as a JSON object ``{"en": ..., "fr": ...}``
(``Texts``); the round's ``source_language`` is the one translators work from and the one a
missing translation falls back to.
"""

from datetime import UTC, date, datetime

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db, one_of
from ..i18n import pick

#: A text in each language of a round: {"en": "…", "ar": "…"}.
Texts = MutableDict.as_mutable(JSON)

STATUSES = ("draft", "open", "closed", "archived")
ACCESS_MODES = ("public",)
QUESTION_KINDS = (
    "single_choice",
    "multiple_choice",
    "scale",
    "ranking",
    "short_text",
    "long_text",
)
#: Kinds whose answers are choices, counted per choice.
CHOICE_KINDS = ("single_choice", "multiple_choice", "scale", "ranking")


class Round(db.Model):
    __tablename__ = "round"
    __table_args__ = (
        CheckConstraint(one_of("status", STATUSES), name="status"),
        CheckConstraint(one_of("access_mode", ACCESS_MODES), name="access_mode"),
        CheckConstraint("min_cell_size >= 3", name="min_cell_size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The member-facing address: /c/<slug>/.
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    access_mode: Mapped[str] = mapped_column(String(20), default="public")
    title: Mapped[dict] = mapped_column(Texts, default=dict)
    introduction: Mapped[dict] = mapped_column(Texts, default=dict)
    thank_you: Mapped[dict] = mapped_column(Texts, default=dict)
    #: The round's languages, source language first.
    languages: Mapped[list] = mapped_column(MutableList.as_mutable(JSON), default=list)
    source_language: Mapped[str] = mapped_column(String(10), default="en")
    #: No page or export shows a count below this (PRODUCT.md, "Small groups stay hidden").
    min_cell_size: Mapped[int] = mapped_column(default=5)
    #: Day precision like everything else that touches answering.
    closes_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(UTC)
    )

    sections: Mapped[list["Section"]] = relationship(
        back_populates="round",
        order_by="Section.position",
        cascade="all, delete-orphan",
    )

    @property
    def is_open(self):
        return self.status == "open"

    def text(self, field, language):
        return pick(getattr(self, field), language, self.source_language)

    def content_language(self, interface_language):
        """The language the questionnaire is shown in for a given interface language."""
        if interface_language in self.languages:
            return interface_language
        return self.source_language

    @property
    def questions(self):
        return [q for s in self.sections for q in s.questions]


class Section(db.Model):
    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[dict] = mapped_column(Texts, default=dict)
    introduction: Mapped[dict] = mapped_column(Texts, default=dict)

    round: Mapped[Round] = relationship(back_populates="sections")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="section",
        order_by="Question.position",
        cascade="all, delete-orphan",
    )


class Question(db.Model):
    __tablename__ = "question"
    __table_args__ = (
        CheckConstraint(one_of("kind", QUESTION_KINDS), name="kind"),
        CheckConstraint("max_length IS NULL OR max_length > 0", name="max_length"),
        CheckConstraint("rank_count IS NULL OR rank_count > 0", name="rank_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    #: A short stable name for exports and conditions, e.g. "priorities".
    code: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[dict] = mapped_column(Texts, default=dict)
    help: Mapped[dict] = mapped_column(Texts, default=dict)
    required: Mapped[bool] = mapped_column(default=False)
    #: Longest accepted answer, in characters, for text questions.
    max_length: Mapped[int | None]
    #: For ranking: how many of the choices a member orders (the top N).
    rank_count: Mapped[int | None]

    section: Mapped[Section] = relationship(back_populates="questions")
    choices: Mapped[list["Choice"]] = relationship(
        back_populates="question",
        order_by="Choice.position",
        cascade="all, delete-orphan",
    )

    @property
    def has_choices(self):
        return self.kind in CHOICE_KINDS


class Choice(db.Model):
    __tablename__ = "choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[dict] = mapped_column(Texts, default=dict)

    question: Mapped[Question] = relationship(back_populates="choices")
