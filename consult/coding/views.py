"""The theme pages of a round: the state of its coding, its long runs, quotes, emergent
themes, theme results and agreement between reviewers. The coding screen's routes
(coding.screen_views) and the brief's (coding.brief_views) join the same blueprint, named
"themes" after the pages' addresses."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import queue
from ..codebooks.queries import all_codebooks, codebook_with_id
from ..forms import ButtonForm
from ..i18n import current_language
from . import agreement as agreement_
from . import jobs, operations, queries
from .access import load_job, load_released_round, load_round, reviewers_only
from .answers import answer_reference, find_answer, readable_groups, written_answer_count
from .forms import BlindCodingForm, CodebookChoiceForm, QuoteForm, ResultsFilter
from .results import GROUPING_KEYS, MOST_THEMES_BY_GROUP, ranked_priorities, theme_results

bp = Blueprint("themes", __name__, template_folder="templates")


@bp.route("/staff/rounds/<slug>/themes", methods=["GET", "POST"])
@reviewers_only
def overview(slug):
    """The round's codebook, the state of its coding, and the way to every theme page."""
    round_ = load_released_round(slug)
    form = CodebookChoiceForm()
    if form.validate_on_submit():
        if form.action.data == "codebook":
            operations.use_codebook(round_, codebook_with_id(form.codebook.data))
            flash(_("The round is now coded against this codebook."), "status")
        elif form.action.data == "autocode" and round_.codebook is not None:
            job = jobs.start_job(round_, "autocode")
            return redirect(url_for("themes.job", slug=slug, job_id=job.id))
        return redirect(url_for("themes.overview", slug=slug))
    return render_template(
        "coding/overview.html",
        round=round_,
        form=form,
        codebooks=all_codebooks(),
        counts=queries.tag_counts(round_.id),
        written=written_answer_count(round_.id),
        autocode_job=jobs.latest_job(round_, "autocode"),
        language=current_language(),
    )


@bp.route("/staff/rounds/<slug>/themes/jobs/<int:job_id>")
@reviewers_only
def job(slug, job_id):
    """How far a long run has got; the page refreshes itself until it is done."""
    round_ = load_round(slug)
    job = load_job(round_, job_id)
    jobs.check_run(job)  # a run whose worker died is queued again or failed, never "running"
    return render_template("coding/job.html", round=round_, job=job, messages=queue.MESSAGES)


@bp.route("/staff/rounds/<slug>/quotes", methods=["GET", "POST"])
@reviewers_only
def quotes(slug):
    """Candidate quotes, scrubbed, to approve (with a translation) or withdraw. A quote from
    a group smaller than the round's minimum cell size cannot be approved."""
    round_ = load_released_round(slug)
    form = QuoteForm()
    quotes = queries.candidate_quotes(round_.id)
    sizes = queries.quote_group_sizes(round_.id, quotes)
    if form.validate_sent():
        quote = next((q for q in quotes if q.id == form.quote.data), None)
        if quote is None:
            abort(404)
        if form.action.data == "withdraw":
            operations.withdraw_quote(round_, quote)
            flash(_("The quote is withdrawn."), "status")
        elif sizes[quote.id] < round_.min_cell_size:
            flash(_("This quote comes from a group too small to quote from."), "error")
        elif form.told:
            flash(form.told[0], "error")
        else:
            text, translation = form.text.data, form.translation.data
            operations.approve_quote(round_, quote, current_user, text, translation)
            flash(_("The quote is approved for the brief."), "status")
        return redirect(url_for("themes.quotes", slug=slug))
    return render_template(
        "coding/quotes.html",
        round=round_,
        form=form,
        quotes=quotes,
        sizes=sizes,
        language=round_.content_language(current_language()),
    )


@bp.route("/staff/rounds/<slug>/themes/emergent", methods=["GET", "POST"])
@reviewers_only
def emergent(slug):
    """Groups of answers no theme covers, per language, each with its top terms and five
    typical answers; one step makes a suggestion a theme of the codebook."""
    round_ = load_released_round(slug)
    form = ButtonForm()
    if form.validate_on_submit() and round_.codebook is not None:
        job = jobs.start_job(round_, "emergent")
        return redirect(url_for("themes.job", slug=slug, job_id=job.id))
    job = jobs.latest_job(round_, "emergent")
    return render_template(
        "coding/emergent.html",
        round=round_,
        form=form,
        job=job,
        suggestions=jobs.readable_suggestions(round_, job),
        language=current_language(),
    )


@bp.post("/staff/rounds/<slug>/themes/emergent/<int:index>")
@reviewers_only
def adopt(slug, index):
    """Make emergent suggestion ``index`` a theme of the round's codebook."""
    round_ = load_round(slug)
    job = jobs.latest_job(round_, "emergent")
    if not ButtonForm().validate_on_submit():
        abort(400)
    if round_.codebook is None or job is None or not job.result:
        abort(404)
    suggestions = job.result["suggestions"]
    if not 0 <= index < len(suggestions):
        abort(404)
    theme = operations.adopt_suggestion(round_, suggestions[index])
    flash(
        _("The theme is added to the codebook: add its keywords in the other languages."),
        "status",
    )
    return redirect(url_for("codebooks.theme", code=round_.codebook.code, theme_code=theme.code))


@bp.route("/staff/rounds/<slug>/themes/results")
@reviewers_only
def results(slug):
    """Respondents per theme, for everyone or by network, region or language; themes that
    go together; and the ranked priorities beside them."""
    round_ = load_released_round(slug)
    language = current_language()
    if round_.codebook is None:
        flash(_("Choose a codebook for this round first."), "error")
        return redirect(url_for("themes.overview", slug=slug))
    by = ResultsFilter(request.args).by.data
    themes = list(queries.themes_of(round_.codebook).values())
    return render_template(
        "coding/results.html",
        round=round_,
        by=by,
        grouping_keys=GROUPING_KEYS,
        results=theme_results(round_, themes, by, round_.content_language(language)),
        priorities=ranked_priorities(round_, round_.content_language(language)),
        counts=queries.tag_counts(round_.id),
        language=language,
        most_themes_by_group=MOST_THEMES_BY_GROUP,
    )


@bp.route("/staff/rounds/<slug>/agreement", methods=["GET", "POST"])
@reviewers_only
def agreement(slug):
    """Double coding: each reviewer codes the same sample of answers blind, one at a time;
    Cohen's kappa per theme shows how far two reviewers agree."""
    round_ = load_released_round(slug)
    if round_.codebook is None:
        flash(_("Choose a codebook for this round first."), "error")
        return redirect(url_for("themes.overview", slug=slug))
    themes = queries.themes_of(round_.codebook)
    readable = readable_groups(round_.id, round_.min_cell_size)
    sample = agreement_.sample(round_.id, readable)
    form = BlindCodingForm()
    if form.validate_on_submit():
        answer = find_answer(round_.id, form.answer.data)
        if answer is None or answer not in sample:
            abort(404)
        operations.code_blind(round_, answer, form.chosen(themes), current_user)
        return redirect(url_for("themes.agreement", slug=slug))
    done = agreement_.coded_by(round_.id, current_user.id)
    to_code = [row for row in sample if (row.response_id, row.question_id, row.item) not in done]
    return render_template(
        "coding/agreement.html",
        round=round_,
        form=form,
        themes=themes,
        sample_size=len(sample),
        coded=len(sample) - len(to_code),
        next_answer=to_code[0] if to_code else None,
        next_reference=answer_reference(to_code[0]) if to_code else None,
        pairs=agreement_.agreement(round_.id, list(themes.values())),
        min_shared=agreement_.MIN_SHARED,
        language=current_language(),
    )
