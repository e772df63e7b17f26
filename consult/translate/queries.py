"""What the translation pages read."""

from sqlalchemy import select

from ..design.models import Round
from ..extensions import db
from .models import TranslatorAssignment


def assignments_of(user):
    """[(round, language)] a translator is assigned, newest round first."""
    rows = db.session.execute(
        select(Round, TranslatorAssignment.language)
        .join(TranslatorAssignment, TranslatorAssignment.round_id == Round.id)
        .where(TranslatorAssignment.user_id == user.id)
        .order_by(Round.created_at.desc(), TranslatorAssignment.language)
    )
    return rows.all()


def assignments_for(round_):
    return db.session.scalars(
        select(TranslatorAssignment)
        .where(TranslatorAssignment.round_id == round_.id)
        .order_by(TranslatorAssignment.language, TranslatorAssignment.id)
    ).all()


def is_assigned(user, round_, language):
    return (
        db.session.scalar(
            select(TranslatorAssignment.id).where(
                TranslatorAssignment.user_id == user.id,
                TranslatorAssignment.round_id == round_.id,
                TranslatorAssignment.language == language,
            )
        )
        is not None
    )
