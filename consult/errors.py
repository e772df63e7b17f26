"""Friendly error pages in the visitor's language: never a traceback."""

from flask import Blueprint, g, render_template
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

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


@bp.app_errorhandler(CSRFError)
def expired_form(error):
    title, message = EXPIRED_FORM
    return render_template("error.html", title=title, message=message), 400


@bp.app_errorhandler(HTTPException)
def http_error(error):
    title, message = MESSAGES.get(error.code, MESSAGES[400])
    return render_template("error.html", title=title, message=message), error.code


@bp.app_errorhandler(500)
def server_error(error):
    title, message = MESSAGES[500]
    return render_template("error.html", title=title, message=message), 500


@bp.app_errorhandler(OperationalError)
@bp.app_errorhandler(InterfaceError)
def database_unavailable(error):
    """The database is down or restarting: a friendly 503, and the next request tries a new
    connection (the pool pings before use), so the app recovers by itself. The page is drawn
    without the staff account, which would need the database to load."""
    db.session.rollback()
    g._login_user = AnonymousUserMixin()
    title, message = DATABASE_UNAVAILABLE
    page = render_template("error.html", title=title, message=message)
    return page, 503, {"Retry-After": "30"}
