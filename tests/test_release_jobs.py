"""Releases of figures are made by the worker, every ten minutes, for every round with
responses waiting (review.release_jobs): a reviewer's page then finds the release made."""

from datetime import datetime, timedelta

from sqlalchemy import func, select

from consult.design.models import Round
from consult.extensions import db
from consult.respond.models import Answer, Response
from consult.review.releases import latest_release


def waiting(round_id):
    return db.session.scalar(
        select(func.count()).where(Response.round_id == round_id, Response.release_number.is_(None))
    )


def run_as_the_worker(app):
    """The periodic job, run now as the worker's scheduler would run it (QUEUE_IMMEDIATE)."""
    _huey, tasks = app.extensions["queue"]
    tasks["release_due_rounds"]()


def test_the_worker_looks_for_due_releases_every_ten_minutes(app):
    huey, _tasks = app.extensions["queue"]
    (periodic,) = [t for t in huey._registry.periodic_tasks if t.name == "release_due_rounds"]
    assert periodic.validate_datetime(datetime(2026, 12, 5, 3, 10))
    assert not periodic.validate_datetime(datetime(2026, 12, 5, 3, 11))


def test_the_worker_makes_each_due_release_once_and_none_below_k(app, demo_round):
    from consult.demo.operations import add_synthetic_responses

    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        add_synthetic_responses(round_, 40)
        round_id, k = round_.id, round_.min_cell_size
        assert latest_release(round_id) is None and waiting(round_id) == 40

    run_as_the_worker(app)
    with app.app_context():
        release = latest_release(round_id)
        assert (release.number, release.responses) == (1, 40) and waiting(round_id) == 0
        unnumbered = select(func.count()).where(Answer.release_number.is_(None))
        assert db.session.scalar(unnumbered) == 0
    run_as_the_worker(app)  # nothing waits: no second release
    with app.app_context():
        assert latest_release(round_id).number == 1

    with app.app_context():
        round_ = db.session.get(Round, round_id)
        add_synthetic_responses(round_, k - 1, seed=7)
        # The last release made two days ago: one is due again, but for fewer than k.
        latest_release(round_id).made_on -= timedelta(days=2)
        db.session.commit()
    run_as_the_worker(app)
    with app.app_context():
        assert latest_release(round_id).number == 1 and waiting(round_id) == k - 1
