"""The one check before any design page: a designer (or admin), and the round, page or
question named in the address, which must belong together (else 404)."""

from sqlalchemy import select

from ..accounts.access import role_required
from ..extensions import db
from .models import Question, Round, Section

designers_only = role_required("designer")


def load_round(slug):
    return db.first_or_404(select(Round).where(Round.slug == slug))


def load_section(slug, section_id):
    round_ = load_round(slug)
    return db.first_or_404(
        select(Section).where(Section.id == section_id, Section.round_id == round_.id)
    )


def load_question(slug, question_id):
    round_ = load_round(slug)
    return db.first_or_404(
        select(Question)
        .join(Section, Section.id == Question.section_id)
        .where(Question.id == question_id, Section.round_id == round_.id)
    )
