"""The rounds a staff member sees on their home page, with response counts from SQL."""

from sqlalchemy import func, select

from ..design.models import Round
from ..extensions import db
from ..respond.models import Response


def rounds_with_response_counts():
    """[(round, number of responses)], newest round first, counted in one query."""
    counts = (
        select(Response.round_id, func.count().label("responses"))
        .group_by(Response.round_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Round, func.coalesce(counts.c.responses, 0))
        .outerjoin(counts, counts.c.round_id == Round.id)
        .order_by(Round.created_at.desc(), Round.id.desc())
    )
    return rows.all()
