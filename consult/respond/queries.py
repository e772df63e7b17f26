"""What the member pages read."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..design.models import Question, Round, Section
from ..extensions import db


def open_rounds():
    return db.session.scalars(
        select(Round).where(Round.accepting_answers).order_by(Round.created_at.desc())
    ).all()


def round_with_questionnaire(slug):
    """The round with its sections, questions and choices loaded in a few queries."""
    return db.session.scalar(
        select(Round)
        .where(Round.slug == slug)
        .options(
            selectinload(Round.sections)
            .selectinload(Section.questions)
            .selectinload(Question.choices)
        )
    )
