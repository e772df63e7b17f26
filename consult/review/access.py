"""The one check before any results page: a reviewer (or admin), and a round that exists."""

from ..accounts.access import role_required

reviewers_only = role_required("reviewer")
