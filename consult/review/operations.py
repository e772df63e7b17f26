"""The one change the review pages make: recording who exported the raw responses."""

from ..audit import record
from ..extensions import db


def record_response_export(round_, format_):
    """Record the export in the audit log, in its own transaction, before the file streams."""
    record("responses.export", round_, format=format_)
    db.session.commit()
