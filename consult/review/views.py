from flask import Blueprint, abort, render_template, request

from ..design.access import load_round
from ..i18n import current_language
from . import queries
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


@bp.route("/staff/rounds/<slug>/results/<code>/texts")
@reviewers_only
def texts(slug, code):
    """The written answers to one question, filtered by the language they were written in.
    A group of fewer than k answers is not shown."""
    round_ = load_round(slug)
    question = next((q for q in round_.questions if q.code == code), None)
    if question is None or question.kind not in ("short_text", "long_text"):
        abort(404)
    counts = queries.text_language_counts(question.id)
    language = request.args.get("in")
    language = language if language in counts else None
    size = counts[language] if language else sum(counts.values())
    shown = size >= round_.min_cell_size
    return render_template(
        "review/texts.html",
        round=round_,
        question=question,
        language=language,
        languages=sorted(counts),
        answers=queries.text_answers(question.id, language) if shown else [],
        shown=shown,
        content_language=round_.content_language(current_language()),
    )
