"""What a member's answering changes: a draft is started, filled page by page, and submitted
exactly once as an anonymous response."""

import secrets
from datetime import UTC, datetime

from sqlalchemy import delete, select

from ..design.models import Question, Section
from ..extensions import db
from .models import Answer, Draft, Response


class MissingAnswer(Exception):
    """A required question has no answer; ``section_position`` is the page to send them to."""

    def __init__(self, question):
        super().__init__(question.code)
        self.question = question


def today():
    """The only time kept with a response: the day (UTC)."""
    return datetime.now(UTC).date()


def start_draft(round_, language):
    draft = Draft(
        token=secrets.token_urlsafe(32),
        round_id=round_.id,
        language=language,
        answers={},
        expires_on=round_.closes_on,
    )
    db.session.add(draft)
    db.session.commit()
    return draft


def save_answers(draft, section, answers):
    """Replace the draft's answers to this section's questions with ``answers``."""
    kept = {
        key: value
        for key, value in draft.answers.items()
        if key not in {str(q.id) for q in section.questions}
    }
    kept.update({str(question_id): value for question_id, value in answers.items()})
    draft.answers = kept
    db.session.commit()


def submit_draft(draft_token, round_, language):
    """Turn the draft into a response, exactly once.

    Deleting the draft and writing the response happen in one transaction: of two
    simultaneous submits of one draft, only the one whose delete finds the row stores
    anything. Returns False when the draft was already submitted (or never existed).
    Raises MissingAnswer, writing nothing, when a required question is unanswered.
    """
    draft = db.session.get(Draft, draft_token)
    if draft is None or draft.round_id != round_.id:
        return False
    rows = answer_rows(round_, draft.answers)
    deleted = db.session.execute(
        delete(Draft).where(Draft.token == draft_token).execution_options(synchronize_session=False)
    ).rowcount
    if deleted != 1:
        db.session.rollback()
        return False
    response = Response(round_id=round_.id, language=language, submitted_on=today())
    response.answers = rows
    db.session.add(response)
    db.session.commit()
    return True


def answer_rows(round_, saved):
    """The Answer rows for a draft's saved answers, checked against the round's questions
    (a choice must belong to its question). Raises MissingAnswer for a required gap."""
    questions = db.session.scalars(
        select(Question)
        .join(Section)
        .where(Section.round_id == round_.id)
        .order_by(Section.position, Question.position)
    )
    rows = []
    for question in questions:
        value = saved.get(str(question.id))
        question_rows = _rows_for(question, value)
        if question.required and not question_rows:
            raise MissingAnswer(question)
        rows.extend(question_rows)
    return rows


def _rows_for(question, value):
    if value in (None, "", []):
        return []
    if question.kind in ("short_text", "long_text"):
        return [Answer(question_id=question.id, item=0, text=str(value))]
    valid = {choice.id for choice in question.choices}
    chosen = value if isinstance(value, list) else [value]
    chosen = [c for c in chosen if c in valid]
    ranked = question.kind == "ranking"
    return [
        Answer(question_id=question.id, item=i, choice_id=c, rank=i + 1 if ranked else None)
        for i, c in enumerate(chosen)
    ]
