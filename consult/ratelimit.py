"""Rate limits on what members post, without tracking them (the anonymity invariant,
docs/ARCHITECTURE.md).

Counters live in memory, or in Redis when ``RATELIMIT_STORAGE_URI`` says so; never in the
database. They are keyed not by the client's address but by an HMAC of it under a random
secret that is made anew every day and never written down (in Redis it is shared by the app
processes and expires with the day), so the counters hold no address and yesterday's keys
cannot be turned back into addresses by anyone, us included.
"""

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from flask import current_app, request
from flask_limiter import Limiter

#: Starting and submitting a questionnaire, and trying resume codes, per round.
MEMBER_POSTS = "30 per hour"
RESUME_TRIES = "10 per hour"
#: Pages posted (next, back, save): a member of a long round, going back and forth, stays
#: far below; a script filling the database with drafts does not.
PAGE_POSTS = "300 per hour"
_SECRET_SECONDS = 26 * 3600


class DailySecret:
    def __init__(self):
        self._day, self._secret = None, None

    def current(self):
        day = datetime.now(UTC).date().isoformat()
        if day != self._day:
            self._day, self._secret = day, self._shared(day) or secrets.token_bytes(32)
        return self._secret

    def _shared(self, day):
        """With Redis, every process must hash alike: the first one to need today's secret
        makes it, the others read it; it expires on its own."""
        uri = current_app.config.get("RATELIMIT_STORAGE_URI", "")
        if not uri.startswith("redis"):
            return None
        import redis

        client = redis.Redis.from_url(uri)
        key = f"consult:ratelimit-secret:{day}"
        client.set(key, secrets.token_bytes(32), nx=True, ex=_SECRET_SECONDS)
        return client.get(key)


_daily_secret = DailySecret()


def anonymous_client_key():
    """Who is posting, as far as the limits need to know: a keyed hash of the address, never
    the address. The round's address is part of the key, so limits are per round."""
    address = (request.remote_addr or "").encode()
    digest = hmac.new(_daily_secret.current(), address, hashlib.sha256).hexdigest()[:32]
    return f"{request.view_args.get('slug', '') if request.view_args else ''}:{digest}"


def _keyed_hash(value):
    return hmac.new(_daily_secret.current(), value.encode(), hashlib.sha256).hexdigest()[:32]


def not_a_save():
    """Exempts every page post but "Save and finish later", which makes a resume code each
    time and so counts like a start (MEMBER_POSTS)."""
    return request.form.get("move") != "save"


def staff_account_key(email):
    """One staff account's login tries: a keyed hash of the normalised e-mail, never the
    e-mail. An address with no account gets a counter too, so a limit says nothing about
    which accounts exist."""
    return f"staff-account:{_keyed_hash(email.strip().lower())}"


def login_account_key():
    """The account named in the login form."""
    return staff_account_key(request.form.get("email", ""))


def staff_client_key():
    """One client's staff logins, across every account it tries."""
    return f"staff-client:{_keyed_hash(request.remote_addr or '')}"


limiter = Limiter(key_func=anonymous_client_key, default_limits=[], headers_enabled=False)
