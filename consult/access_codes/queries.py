"""What the builder shows of a round's access codes."""

from sqlalchemy import Integer, func, select

from ..extensions import db
from .models import InvitationCode, NetworkCode


def network_codes_of(round_):
    return db.session.scalars(
        select(NetworkCode).where(NetworkCode.round_id == round_.id).order_by(NetworkCode.id)
    ).all()


def invitation_counts(round_):
    """(made, used), counted in SQL."""
    made, used = db.session.execute(
        select(func.count(), func.coalesce(func.sum(InvitationCode.used.cast(Integer)), 0)).where(
            InvitationCode.round_id == round_.id
        )
    ).one()
    return made, used
