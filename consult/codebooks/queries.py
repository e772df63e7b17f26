"""Reading codebooks: every codebook, and how many themes each holds, counted in SQL."""

from sqlalchemy import func, select

from ..extensions import db
from .models import Codebook, Theme


def all_codebooks():
    """Every codebook, by code."""
    return db.session.scalars(select(Codebook).order_by(Codebook.code)).all()


def find_codebook(code):
    """The codebook ``code``, or None."""
    return db.session.scalar(select(Codebook).where(Codebook.code == code))


def theme_counts():
    """{codebook id: how many themes it holds}."""
    return dict(
        db.session.execute(
            select(Theme.codebook_id, func.count(Theme.id)).group_by(Theme.codebook_id)
        ).all()
    )


def codebook_with_id(codebook_id):
    """The codebook ``codebook_id``, or None (for None too)."""
    return db.session.get(Codebook, codebook_id) if codebook_id is not None else None
