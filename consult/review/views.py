from flask import Blueprint, render_template

from ..design.access import load_round
from ..i18n import current_language
from .access import reviewers_only
from .results import round_results

bp = Blueprint("review", __name__, template_folder="templates")


@bp.route("/staff/rounds/<slug>/results")
@reviewers_only
def results(slug):
    round_ = load_round(slug)
    language = round_.content_language(current_language())
    responses, questions = round_results(round_, language)
    return render_template(
        "review/results.html",
        round=round_,
        language=language,
        responses=responses,
        questions=questions,
    )
