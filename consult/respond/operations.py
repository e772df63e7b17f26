"""What a member's answering changes: a draft is started, filled page by page, and submitted
exactly once as an anonymous response."""

import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from ..arrival import empty_the_log, lock_round, rewrite_responses_of_the_day
from ..extensions import db
from ..questions import kind_of
from .flow import visible_questions
from .models import Answer, Draft, Response
from .resume import code_hash, new_code, normalise


class MissingAnswer(Exception):
    """A required question the member was shown has no answer."""

    def __init__(self, question):
        super().__init__(question.code)
        self.question = question


def today():
    """The only time kept with a response: the day (UTC)."""
    return datetime.now(UTC).date()


def start_draft(round_, language, network_id=None):
    draft = Draft(
        token=secrets.token_urlsafe(32),
        round_id=round_.id,
        language=language,
        network_id=network_id,
        answers={},
        expires_on=draft_expiry(round_),
    )
    db.session.add(draft)
    db.session.commit()
    empty_the_log()
    return draft


def draft_expiry(round_):
    """The last day a draft started today is kept: ``DRAFT_DAYS`` on, or the round's
    closing day if sooner."""
    last = today() + timedelta(days=current_app.config["DRAFT_DAYS"])
    return min(last, round_.closes_at.date()) if round_.closes_at else last


def is_live(draft):
    """Not past its last day (``purge_drafts`` deletes it, whenever cron runs it)."""
    return draft.expires_on is None or draft.expires_on >= today()


def forget_drafts(tokens):
    """A quick exit: the drafts of this browser are deleted, unless the member took a resume
    code for one, which is then the only way back to it."""
    if tokens:
        db.session.execute(
            delete(Draft).where(Draft.token.in_(tokens), Draft.resume_hash.is_(None))
        )
        db.session.commit()
        empty_the_log()


def save_answers(draft, questions, answers, language):
    """Replace the draft's answers to ``questions`` (one page) with ``answers``."""
    draft.answers = merged_answers(draft.answers, questions, answers, language)
    db.session.commit()
    empty_the_log()


def merged_answers(saved, questions, answers, language):
    """``saved`` with its answers to ``questions`` (one page) replaced by ``answers``, a dict
    of draft keys ("<question id>", "<question id>.other") to values; texts remember the
    ``language`` of the page they were written on ("<question id>.language")."""
    replaced = {f"{q.id}{suffix}" for q in questions for suffix in ("", ".other", ".language")}
    kept = {key: value for key, value in saved.items() if key not in replaced}
    kept.update(answers)
    kept.update(
        {
            f"{q.id}.language": language
            for q in questions
            if (kind_of(q).written and str(q.id) in answers) or f"{q.id}.other" in answers
        }
    )
    return kept


def submit_draft(draft_token, round_, language):
    """Turn the draft into a response, exactly once.

    Deleting the draft and writing the response happen in one transaction: of two
    simultaneous submits of one draft, only the one whose delete finds the row stores
    anything. The round's unreleased responses of the day are then written again, in a
    random order (consult.arrival), so that nothing in the files orders them by arrival.
    Returns False when the draft was already submitted (or never existed). Raises
    MissingAnswer, writing nothing, when a required question is unanswered.
    """
    lock_round(round_.id)
    draft = db.session.get(Draft, draft_token)
    if draft is None or draft.round_id != round_.id:
        db.session.rollback()
        return False
    try:
        rows = answer_rows(round_, draft.answers, language)
    except MissingAnswer:
        db.session.rollback()
        raise
    network_id = draft.network_id
    deleted = db.session.execute(
        delete(Draft).where(Draft.token == draft_token).execution_options(synchronize_session=False)
    ).rowcount
    if deleted != 1:
        db.session.rollback()
        return False
    response = Response(
        round_id=round_.id,
        network_id=network_id,
        language=language,
        submitted_on=today(),
        furthest_page=furthest_page(round_, rows),
    )
    response.answers = rows
    db.session.add(response)
    db.session.flush()
    rewrite_responses_of_the_day(round_.id, response.submitted_on)
    db.session.commit()
    empty_the_log()
    return True


def furthest_page(round_, rows):
    """The position of the furthest section with an answer among ``rows``, or None."""
    page_of = {q.id: section.position for section in round_.sections for q in section.questions}
    return max((page_of[row.question_id] for row in rows), default=None)


def answer_rows(round_, saved, draft_language=None):
    """The Answer rows for a draft's saved answers to the questions the member was shown,
    checked against the round (a choice must belong to its question; answers to questions
    hidden by a condition are dropped). Raises MissingAnswer for a required gap."""
    visible = visible_questions(round_, saved)
    rows = []
    for question in round_.questions:
        if question.id not in visible or not kind_of(question).answered:
            continue
        question_rows = _rows_for(
            question, saved.get(str(question.id)), saved.get(f"{question.id}.other")
        )
        for row in question_rows:
            if row.text is not None:
                row.language = saved.get(f"{question.id}.language", draft_language)
        if question.required and not question_rows:
            raise MissingAnswer(question)
        rows.extend(question_rows)
    return rows


def _rows_for(question, value, other_text):
    if value in (None, "", [], {}):
        return []
    return [
        Answer(question_id=question.id, **columns)
        for columns in kind_of(question).answer_rows(question, value, other_text)
    ]


def give_resume_code(draft):
    """A new resume code for the draft (an earlier one stops working); returns the code,
    which is never stored."""
    code = new_code()
    draft.resume_hash = code_hash(code)
    db.session.commit()
    empty_the_log()
    return code


def draft_for_code(round_, code):
    """The draft of this round that the code opens, or None."""
    if normalise(code) is None:
        return None
    draft = db.session.scalar(select(Draft).where(Draft.resume_hash == code_hash(code)))
    if draft is None or draft.round_id != round_.id or not is_live(draft):
        return None
    return draft


def purge_drafts():
    """Delete the drafts of rounds that no longer take answers, and drafts past their
    expiry day; returns how many. Safe to run from cron at any time."""
    from ..design.models import Round

    closed = select(Round.id).where(~Round.accepting_answers)
    deleted = db.session.execute(
        delete(Draft)
        .where(Draft.round_id.in_(closed) | (Draft.expires_on < today()))
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    empty_the_log()
    return deleted
