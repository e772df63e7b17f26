"""Two rounds side by side: the questions a round shares with an earlier one (a copy keeps
its question codes), each answer in both with the change. Each round's figures are
protected on their own, as its own pages show them; a change is shown only when both
shares are."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ..design.models import Question, Round, Section
from ..extensions import db
from ..questions import kind_of
from .results import question_results


@dataclass
class ComparedAnswer:
    label: str
    this: object
    other: object
    #: "option", "other" or "prefer_not", as the chart orders it.
    role: str = "option"

    @property
    def change(self):
        """The change in percentage points, when both shares are shown."""
        if self.this.percent is None or self.other.percent is None:
            return None
        return self.this.percent - self.other.percent


@dataclass
class ComparedQuestion:
    code: str
    text: str
    this_base: object
    other_base: object
    answers: list = field(default_factory=list)
    kind: str = ""
    #: Whether this round's question says its choices have an order (charts keep it).
    ordered: bool = False


def rounds_sharing_questions(round_):
    """Other rounds with at least one question code in common, newest first."""
    codes = [q.code for q in round_.questions if kind_of(q).comparable]
    sharing = (
        select(Section.round_id)
        .join(Question, Question.section_id == Section.id)
        .where(Question.code.in_(codes))
    )
    return db.session.scalars(
        select(Round)
        .where(Round.id != round_.id, Round.id.in_(sharing))
        .order_by(Round.created_at.desc())
    ).all()


def compare_rounds(round_, other, language):
    """[ComparedQuestion] for the questions of ``round_`` that ``other`` also has, with the
    same code and kind; answers are matched by their codes."""
    others = {q.code: q for q in other.questions}
    shared = [
        q
        for q in round_.questions
        if kind_of(q).comparable and q.code in others and others[q.code].kind == q.kind
    ]
    if not shared:
        return []
    this_results, _figures = question_results(round_, language, shared)
    other_language = other.content_language(language)
    other_results, _figures = question_results(
        other, other_language, [others[q.code] for q in shared]
    )
    compared = []
    for this, that in zip(this_results, other_results, strict=True):
        item = ComparedQuestion(this.question.code, this.text, this.base, that.base)
        item.kind, item.ordered = this.question.kind, this.question.ordered
        theirs = {row.code: row for row in that.choices + that.declined}
        for row in this.choices + this.declined:
            if row.code in theirs:
                other = theirs[row.code].count
                item.answers.append(ComparedAnswer(row.label, row.count, other, row.role))
        compared.append(item)
    return compared
