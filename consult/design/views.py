from flask import Blueprint, flash, redirect, render_template, url_for

from ..i18n import current_language
from .access import designers_only, load_round
from .forms import StatusForm
from .labels import KIND_NAMES, STATUS_NAMES, TRANSITIONS
from .operations import DesignError, change_status

bp = Blueprint("design", __name__, template_folder="templates")


@bp.app_context_processor
def design_labels():
    return {"status_names": STATUS_NAMES, "kind_names": KIND_NAMES}


@bp.route("/staff/rounds/<slug>/")
@designers_only
def overview(slug):
    round_ = load_round(slug)
    transitions = [
        (target, label)
        for (source, target), label in TRANSITIONS.items()
        if source == round_.status
    ]
    return render_template(
        "design/round.html",
        round=round_,
        language=round_.content_language(current_language()),
        transitions=transitions,
        form=StatusForm(),
    )


@bp.route("/staff/rounds/<slug>/status", methods=["POST"])
@designers_only
def status(slug):
    round_ = load_round(slug)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            change_status(round_, form.status.data)
        except DesignError as error:
            flash(str(error), "error")
        else:
            flash(STATUS_NAMES[round_.status], "status")
    return redirect(url_for(".overview", slug=slug))
