"""The retention page: an admin deletes a closed round's responses for good."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..accounts.access import role_required
from ..design.access import load_round
from ..suppression import protect_total
from . import retention
from .forms import DeleteResponsesForm

bp = Blueprint("maintenance", __name__, template_folder="templates")


@bp.route("/staff/rounds/<slug>/delete-responses", methods=["GET", "POST"])
@role_required("admin")
def delete_responses(slug):
    """What deleting the round's responses removes; the admin confirms with its address."""
    round_ = load_round(slug)
    form = DeleteResponsesForm()
    problem = None
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)  # only the CSRF token can be wrong
        if form.confirmation.data != round_.slug:
            form.confirmation.errors.append(
                _("This is not the round's address: nothing was deleted.")
            )
        else:
            try:
                retention.delete_responses(round_)
            except retention.RetentionRefused:
                problem = _("Nothing was deleted: the round must be closed first.")
            else:
                flash(
                    _("The round's responses and everything about them are deleted for good."),
                    "status",
                )
                return redirect(url_for(".delete_responses", slug=slug))
    counts = retention.holdings(round_)
    k = round_.min_cell_size
    figures = [
        (_("Responses"), counts.responses),
        (_("Answers (every value)"), counts.answers),
        (_("Written answers"), counts.written_answers),
        (_("Unfinished questionnaires (drafts)"), counts.drafts),
        (_("Theme tags on the answers"), counts.tags),
        (_("Reviewers' memos on the answers"), counts.memos),
        (_("Quotes taken from the answers"), counts.quotes),
        (_("Blind double codings of the answers"), counts.double_codings),
    ]
    return render_template(
        "maintenance/delete_responses.html",
        round=round_,
        form=form,
        problem=problem,
        deletable=retention.can_delete_responses(round_),
        figures=[(label, protect_total(count, k)) for label, count in figures],
    )
