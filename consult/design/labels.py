"""Names of statuses as staff read them, in their language (a question kind's is its
``label``, consult.questions)."""

from flask_babel import lazy_gettext as _l

STATUS_NAMES = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "closed": _l("Closed"),
    "archived": _l("Archived"),
    #: Open, but its opening time has not come yet.
    "scheduled": _l("Scheduled"),
}

#: The buttons that move a round on: (from status, to status) → label.
TRANSITIONS = {
    ("draft", "open"): _l("Open for answers"),
    ("open", "closed"): _l("Close"),
    ("closed", "open"): _l("Reopen"),
    ("closed", "archived"): _l("Archive"),
}
