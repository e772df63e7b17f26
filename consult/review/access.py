"""The one check before any results page: a reviewer (or admin), and a round that exists,
its figures released up to today."""

from ..accounts.access import role_required
from ..design.access import load_round
from .releases import release_if_due

reviewers_only = role_required("reviewer")


def load_released_round(slug):
    """The round of a page of figures, with its figures released up to today, when a
    release is due (review.releases)."""
    round_ = load_round(slug)
    release_if_due(round_)
    return round_
