"""Friendly error pages in the visitor's language: never a traceback."""

from flask import Blueprint, g, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from .design.imports import MAX_IMPORT_BYTES
from .extensions import db

bp = Blueprint("errors", __name__)

MESSAGES = {
    400: (_l("Something was wrong with that request"), _l("Please go back and try again.")),
    403: (_l("Not allowed"), _l("Your account does not give access to this page.")),
    404: (_l("Page not found"), _l("Please check the address. It may have a typing mistake.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    410: (
        _l("This consultation has closed"),
        _l("It no longer takes answers. Thank you for your interest."),
    ),
    413: (_l("Too much to send at once"), _l("Please shorten your answers and try again.")),
    429: (
        _l("Too many tries from this connection"),
        _l("Please wait an hour and try again. Your saved answers are kept."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l("Nothing was saved from this last step. Please try again in a moment."),
    ),
}
DATABASE_UNAVAILABLE = (
    _l("Briefly unavailable"),
    _l(
        "Nothing was saved from this last step. Please try again in a few minutes: "
        "your saved answers are kept."
    ),
)
EXPIRED_FORM = (
    _l("This page has expired"),
    _l("Please go back, reload the page and try again. Your saved answers are kept."),
)
IMPORT_LIMIT = f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB"
# Staff pages hold no saved answers and are throttled on sign-in, not per connection.
STAFF_MESSAGES = {
    413: (
        _l("Too much to send at once"),
        _l(
            "A file to import may have up to %(size)s. Please send a smaller file, or split it "
            "into parts.",
            size=IMPORT_LIMIT,
        ),
    ),
    429: (
        _l("Too many attempts"),
        _l(
            "To protect the account, this is paused for a while. Please wait a few minutes "
            "and try again; if it keeps happening, ask an administrator."
        ),
    ),
    "expired": (
        _l("This page has expired"),
        _l("Please go back, reload the page and try again. Nothing was changed."),
    ),
    "database": (
        _l("Briefly unavailable"),
        _l("Nothing was saved from this last step. Please try again in a few minutes."),
    ),
}


def _message(key, member_message):
    """The members' wording on member pages, the staff wording on staff pages."""
    if _on_staff_page() and key in STAFF_MESSAGES:
        return STAFF_MESSAGES[key]
    return member_message


def _page(title_and_message, status, headers=None):
    title, message = title_and_message
    page = render_template("error.html", title=title, message=message, staff=_on_staff_page())
    return page, status, headers or {}


def _on_staff_page():
    """Every staff page is under /staff/ (tests/test_permissions.py lists them)."""
    return request.path.startswith("/staff/")


@bp.app_errorhandler(CSRFError)
def expired_form(error):
    return _page(_message("expired", EXPIRED_FORM), 400)


@bp.app_errorhandler(HTTPException)
def http_error(error):
    return _page(_message(error.code, MESSAGES.get(error.code, MESSAGES[400])), error.code)


@bp.app_errorhandler(500)
def server_error(error):
    return _page(MESSAGES[500], 500)


@bp.app_errorhandler(OperationalError)
@bp.app_errorhandler(InterfaceError)
def database_unavailable(error):
    """The database is down or restarting: a friendly 503, and the next request tries a new
    connection (the pool pings before use), so the app recovers by itself. The page is drawn
    without the staff account, which would need the database to load."""
    db.session.rollback()
    g._login_user = AnonymousUserMixin()
    return _page(_message("database", DATABASE_UNAVAILABLE), 503, {"Retry-After": "30"})
