"""The one check before any design page: a designer (or admin), and a round that exists."""

from flask import abort
from sqlalchemy import select

from ..accounts.access import role_required
from ..extensions import db
from .models import Round

designers_only = role_required("designer")


def load_round(slug):
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        abort(404)
    return round_
