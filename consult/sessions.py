"""The one cookie: a signed session that, on member pages, ends when the round stops taking
answers (and otherwise when the browser closes), so it outlives nothing it was for."""

from datetime import UTC, datetime

from flask.sessions import SecureCookieSessionInterface


class RoundSessionInterface(SecureCookieSessionInterface):
    def get_expiration_time(self, app, session):
        until = session.get("until")
        if until:
            return datetime.fromisoformat(until).replace(tzinfo=UTC)
        return super().get_expiration_time(app, session)


def expire_with(session, round_):
    """Let the cookie end when ``round_`` closes, or earlier if another round closes first."""
    if round_.closes_at is None:
        return
    closes = round_.closes_at.isoformat()
    session["until"] = min(session.get("until", closes), closes)
