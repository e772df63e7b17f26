"""The time as the staff-account code sees it: one function, so tests can move it."""

from datetime import UTC, datetime


def now():
    return datetime.now(UTC)


def timestamp():
    """Whole seconds since the epoch, as kept in the session."""
    return int(now().timestamp())
