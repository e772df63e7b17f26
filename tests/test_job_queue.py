"""Long runs on the job queue: a real worker (`flask --app consult jobs work`,
a process of its own on huey's SQLite queue) is killed in the middle of automatic coding;
the job page shows the run queued again within a minute, never "running", and a new worker
finishes it. A run whose worker dies twice is failed with a message."""

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from consult import create_app, queue
from consult.accounts.operations import create_user
from consult.codebooks.operations import seed_starter_codebook
from consult.coding import jobs
from consult.coding.models import Tag, ThemeJob
from consult.coding.operations import use_codebook
from consult.demo.operations import add_synthetic_responses, create_demo_round
from consult.extensions import db
from consult.networks.operations import ensure_member_networks

from .conftest import csrf_token, make_test_config

#: Enough answers for automatic coding to take a second or two, time to kill its worker.
RESPONSES = 10_000
#: A heartbeat this old is a dead run, here (20 s in production, 3 heartbeats over 2 s).
STALE_SECONDS = 8


@pytest.fixture
def queued_app(tmp_path):
    """An app on a file database whose jobs go to huey's SQLite queue in the instance
    folder, for a worker process to run; the demo round with RESPONSES responses."""
    uri = f"sqlite:///{tmp_path / 'consult.sqlite'}"
    app = create_app(
        make_test_config(uri, {}, QUEUE_IMMEDIATE=False, QUEUE_STALE_SECONDS=STALE_SECONDS)
    )
    with app.app_context():
        db.create_all()
        ensure_member_networks()
        round_ = create_demo_round()
        add_synthetic_responses(round_, RESPONSES, released=True)
        use_codebook(round_, seed_starter_codebook())
        create_user("lead@example.org", "a long enough password", "reviewer")
    yield app, uri
    with app.app_context():
        db.engine.dispose()


def start_worker(uri):
    """``flask --app consult jobs work``, as make run starts it, on the same database and
    instance folder (so the same queue)."""
    environment = {
        **os.environ,
        "DATABASE_URL": uri,
        "CONSULT_ENV": "development",
        "CONSULT_SECRET_KEY": "a-key-for-tests-only-" + "x" * 20,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "consult", "jobs", "work"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def job_now(app, job_id):
    with app.app_context():
        job = jobs.check_run(db.session.get(ThemeJob, job_id))
        return job.state, job.done, job.message


def wait_until(predicate, seconds, every=0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not within {seconds} s")


def test_a_run_whose_worker_is_killed_is_queued_again_and_finished_by_the_next(queued_app):
    app, uri = queued_app
    client = app.test_client()
    client.post(
        "/staff/login",
        data={
            "email": "lead@example.org",
            "password": "a long enough password",
            "csrf_token": csrf_token(client.get("/staff/login").text),
        },
    )
    page = client.get("/staff/rounds/priorities-2027/themes").text
    response = client.post(
        "/staff/rounds/priorities-2027/themes",
        data={"action": "autocode", "csrf_token": csrf_token(page, required=False)},
    )
    job_url = response.headers["Location"]
    job_id = int(job_url.rsplit("/", 1)[1])
    assert "Waiting for the worker to start the run." in client.get(job_url).text

    worker = start_worker(uri)
    try:
        # Killed (SIGKILL: no goodbye) once it has read some answers and not all.
        wait_until(lambda: (s := job_now(app, job_id))[0] == "running" and s[1] > 0, 60)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed = time.monotonic()
        assert job_now(app, job_id)[0] == "running"  # its heartbeat is not stale yet
        wait_until(lambda: job_now(app, job_id)[0] != "running", 60, every=1)
        assert time.monotonic() - killed < 60
        assert job_now(app, job_id)[0] == "queued"
        html = client.get(job_url).text
        assert "The worker stopped during the run; it has been queued to start again." in html
        assert 'http-equiv="refresh"' in html
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(Tag)) == 0  # nothing half
        worker = start_worker(uri)
        wait_until(lambda: job_now(app, job_id)[0] == "done", 120, every=0.5)
    finally:
        worker.kill()
        worker.wait()
    with app.app_context():
        job = db.session.get(ThemeJob, job_id)
        assert job.attempts == 2 and job.done == job.total > 0
        assert db.session.scalar(select(func.count()).select_from(Tag)) > 0
    assert "answers read." in client.get(job_url).text


def test_a_run_whose_worker_died_twice_is_failed_with_a_message(app, client, auth, demo_round):
    from consult.design.models import Round

    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        stale = datetime.now(UTC) - queue.STALE_AFTER - timedelta(seconds=1)
        job = ThemeJob(
            round_id=round_.id,
            kind="autocode",
            state="running",
            attempts=queue.MAX_ATTEMPTS,
            heartbeat_at=stale,
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{demo_round}/themes/jobs/{job_id}").text
    assert "The worker stopped twice during the run, which changed nothing." in html
    assert 'http-equiv="refresh"' not in html
    with app.app_context():
        assert db.session.get(ThemeJob, job_id).state == "failed"
