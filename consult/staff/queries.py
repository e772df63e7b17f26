"""The rounds a staff member sees on their home page, with response counts from SQL."""

from sqlalchemy import func, select

from ..cellkey import tally
from ..design.models import Round
from ..extensions import db
from ..respond.models import Response


def rounds_with_response_counts(released_only):
    """[(round, its responses as a cellkey.Tally)], newest round first, counted in one query:
    every response, or the released ones only (review.releases)."""
    query = select(
        Response.round_id,
        func.count().label("responses"),
        func.sum(Response.record_key).label("record_keys"),
    )
    if released_only:
        query = query.where(Response.release_number.is_not(None))
    counts = query.group_by(Response.round_id).subquery()
    rows = db.session.execute(
        select(Round, counts.c.responses, counts.c.record_keys)
        .outerjoin(counts, counts.c.round_id == Round.id)
        .order_by(Round.created_at.desc(), Round.id.desc())
    )
    return [(round_, tally(responses, keys)) for round_, responses, keys in rows]
