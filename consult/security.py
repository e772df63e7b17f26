"""Response headers for every page: nothing loads from another host, no framing, no referrer,
nothing kept in the browser's cache."""

from flask import request
from werkzeug.routing import IntegerConverter

from .forms import LARGEST_NUMBER

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


class BoundedInteger(IntegerConverter):
    """``<int:…>`` in an address: a number too large for the database is "not found"."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_NUMBER)
        super().__init__(url_map, *args, **kwargs)


def init_app(app):
    app.url_map.converters["int"] = BoundedInteger

    @app.after_request
    def add_security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.endpoint != "static":
            # Pages hold answers and results: nothing stays in the browser's cache or history.
            headers["Cache-Control"] = "no-store"
        if app.config["SESSION_COOKIE_SECURE"]:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
