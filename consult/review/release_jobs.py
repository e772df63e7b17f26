"""Releases of figures are made by the worker (consult.queue), every few minutes, for every
round with responses waiting: a reviewer's page then finds the release already made, and
its request does not number every answer of the responses released. A page
still makes a due release itself when no worker runs (``release_if_due``), so figures never
wait for one."""

from sqlalchemy import select

from ..design.models import Round
from ..extensions import db
from ..queue import every
from ..respond.models import Response
from .releases import latest_release, release_if_due

#: Minutes between the worker's looks for due releases.
RELEASE_EVERY = 10


@every(RELEASE_EVERY)
def release_due_rounds():
    """Make each due release; returns how many were made."""
    waiting = select(Response.round_id).where(Response.release_number.is_(None)).distinct()
    made = 0
    for round_ in db.session.scalars(select(Round).where(Round.id.in_(waiting))).all():
        before = latest_release(round_.id)
        after = release_if_due(round_)
        made += after is not None and (before is None or after.number != before.number)
    return made
