"""Exports of protected microdata too large to build inside a request (100,000 responses
take over a minute to write as XLSX, past any app server's timeout): the worker builds the
same file (review.microdata, review.exports), the admin's page waits for it, and the file is
kept in the database (so that web processes and the worker need share no disk) for its
admin alone, EXPORT_KEPT, then deleted."""

from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import update

from ..audit import record
from ..design.models import Round
from ..extensions import db
from ..i18n import current_language
from ..queue import check, enqueue, job, now, running
from .exports import export_file
from .microdata import protected_microdata
from .models import ExportJob
from .queries import response_count
from .response_records import codebook_rows

#: How long a built file waits for its admin.
EXPORT_KEPT = timedelta(hours=24)


def built_by_the_worker(round_):
    """Whether an export of ``round_`` (its released responses) is too large to build in
    the request."""
    return response_count(round_.id) >= current_app.config["EXPORT_JOB_FROM"]


def queue_export(round_, format_, language, purpose):
    """Queue the export for the admin asking; in the audit log now, with their purpose."""
    export = ExportJob(
        round_id=round_.id,
        user_id=current_user.id,
        format=format_,
        language=language,
        interface_language=current_language(),
    )
    db.session.add(export)
    db.session.flush()
    record("responses.export", round_, format=format_, purpose=purpose, job=export.id)
    db.session.commit()
    enqueue("build_export", export.id)
    return export


def purge_old_exports():
    """Delete the files written more than EXPORT_KEPT ago; returns how many. Run by the
    export pages, after each export the worker builds, and daily by
    `flask responses purge-exports` (docs/DEPLOY.md), so none outlives its day."""
    purged = db.session.execute(
        update(ExportJob)
        .where(ExportJob.finished_at < now() - EXPORT_KEPT, ExportJob.content.is_not(None))
        .values(content=None)
        .execution_options(synchronize_session=False)
    )
    db.session.expire_all()
    db.session.commit()
    return purged.rowcount


def check_export(export):
    """The export as it really is (queue.check), old files deleted."""
    purge_old_exports()
    return check(export, "build_export")


@job
def build_export(export_id):
    """The worker's part: the file the request would have streamed."""
    with running(ExportJob, export_id) as export:
        if export is None:
            return
        round_ = db.session.get(Round, export.round_id)
        with force_locale(export.interface_language):
            data = protected_microdata(round_)
            codebook = codebook_rows(round_, export.language, data)
            with export_file(
                data.file_rows(), codebook, export.format, _("Responses"), _("Codebook")
            ) as handle:
                content = handle.read()
        export.content, export.rows = content, len(data.rows)
        db.session.commit()
    purge_old_exports()
