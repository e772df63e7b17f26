"""Long work runs in a worker process, not in the web worker: automatic coding and emergent
themes (themes.jobs). The queue is huey's, stored in SQLite in the instance folder by
default (nothing more to install or run than the worker) or in Redis at scale
(``CONSULT_QUEUE_URL=redis://127.0.0.1:6379/1``). The worker is
``flask --app consult jobs work``; ``make run`` starts one beside the server.

A job's own row says how far it got and beats a heartbeat while it runs; a page that finds a
run whose heartbeat stopped (the worker was killed or recycled) queues it again or marks it
failed with a message (themes.jobs.check), so no page ever shows a dead run as running.
Tests set ``QUEUE_IMMEDIATE``: each job then runs at once, in the request that queued it.
"""

import os

import click
from flask import current_app
from flask.cli import AppGroup
from huey import RedisHuey, SqliteHuey

from .extensions import db

jobs_cli = AppGroup("jobs", help="The worker that runs long jobs.")

#: The functions a worker can run, by name: registered by the modules that define them.
_JOBS = {}


def job(function):
    """Make ``function`` a job the queue can run in a worker, inside the application."""
    _JOBS[function.__name__] = function
    return function


def init_app(app):
    from .themes import jobs as _theme_jobs  # noqa: F401 (registers its jobs)

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
    app.extensions["queue"] = (huey, tasks)


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
    huey.create_consumer(workers=workers, worker_type="thread", periodic=False).run()
