"""Long theme runs started from the browser (automatic coding, emergent themes), done by
the worker (consult.queue), with their progress in the database so that any web process
can show how far they got.

A run beats a heartbeat every HEARTBEAT_EVERY while it runs. A page that finds a running
job whose heartbeat is older than STALE_AFTER knows its worker died (killed, or recycled):
it queues the run again, once, and after a second death marks it failed with a message. A
dead run leaves nothing half-written (automatic coding writes in one transaction at the
end; emergent themes only store their suggestions), so running it again is safe.
"""

import logging
import threading
from datetime import UTC, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from ..design.models import Round
from ..extensions import db
from ..queue import enqueue, job
from .coding import autocode
from .emergent import emergent_themes
from .models import ThemeJob
from .queries import answer_key, uncovered_answers

KINDS = ("autocode", "emergent")
HEARTBEAT_EVERY = timedelta(seconds=2)
STALE_AFTER = timedelta(seconds=20)
#: Runs of one job, the first included: a run whose worker died is started once more.
MAX_ATTEMPTS = 2
#: What a page says of a run that stopped, by the reason kept with it.
MESSAGES = {
    "retried": _l("The worker stopped during the run; it has been queued to start again."),
    "died": _l(
        "The worker stopped twice during the run, which changed nothing. Start it again; if "
        "it stops again, the worker's log says why."
    ),
    "error": _l(
        "The run failed and changed nothing. Start it again; if it fails again, the "
        "worker's log says why."
    ),
}
log = logging.getLogger(__name__)


def latest_job(round_, kind):
    job_ = db.session.scalar(
        select(ThemeJob)
        .where(ThemeJob.round_id == round_.id, ThemeJob.kind == kind)
        .order_by(ThemeJob.id.desc())
        .limit(1)
    )
    return check(job_) if job_ is not None else None


def check(job_):
    """``job_`` as it really is: a running job whose heartbeat stopped is queued again (the
    first time) or failed; one page does it, however many look at once."""
    if (
        job_.state != "running"
        or _aware(job_.heartbeat_at or job_.started_at) > _now() - STALE_AFTER
    ):
        return job_
    again = job_.attempts < MAX_ATTEMPTS
    stopped = db.session.execute(
        update(ThemeJob)
        .where(ThemeJob.id == job_.id, ThemeJob.state == "running")
        .where(ThemeJob.heartbeat_at == job_.heartbeat_at)
        .values(
            state="queued" if again else "failed",
            message="retried" if again else "died",
            finished_at=None if again else _now(),
        )
    )
    db.session.commit()
    if stopped.rowcount == 1 and again:
        enqueue("run_theme_job", job_.id)
    db.session.refresh(job_)
    return job_


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
    """The worker's part: claim the job, run it with a heartbeat, store how it ended."""
    claimed = db.session.execute(
        update(ThemeJob)
        .where(ThemeJob.id == job_id, ThemeJob.state == "queued")
        .values(state="running", attempts=ThemeJob.attempts + 1, heartbeat_at=_now())
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return  # run, or being run, by another worker
    job_ = db.session.get(ThemeJob, job_id)
    round_ = db.session.get(Round, job_.round_id)
    stop = threading.Event()
    beating = threading.Thread(target=_beat, args=(db.engine, job_id, stop), daemon=True)
    beating.start()
    result, state, message = None, "done", None
    try:
        if job_.kind == "autocode":
            autocode(round_, lambda done, total: _progress(job_id, done, total))
        else:
            result = suggest_emergent_themes(round_, lambda d, t: _progress(job_id, d, t))
    except Exception:
        log.exception("theme job %s failed", job_id)
        db.session.rollback()
        state, message = "failed", "error"
    finally:
        stop.set()
        beating.join()
    db.session.execute(
        update(ThemeJob)
        .where(ThemeJob.id == job_id)
        .values(state=state, result=result, message=message, finished_at=_now())
    )
    db.session.commit()


def _beat(engine, job_id, stop):
    """Every HEARTBEAT_EVERY, until ``stop``: the run is alive."""
    while not stop.wait(HEARTBEAT_EVERY.total_seconds()):
        with engine.begin() as connection:
            connection.execute(
                update(ThemeJob).where(ThemeJob.id == job_id).values(heartbeat_at=_now())
            )


def _progress(job_id, done, total):
    """Record progress in a transaction of its own, apart from the run's."""
    with db.engine.begin() as connection:
        connection.execute(
            update(ThemeJob)
            .where(ThemeJob.id == job_id)
            .values(done=done, total=total, heartbeat_at=_now())
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


def _aware(moment):
    """SQLite gives back naive datetimes: they are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _now():
    return datetime.now(UTC)
