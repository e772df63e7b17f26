"""The one check before any codebook page: a reviewer (or admin), and the codebook and theme
named in the address, which must belong together (else 404)."""

from flask import abort
from sqlalchemy import select

from ..accounts.access import role_required
from ..extensions import db
from .models import Codebook

reviewers_only = role_required("reviewer")


def load_codebook(code):
    return db.first_or_404(select(Codebook).where(Codebook.code == code))


def load_theme(code, theme_code):
    """(codebook, theme) of the theme ``theme_code`` of the codebook ``code``."""
    codebook = load_codebook(code)
    theme = next((t for t in codebook.themes if t.code == theme_code), None)
    if theme is None:
        abort(404)
    return codebook, theme
