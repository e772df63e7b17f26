"""Long theme runs started from the browser (automatic coding, emergent themes), done in a
thread outside the request, with their progress in the database so that any worker can
show the share done.

A thread is enough here: a run takes seconds to a minute, one round at a time, and leaves
nothing half-written if the process dies (automatic coding writes in one transaction at the
end; emergent themes only store their suggestions). A run left "running" by a process that
died is shown as failed after ``STALE_AFTER``, and can be started again.
"""

import logging
import threading
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from ..design.models import Round
from ..extensions import db
from .coding import autocode
from .emergent import emergent_themes
from .models import ThemeJob
from .queries import answer_key, uncovered_answers

KINDS = ("autocode", "emergent")
STALE_AFTER = timedelta(minutes=30)
log = logging.getLogger(__name__)
#: The threads of this process by job id, for the tests to wait on.
_threads = {}


def latest_job(round_, kind):
    job = db.session.scalar(
        select(ThemeJob)
        .where(ThemeJob.round_id == round_.id, ThemeJob.kind == kind)
        .order_by(ThemeJob.id.desc())
        .limit(1)
    )
    if job is not None and job.state == "running" and _started(job) < _now() - STALE_AFTER:
        job.state = "failed"
    return job


def start_job(round_, kind):
    """Start a run of ``kind`` for ``round_``, unless one is running; returns the job."""
    running = latest_job(round_, kind)
    if running is not None and running.state == "running":
        return running
    job = ThemeJob(round_id=round_.id, kind=kind)
    db.session.add(job)
    db.session.commit()
    thread = threading.Thread(
        target=_run, args=(current_app._get_current_object(), job.id), daemon=True
    )
    _threads[job.id] = thread
    thread.start()
    return job


def wait_for(job_id, timeout=60):
    thread = _threads.pop(job_id, None)
    if thread is not None:
        thread.join(timeout)


def wait_for_all(timeout=60):
    for job_id in list(_threads):
        wait_for(job_id, timeout)


def _run(app, job_id):
    with app.app_context():
        job = db.session.get(ThemeJob, job_id)
        round_ = db.session.get(Round, job.round_id)
        result, state = None, "done"
        try:
            if job.kind == "autocode":
                autocode(round_, lambda done, total: _progress(job_id, done, total))
            else:
                result = suggest_emergent_themes(round_, lambda d, t: _progress(job_id, d, t))
        except Exception:
            log.exception("theme job %s failed", job_id)
            db.session.rollback()
            state = "failed"
        db.session.execute(
            update(ThemeJob)
            .where(ThemeJob.id == job_id)
            .values(state=state, result=result, finished_at=_now())
        )
        db.session.commit()
        db.session.remove()


def _progress(job_id, done, total):
    """Record progress in a transaction of its own, apart from the run's."""
    with db.engine.begin() as connection:
        connection.execute(
            update(ThemeJob).where(ThemeJob.id == job_id).values(done=done, total=total)
        )


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


def _started(job):
    started = job.started_at
    return started if started.tzinfo else started.replace(tzinfo=UTC)


def _now():
    return datetime.now(UTC)
