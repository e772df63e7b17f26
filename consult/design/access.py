"""The one check before any design page: a designer (or admin), and the round, page or
question named in the address, which must belong together (else 404)."""

from flask import abort
from sqlalchemy import select

from ..accounts.access import role_required
from ..extensions import db
from .models import Question, Round, Section

designers_only = role_required("designer")


def load_round(slug):
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        abort(404)
    return round_


def load_section(slug, section_id):
    round_ = load_round(slug)
    section = db.session.get(Section, section_id)
    if section is None or section.round_id != round_.id:
        abort(404)
    return section


def load_question(slug, question_id):
    round_ = load_round(slug)
    question = db.session.get(Question, question_id)
    if question is None or question.section.round_id != round_.id:
        abort(404)
    return question
