"""Names of statuses and question kinds as staff read them, in their language."""

from flask_babel import lazy_gettext as _l

STATUS_NAMES = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "closed": _l("Closed"),
    "archived": _l("Archived"),
    #: Open, but its opening time has not come yet.
    "scheduled": _l("Scheduled"),
}

KIND_NAMES = {
    "single_choice": _l("Single choice"),
    "multiple_choice": _l("Multiple choice"),
    "scale": _l("Agreement scale"),
    "rating": _l("Rating from 0 to 10"),
    "ranking": _l("Ranking"),
    "matrix": _l("Matrix (rows on one scale)"),
    "number": _l("Number"),
    "yes_no": _l("Yes or no"),
    "short_text": _l("Short text"),
    "long_text": _l("Long text"),
    "info": _l("Information (no answer)"),
}

#: The buttons that move a round on: (from status, to status) → label.
TRANSITIONS = {
    ("draft", "open"): _l("Open for answers"),
    ("open", "closed"): _l("Close"),
    ("closed", "open"): _l("Reopen"),
    ("closed", "archived"): _l("Archive"),
}
