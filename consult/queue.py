"""Long work runs in a worker process, not in the web worker: automatic coding and
emergent themes (coding.jobs), large exports of responses (review.export_jobs), and, every
few minutes by itself, the releases of figures that are due (review.release_jobs). The
queue is huey's, stored in SQLite in the instance folder by default (nothing more to
install or run than the worker) or in Redis at scale
(``CONSULT_QUEUE_URL=redis://127.0.0.1:6379/1``). The worker is
``flask --app consult jobs work``; ``make run`` starts one beside the server.

A job's own row (a model with the JobState columns) says how far it got, and beats a
heartbeat while it runs (``running``); a page that finds a run whose heartbeat stopped (the
worker was killed or recycled) queues it again, once, or marks it failed with a message
(``check``), so no page ever shows a dead run as running. A run writes its result only at
its end, so running it again is safe.
Tests set ``QUEUE_IMMEDIATE``: each job then runs at once, in the request that queued it.
"""

import logging
import os
import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import lazy_gettext as _l
from huey import RedisHuey, SqliteHuey, crontab
from sqlalchemy import DateTime, String, update
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db

HEARTBEAT_EVERY = timedelta(seconds=2)
#: A run whose last heartbeat is older than this is dead (``QUEUE_STALE_SECONDS`` changes
#: it: tests/test_job_queue.py waits less).
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

jobs_cli = AppGroup("jobs", help="The worker that runs long jobs.")

#: The functions a worker can run, by name: registered by the modules that define them.
_JOBS = {}


#: The functions the worker runs by itself, by name: (every so many minutes, function).
_EVERY = {}


def job(function):
    """Make ``function`` a job the queue can run in a worker, inside the application."""
    _JOBS[function.__name__] = function
    return function


def every(minutes):
    """Make the function a job the worker runs by itself every ``minutes`` minutes."""

    def register(function):
        _EVERY[function.__name__] = (minutes, function)
        return function

    return register


def init_app(app):
    from .coding import jobs as _theme_jobs  # noqa: F401 (registers its jobs)
    from .review import release_jobs as _release_jobs  # noqa: F401 (registers its jobs)

    url = app.config.get("QUEUE_URL") or "sqlite:///" + os.path.join(
        app.instance_path, "queue.sqlite"
    )
    if url.startswith(("redis://", "rediss://")):
        huey = RedisHuey("consult", url=url)
    elif url.startswith("sqlite:///"):
        os.makedirs(os.path.dirname(url.removeprefix("sqlite:///")) or ".", exist_ok=True)
        huey = SqliteHuey("consult", filename=url.removeprefix("sqlite:///"))
    else:
        raise ValueError(f"QUEUE_URL must be sqlite:///… or redis://…, not {url!r}")
    huey.immediate = bool(app.config.get("QUEUE_IMMEDIATE"))
    tasks = {name: huey.task(name=name)(_in_app(app, fn)) for name, fn in _JOBS.items()}
    for name, (minutes, function) in _EVERY.items():
        tasks[name] = huey.periodic_task(crontab(minute=f"*/{minutes}"), name=name)(
            _in_app(app, function)
        )
    app.extensions["queue"] = (huey, tasks)


def now():
    return datetime.now(UTC)


class JobState:
    """The columns of a job's row that the queue keeps (a mixin for the models)."""

    #: "queued" (waiting for the worker), "running", "done" or "failed".
    state: Mapped[str] = mapped_column(String(12), default="queued")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Last sign of life of the run; None until a worker takes it.
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Runs started, the first included.
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    #: Why it was queued again or failed: a key of MESSAGES, or None.
    message: Mapped[str | None] = mapped_column(String(20))


def check(job_, task):
    """``job_`` as it really is: a running job whose heartbeat stopped is queued again for
    ``task`` (the first time) or failed; one page does it, however many look at once."""
    model = type(job_)
    seconds = current_app.config.get("QUEUE_STALE_SECONDS")
    stale_after = timedelta(seconds=seconds) if seconds else STALE_AFTER
    if (
        job_.state != "running"
        or _aware(job_.heartbeat_at or job_.started_at) > now() - stale_after
    ):
        return job_
    again = job_.attempts < MAX_ATTEMPTS
    stopped = db.session.execute(
        update(model)
        .where(model.id == job_.id, model.state == "running")
        .where(model.heartbeat_at == job_.heartbeat_at)
        .values(
            state="queued" if again else "failed",
            message="retried" if again else "died",
            finished_at=None if again else now(),
        )
    )
    db.session.commit()
    if stopped.rowcount == 1 and again:
        enqueue(task, job_.id)
    db.session.refresh(job_)
    return job_


@contextmanager
def running(model, job_id):
    """In the worker: claim the queued job (None if another worker has it), keep its
    heartbeat while the block runs, and store how it ended: done, or failed on an error
    (logged; the block's own writes rolled back). Yields the job's row."""
    claimed = db.session.execute(
        update(model)
        .where(model.id == job_id, model.state == "queued")
        .values(state="running", attempts=model.attempts + 1, heartbeat_at=now())
    )
    db.session.commit()
    if claimed.rowcount != 1:
        yield None  # run, or being run, by another worker
        return
    stop = threading.Event()
    beating = threading.Thread(target=_beat, args=(db.engine, model, job_id, stop), daemon=True)
    beating.start()
    state, message = "done", None
    try:
        yield db.session.get(model, job_id)
    except Exception:
        log.exception("%s %s failed", model.__tablename__, job_id)
        db.session.rollback()
        state, message = "failed", "error"
    finally:
        stop.set()
        beating.join()
    db.session.execute(
        update(model)
        .where(model.id == job_id)
        .values(state=state, message=message, finished_at=now())
    )
    db.session.commit()


def beat(model, job_id, **values):
    """Store progress (``values``) with a heartbeat, in a transaction of its own."""
    with db.engine.begin() as connection:
        connection.execute(
            update(model).where(model.id == job_id).values(heartbeat_at=now(), **values)
        )


def _beat(engine, model, job_id, stop):
    while not stop.wait(HEARTBEAT_EVERY.total_seconds()):
        with engine.begin() as connection:
            connection.execute(update(model).where(model.id == job_id).values(heartbeat_at=now()))


def _aware(moment):
    """SQLite gives back naive datetimes: they are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def enqueue(name, *args):
    """Queue the job ``name`` with ``args`` (plain values: ids, not objects)."""
    _huey, tasks = current_app.extensions["queue"]
    tasks[name](*args)


def _in_app(app, function):
    def run(*args):
        with app.app_context():
            try:
                return function(*args)
            finally:
                db.session.remove()

    run.__name__ = function.__name__
    return run


@jobs_cli.command("work")
@click.option("--workers", default=1, show_default=True, help="Jobs run at the same time.")
def work_command(workers):
    """Run queued jobs until stopped (Ctrl-C, or SIGTERM from a service manager)."""
    huey, _tasks = current_app.extensions["queue"]
    click.echo(f"consult worker: {workers} at a time, queue {huey.storage.__class__.__name__}")
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()
