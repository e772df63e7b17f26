"""Long theme runs started from the browser (automatic coding, emergent themes), done by
the worker (consult.queue), with their progress in the database so that any web process
can show how far they got.

A run whose worker died is queued again, once, then failed (queue.check). A dead run
leaves nothing half-written (automatic coding writes in one transaction at the end;
emergent themes only store their suggestions), so running it again is safe.
"""

from sqlalchemy import select, update

from ..design.models import Round
from ..extensions import db
from ..queue import beat, check, enqueue, job, running
from .answers import answer_key, find_answer_by_key, readable_groups, uncovered_answers
from .autocoding import autocode
from .emergent import emergent_themes
from .models import ThemeJob


def latest_job(round_, kind):
    job_ = db.session.scalar(
        select(ThemeJob)
        .where(ThemeJob.round_id == round_.id, ThemeJob.kind == kind)
        .order_by(ThemeJob.id.desc())
        .limit(1)
    )
    return check_run(job_) if job_ is not None else None


def check_run(job_):
    """The job as it really is (queue.check): never "running" when its worker died."""
    return check(job_, "run_theme_job")


def start_job(round_, kind):
    """Queue a run of ``kind`` for ``round_``, unless one is queued or running; returns the
    job."""
    current = latest_job(round_, kind)
    if current is not None and current.state in ("queued", "running"):
        return current
    job_ = ThemeJob(round_id=round_.id, kind=kind, state="queued")
    db.session.add(job_)
    db.session.commit()
    enqueue("run_theme_job", job_.id)
    db.session.refresh(job_)
    return job_


@job
def run_theme_job(job_id):
    """The worker's part: the run, with its progress."""

    def progress(done, total):
        beat(ThemeJob, job_id, done=done, total=total)

    with running(ThemeJob, job_id) as job_:
        if job_ is None:
            return
        round_ = db.session.get(Round, job_.round_id)
        if job_.kind == "autocode":
            autocode(round_, progress)
        else:
            result = suggest_emergent_themes(round_, progress)
            db.session.execute(update(ThemeJob).where(ThemeJob.id == job_id).values(result=result))
            db.session.commit()


def suggest_emergent_themes(round_, progress=None):
    """The emergent themes of the answers no theme covers, as stored with a job: each with
    its language, top terms, size and the keys of its example answers."""
    rows = db.session.execute(uncovered_answers(round_.id)).all()
    answers = [(answer_key(row), row.text, row.language) for row in rows]
    suggestions = emergent_themes(
        answers, min_answers=max(10, round_.min_cell_size), progress=progress
    )
    return {
        "answers": len(answers),
        "suggestions": [
            {
                "language": suggestion.language,
                "terms": list(suggestion.terms),
                "size": suggestion.size,
                "examples": list(suggestion.examples),
            }
            for suggestion in suggestions
        ],
    }


def readable_suggestions(round_, job_):
    """The suggestions of a done emergent run (``job_``, or None), each with its index and
    those of its example answers a reviewer may read (``answers``)."""
    if job_ is None or job_.state != "done" or not job_.result:
        return []
    readable = readable_groups(round_.id, round_.min_cell_size)
    suggestions = []
    for index, suggestion in enumerate(job_.result["suggestions"]):
        examples = [find_answer_by_key(round_.id, key) for key in suggestion["examples"]]
        examples = [
            row
            for row in examples
            if row is not None and (row.question_id, row.language) in readable
        ]
        suggestions.append({**suggestion, "index": index, "answers": examples})
    return suggestions
