"""Releases of a round's figures, instead of live figures: everything broken down by group
or answer waits for a release of at least k new responses (docs/ARCHITECTURE.md,
"Invariants").

Read before and after one member submits, live figures would change in exactly that member's
cells. So every figure of the review pages, the theme pages, the brief, the exports and the
members' published results counts the responses of the round's releases only:

- a release is made when a reviewer's page (or ``flask results release``) finds one due:
  at least ``round.release_interval_days`` since the last (a day by default), and at least
  k responses waiting for one;
- while the round is open, a release takes the responses of the days before its own, so
  that no release splits a day; once the round is closed, it takes every response left;
- no sequence of releases lets anyone subtract fewer than k responses: each one adds k or
  more. When fewer than k responses arrive after a round's last release, they are never
  counted in its figures: they stay in the database (and in an admin's protected
  microdata), and the dashboard says how many are waiting, roughly.

A release numbers the responses it takes (and their answers), in one transaction.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..respond.models import Answer, Response
from ..respond.operations import today
from ..suppression import rounded
from .models import Release


def latest_release(round_id):
    return db.session.scalar(
        select(Release).where(Release.round_id == round_id).order_by(Release.number.desc())
    )


def _waiting(round_, day):
    """The condition on responses not yet released that the next release may take."""
    conditions = [Response.round_id == round_.id, Response.release_number.is_(None)]
    if round_.effective_status in ("open", "scheduled", "draft"):
        conditions.append(Response.submitted_on < day)
    return conditions


def release_if_due(round_, day=None):
    """Make the round's next release if one is due; returns the latest release (or None)."""
    day = day or today()
    last = latest_release(round_.id)
    if last is not None and last.made_on + timedelta(days=round_.release_interval_days) > day:
        return last
    waiting = _waiting(round_, day)
    count = db.session.scalar(select(func.count()).where(*waiting))
    if count < round_.min_cell_size:
        return last
    number = (last.number if last else 0) + 1
    final = round_.effective_status in ("closed", "archived")
    count = db.session.execute(
        update(Response)
        .where(*waiting)
        .values(release_number=number)
        .execution_options(synchronize_session=False)
    ).rowcount
    if count < round_.min_cell_size:  # another request released them meanwhile
        db.session.rollback()
        return latest_release(round_.id)
    released = select(Response.id).where(
        Response.round_id == round_.id, Response.release_number == number
    )
    db.session.execute(
        update(Answer)
        .where(Answer.response_id.in_(released))
        .values(release_number=number)
        .execution_options(synchronize_session=False)
    )
    release = Release(round_id=round_.id, number=number, made_on=day, responses=count, final=final)
    db.session.add(release)
    try:
        db.session.commit()
    except IntegrityError:
        # Another request made the same release a moment ago: theirs stands.
        db.session.rollback()
        return latest_release(round_.id)
    return release


@dataclass
class ReleaseStatus:
    """What a page says about the figures it shows."""

    #: The latest release, or None: no figures yet.
    release: object
    #: Responses received, rounded (``suppression.rounded``): live progress that gives nobody's
    #: answers away. None when fewer than k.
    received_about: int | None
    #: Whether responses wait for the next release.
    waiting: bool
    #: The first day the next release can be made.
    next_on: object
    k: int


def release_status(round_):
    k = round_.min_cell_size
    release = latest_release(round_.id)
    received = db.session.scalar(select(func.count()).where(Response.round_id == round_.id))
    waiting = db.session.scalar(
        select(func.count()).where(
            Response.round_id == round_.id, Response.release_number.is_(None)
        )
    )
    next_on = release.made_on + timedelta(days=round_.release_interval_days) if release else None
    return ReleaseStatus(
        release,
        rounded(received, k),
        bool(waiting),
        next_on,
        k,
    )
