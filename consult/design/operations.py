"""Changes to a round's design, one transaction each."""

from flask_babel import gettext as _

from ..extensions import db
from .labels import STATUS_NAMES, TRANSITIONS


class DesignError(ValueError):
    """A change that cannot be made; the message, in the staff member's language, says why."""


def change_status(round_, target):
    """Move a round along draft → open → closed → archived (a closed round may reopen)."""
    if (round_.status, target) not in TRANSITIONS:
        raise DesignError(
            _(
                "A round cannot go from %(old)s to %(new)s.",
                old=STATUS_NAMES[round_.status],
                new=STATUS_NAMES.get(target, target),
            )
        )
    if target == "open" and not round_.questions:
        raise DesignError(_("A round needs at least one question before it opens."))
    round_.status = target
    db.session.commit()
