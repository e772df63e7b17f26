"""The one check before any results page: a reviewer (or admin), and a round that exists,
its figures released up to today; and before a large export's pages, that it is the admin's
own."""

from flask_login import current_user
from sqlalchemy import select

from ..accounts.access import role_required
from ..design.access import load_round
from ..extensions import db
from .models import ExportJob
from .releases import release_if_due

reviewers_only = role_required("reviewer")


def load_released_round(slug):
    """The round of a page of figures, with its figures released up to today, when a
    release is due (review.releases)."""
    round_ = load_round(slug)
    release_if_due(round_)
    return round_


def load_own_export(slug, export_id):
    """A large export's round and the export itself, which only the admin who asked for it
    may see: anyone else, like a wrong number, finds nothing (404)."""
    round_ = load_released_round(slug)
    export = db.first_or_404(
        select(ExportJob).where(
            ExportJob.id == export_id,
            ExportJob.round_id == round_.id,
            ExportJob.user_id == current_user.id,
        )
    )
    return round_, export
