"""What the member pages read."""

from sqlalchemy import select

from ..design.models import Round
from ..extensions import db


def open_rounds():
    return db.session.scalars(
        select(Round).where(Round.accepting_answers).order_by(Round.created_at.desc())
    ).all()
