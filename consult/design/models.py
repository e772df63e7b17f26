"""A round and its questionnaire: sections, questions and choices.

Every text a member reads is stored per language as a JSON object ``{"en": ..., "fr": ...}``
(``Texts``); the round's ``source_language`` is the one translators work from and the one a
missing translation falls back to.
"""

import secrets
import uuid
from datetime import UTC, date, datetime
from itertools import chain

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    String,
    UniqueConstraint,
    and_,
    event,
    false,
    or_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from ..extensions import db, one_of
from ..i18n import pick
from ..questions import KINDS

#: A text in each language of a round: {"en": "…", "ar": "…"}.
Texts = MutableDict.as_mutable(JSON)

STATUSES = ("draft", "open", "closed", "archived")
ACCESS_MODES = ("public", "network", "invitation")
#: What a choice is: an ordinary option, "other, please specify", "prefer not to say", or a
#: row of a matrix (whose options are the shared scale).
CHOICE_ROLES = ("option", "other", "prefer_not", "row")


#: What members of a discreet round see instead of its title: chosen from this list, already
#: translated, so that no label typed by hand can name the topic or miss a language.
NEUTRAL_LABELS = {
    "community_survey": _l("Community survey"),
    "survey": _l("Survey"),
    "short_survey": _l("Short survey"),
    "questionnaire": _l("Questionnaire"),
    "feedback_form": _l("Feedback form"),
}

#: Letters and digits that cannot be misread for one another (no l/1, o/0, i).
MEMBER_KEY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_member_key():
    """A discreet round's address: 12 random characters that spell out nothing."""
    return "".join(secrets.choice(MEMBER_KEY_ALPHABET) for _ in range(12))


def new_design_token():
    return uuid.uuid4().hex


def utcnow():
    """Naive UTC, as schedules are stored: SQLite keeps no time zone, so none is kept."""
    return datetime.now(UTC).replace(tzinfo=None)


class Round(db.Model):
    __tablename__ = "round"
    __table_args__ = (
        CheckConstraint(one_of("status", STATUSES), name="status"),
        CheckConstraint(one_of("access_mode", ACCESS_MODES), name="access_mode"),
        CheckConstraint("min_cell_size >= 3", name="min_cell_size"),
        CheckConstraint("release_interval_days >= 1", name="release_interval_days"),
        CheckConstraint(
            "opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at", name="schedule"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The member-facing address: /c/<slug>/ (see ``address``).
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    #: What the secretariat set; ``accepting_answers`` also honours the schedule.
    status: Mapped[str] = mapped_column(String(20), default="draft")
    access_mode: Mapped[str] = mapped_column(String(20), default="public")
    title: Mapped[dict] = mapped_column(Texts, default=dict)
    introduction: Mapped[dict] = mapped_column(Texts, default=dict)
    thank_you: Mapped[dict] = mapped_column(Texts, default=dict)
    #: The round's languages, source language first.
    languages: Mapped[list] = mapped_column(MutableList.as_mutable(JSON), default=list)
    source_language: Mapped[str] = mapped_column(String(10), default="en")
    #: No page or export shows a count below this (docs/ARCHITECTURE.md, "Invariants").
    min_cell_size: Mapped[int] = mapped_column(default=5)
    #: Figures are released at most once every this many days (review.releases), set by an
    #: admin.
    release_interval_days: Mapped[int] = mapped_column(default=1, server_default="1")
    #: The day themes were last considered for release (coding.releases), so that a page
    #: does not work them out again the same day.
    themes_released_on: Mapped[date | None]
    #: Members' pages name nothing: no title (``neutral_label`` instead), no logo, and the
    #: address /c/<member_key>/ instead of the slug, so a glance at the phone or its history
    #: reveals nothing.
    discreet: Mapped[bool] = mapped_column(default=False)
    neutral_label: Mapped[str] = mapped_column(
        String(30), default="community_survey", server_default="community_survey"
    )
    member_key: Mapped[str] = mapped_column(
        String(16), default=new_member_key, server_default="", index=True, unique=True
    )
    #: {language: {text key: fingerprint of the source a translation was made from}}, so a
    #: translation whose source changed since is marked (translate.texts).
    translated_from: Mapped[dict] = mapped_column(MutableDict.as_mutable(JSON), default=dict)
    #: "You said, we did": after the round closes, members may see the aggregated results
    #: of the questions listed here, small groups hidden. Off unless the secretariat says so.
    publish_results: Mapped[bool] = mapped_column(default=False)
    published_questions: Mapped[list] = mapped_column(MutableList.as_mutable(JSON), default=list)
    #: Whether the published page leads with the brief's headline findings on those questions.
    publish_findings: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: Scheduled opening and closing, naive UTC; an open round answers only between them.
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    #: The codebook its free-text answers are coded against (themes), shared across rounds.
    codebook_id: Mapped[int | None] = mapped_column(ForeignKey("codebook.id", ondelete="SET NULL"))
    codebook = relationship("Codebook")
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(UTC)
    )
    #: New at every change to the round, its pages, questions or choices (see
    #: ``give_changed_rounds_a_new_design_token``): member pages keep the questionnaire
    #: between requests and read it again when this differs (respond/questionnaire.py).
    #: Random, not a counter, so that a restored backup or another database never matches a
    #: questionnaire kept from a different state.
    design_token: Mapped[str] = mapped_column(
        String(32), default=new_design_token, server_default=""
    )

    sections: Mapped[list["Section"]] = relationship(
        back_populates="round",
        order_by="Section.position",
        cascade="all, delete-orphan",
    )

    @hybrid_property
    def accepting_answers(self):
        now = utcnow()
        return (
            self.status == "open"
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )

    @accepting_answers.inplace.expression
    @classmethod
    def _accepting_answers_expression(cls):
        now = utcnow()
        return and_(
            cls.status == "open",
            or_(cls.opens_at.is_(None), cls.opens_at <= now),
            or_(cls.closes_at.is_(None), cls.closes_at > now),
        )

    @property
    def effective_status(self):
        """The status a member meets: an open round past its closing time is closed, one
        before its opening time is still a draft to them."""
        if self.status == "open" and self.closes_at is not None and self.closes_at <= utcnow():
            return "closed"
        if self.status == "open" and self.opens_at is not None and utcnow() < self.opens_at:
            return "scheduled"
        return self.status

    @property
    def address(self):
        """What follows /c/ in members' addresses."""
        return self.member_key if self.discreet else self.slug

    @property
    def neutral_title(self):
        return str(NEUTRAL_LABELS.get(self.neutral_label, NEUTRAL_LABELS["community_survey"]))

    def member_title(self, language):
        """The title a member sees: the round's own, or the neutral label if discreet."""
        return self.neutral_title if self.discreet else self.text("title", language)

    @property
    def is_open(self):
        return self.accepting_answers

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
    #: Shown only when earlier answers meet this (see design.conditions); None: always.
    condition: Mapped[dict | None] = mapped_column(JSON)

    round: Mapped[Round] = relationship(back_populates="sections")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="section",
        order_by="Question.position",
        cascade="all, delete-orphan",
    )


class Question(db.Model):
    __tablename__ = "question"
    __table_args__ = (
        CheckConstraint("max_length IS NULL OR max_length > 0", name="max_length"),
        CheckConstraint("rank_count IS NULL OR rank_count > 0", name="rank_count"),
        CheckConstraint(
            "min_choices IS NULL OR max_choices IS NULL OR min_choices <= max_choices",
            name="choice_bounds",
        ),
        CheckConstraint(
            "min_value IS NULL OR max_value IS NULL OR min_value <= max_value",
            name="value_bounds",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    #: A short stable name for exports and conditions, e.g. "priorities".
    code: Mapped[str] = mapped_column(String(60))
    #: The name of its kind in the registry (consult.questions.KINDS), which checks it.
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[dict] = mapped_column(Texts, default=dict)
    help: Mapped[dict] = mapped_column(Texts, default=dict)
    required: Mapped[bool] = mapped_column(default=False)
    #: Longest accepted answer, in characters, for text questions.
    max_length: Mapped[int | None]
    #: For ranking: how many of the choices a member orders (the top N).
    rank_count: Mapped[int | None]
    #: For multiple choice: how many may be ticked.
    min_choices: Mapped[int | None]
    max_choices: Mapped[int | None]
    #: For number: the accepted range, and whether a fraction is accepted.
    min_value: Mapped[float | None]
    max_value: Mapped[float | None]
    allow_decimals: Mapped[bool] = mapped_column(default=False)
    #: For single choice: a drop-down instead of radio buttons (long lists such as countries).
    dropdown: Mapped[bool] = mapped_column(default=False)
    #: Shuffle the options for each member; "other" and "prefer not to say" stay last.
    randomise_choices: Mapped[bool] = mapped_column(default=False)
    #: Its choices have an order of their own (never, once, several times): charts keep it
    #: instead of drawing the most chosen first.
    ordered: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: A quasi-identifier (gender, age group, country...): protected microdata makes every
    #: combination of it with network, region, language and week hold k responses.
    identifying: Mapped[bool] = mapped_column(default=False)
    #: Shown only when earlier answers meet this (see design.conditions); None: always.
    condition: Mapped[dict | None] = mapped_column(JSON)

    section: Mapped[Section] = relationship(back_populates="questions")
    choices: Mapped[list["Choice"]] = relationship(
        back_populates="question",
        order_by="Choice.position",
        cascade="all, delete-orphan",
    )

    @validates("kind")
    def _known_kind(self, _key, kind):
        # The registry is the list of kinds; the database holds no copy of it.
        if kind not in KINDS:
            raise ValueError(f"{kind!r} is not a kind of question")
        return kind

    @property
    def options(self):
        """The choices a member picks from (for a matrix: the shared scale), visible ones."""
        return [c for c in self.choices if c.role != "row" and not c.hidden]

    @property
    def rows(self):
        return [c for c in self.choices if c.role == "row" and not c.hidden]


class Choice(db.Model):
    __tablename__ = "choice"
    __table_args__ = (
        CheckConstraint(one_of("role", CHOICE_ROLES), name="role"),
        # Conditions and exports name a choice by its code: one code, one choice, whatever
        # its role (a matrix's rows and points of the scale included).
        UniqueConstraint("question_id", "code", name="uq_choice_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[dict] = mapped_column(Texts, default=dict)
    role: Mapped[str] = mapped_column(String(20), default="option")
    #: Hidden choices are no longer offered but keep the answers that chose them.
    hidden: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="choices")


def _round_of(session, thing):
    """The round a round, page, question or choice belongs to (None when it has none yet)."""
    if thing is None or isinstance(thing, Round):
        return thing
    if isinstance(thing, Section):
        return thing.round or _get(session, Round, thing.round_id)
    if isinstance(thing, Question):
        return _round_of(session, thing.section or _get(session, Section, thing.section_id))
    if isinstance(thing, Choice):
        return _round_of(session, thing.question or _get(session, Question, thing.question_id))
    return None


def _get(session, model, key):
    return None if key is None else session.get(model, key)


@event.listens_for(Session, "before_flush")
def give_changed_rounds_a_new_design_token(session, _flush_context, _instances):
    """Whatever changes a round's questionnaire, through any code path that goes through the
    ORM, gives the round a new token in the same flush (bulk UPDATEs never touch these
    tables)."""
    with session.no_autoflush:
        changed = {
            id(round_): round_
            for thing in chain(session.new, session.dirty, session.deleted)
            if isinstance(thing, Round | Section | Question | Choice)
            and (round_ := _round_of(session, thing)) is not None
            and round_ not in session.deleted
        }
    for round_ in changed.values():
        round_.design_token = new_design_token()


# Round.codebook names a class of another package: that module is loaded with this one, so
# the mappers can be configured whichever module a program imports first.
from ..codebooks import models as _codebooks_models  # noqa: E402, F401
