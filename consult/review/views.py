from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from .. import queue
from ..accounts.access import role_required
from ..accounts.models import ROLES
from ..cellkey import ptable
from ..coding.results import headline_findings
from ..design.access import designers_only, load_round
from ..downloads import attachment
from ..i18n import current_language, text_direction
from ..questions import kind_of
from ..respond.questionnaire import round_with_questionnaire
from ..suppression import ALL
from . import export_jobs, exports, page_charts, queries
from .access import load_own_export, load_released_round, reviewers_only
from .comparison import compare_rounds, rounds_sharing_questions
from .dashboard import round_dashboard
from .figures import responses_figure
from .forms import MicrodataForm, PublishForm, reach_form
from .groupings import available_groupings, grouping_by_key
from .microdata import protected_microdata
from .operations import record_response_export, set_publication, set_reach_targets
from .releases import release_if_due, release_status
from .response_records import codebook_rows
from .results import question_results

bp = Blueprint("review", __name__, template_folder="templates")


@bp.app_context_processor
def figures_helpers():
    """What every page of figures says about its release (templates/_figures.html)."""
    return {"release_status": release_status}


@bp.route("/staff/figures")
@role_required(*ROLES)
def about_figures():
    """Why figures are adjusted and released, in plain words, for every staff member."""
    return render_template("review/about_figures.html", max_noise=ptable()[0])


def _filter(round_, language):
    """(grouping, column) named by ``?only=<grouping key>:<value>``, or (None, ALL)."""
    key, _sep, token = request.args.get("only", "").rpartition(":")
    grouping = grouping_by_key(round_, key, language)
    column = grouping.value_for(token) if grouping else None
    if column is None:
        return None, ALL
    return grouping, column


def _context(round_, language, grouping, column):
    return {
        "round": round_,
        "language": language,
        "groupings": available_groupings(round_, language),
        "grouping": grouping,
        "column": column,
        "only": f"{grouping.key}:{column}" if grouping and column is not ALL else "",
        "question_chart": lambda result: page_charts.question_chart(
            result, text_direction(language)
        ),
        "has_written_answers": has_written_answers,
    }


@bp.route("/staff/rounds/<slug>/results")
@reviewers_only
def results(slug):
    """Every question's results, for everyone or for one group (a filter)."""
    round_ = load_released_round(slug)
    language = round_.content_language(current_language())
    grouping, column = _filter(round_, language)
    results, figures = question_results(round_, language, grouping=grouping, column=column)
    responses = responses_figure(figures, column)
    return render_template(
        "review/results.html",
        responses=responses,
        too_few=not responses.shown or responses.value < round_.min_cell_size,
        questions=results,
        **_context(round_, language, grouping, column),
    )


@bp.route("/staff/rounds/<slug>/dashboard")
@reviewers_only
def dashboard(slug):
    """Who has answered so far: per week, network, region and language, how far they got,
    and the time the round has left."""
    round_ = load_released_round(slug)
    language = round_.content_language(current_language())
    board = round_dashboard(round_, language)
    return render_template(
        "review/dashboard.html",
        round=round_,
        language=language,
        board=board,
        chart=page_charts.weeks_chart(board, language),
        networks_chart=page_charts.networks_chart(board, language),
    )


@bp.route("/staff/rounds/<slug>/compare")
@reviewers_only
def compare(slug):
    """This round beside an earlier one (``?with=<slug>``), question by question."""
    round_ = load_released_round(slug)
    language = round_.content_language(current_language())
    candidates = rounds_sharing_questions(round_)
    other = next((r for r in candidates if r.slug == request.args.get("with")), None)
    if other is not None:
        release_if_due(other)
    return render_template(
        "review/compare.html",
        round=round_,
        language=language,
        candidates=candidates,
        other=other,
        questions=compare_rounds(round_, other, language) if other else [],
        comparison_chart=page_charts.comparison_chart,
        direction=text_direction(language),
    )


@bp.route("/staff/rounds/<slug>/results/<code>")
@reviewers_only
def question(slug, code):
    """One question: its results for everyone or one group, or broken down by a grouping
    (``?by=``) into a table with a column per group."""
    round_ = load_released_round(slug)
    language = round_.content_language(current_language())
    question = next((q for q in round_.questions if q.code == code and kind_of(q).answered), None)
    if question is None:
        abort(404)
    breakdown = grouping_by_key(round_, request.args.get("by"), language)
    grouping, column = (breakdown, ALL) if breakdown else _filter(round_, language)
    (result,), figures = question_results(round_, language, [question], grouping, column)
    responses = responses_figure(figures, column)
    direction = text_direction(language)
    return render_template(
        "review/question.html",
        result=result,
        breakdown=breakdown,
        breakdown_chart=breakdown and page_charts.breakdown_chart(result, breakdown, direction),
        responses=responses,
        too_few=not responses.shown or responses.value < round_.min_cell_size,
        **_context(round_, language, grouping, column),
    )


def has_written_answers(question):
    """Text questions, and choice questions with an "other, please specify"."""
    return kind_of(question).written or any(c.role == "other" for c in question.choices)


@bp.route("/staff/rounds/<slug>/results/<code>/texts")
@reviewers_only
def texts(slug, code):
    """The written answers to one question, filtered by the language they were written in.
    A group of fewer than k answers is not shown."""
    round_ = load_released_round(slug)
    question = next((q for q in round_.questions if q.code == code), None)
    if question is None or not has_written_answers(question):
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


MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@bp.route("/staff/rounds/<slug>/results.<format_>")
@reviewers_only
def export_results(slug, format_):
    """The aggregated figures, suppression applied, broken down by ``?by=`` if given."""
    round_ = load_released_round(slug)
    if format_ not in MIMETYPES:
        abort(404)
    language = round_.content_language(current_language())
    grouping = grouping_by_key(round_, request.args.get("by"), language)
    rows = exports.aggregate_rows(round_, language, grouping)
    name = f"{round_.slug}-results" + (f"-by-{grouping.key.replace(':', '-')}" if grouping else "")
    return _download(rows, None, format_, name, _("Results"))


@bp.route("/staff/rounds/<slug>/microdata")
@role_required("admin")
def microdata_form(slug):
    """The page that offers protected microdata: what it holds, and the purpose to give."""
    round_ = load_released_round(slug)
    language = round_.content_language(current_language())
    return render_template(
        "review/microdata.html",
        round=round_,
        language=language,
        form=MicrodataForm(language=language),
    )


@bp.route("/staff/rounds/<slug>/responses.<format_>", methods=["POST"])
@role_required("admin")
def export_responses(slug, format_):
    """Protected microdata (``microdata``), one row per response kept, with the codebook;
    recorded in the audit log with the purpose the admin gave. Without a purpose, the form
    again."""
    round_ = load_released_round(slug)
    if format_ not in MIMETYPES:
        abort(404)
    form = MicrodataForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        language = round_.content_language(current_language())
        page = render_template("review/microdata.html", round=round_, language=language, form=form)
        return page, 400
    language = form.language.data
    language = language if language in round_.languages else round_.source_language
    if export_jobs.built_by_the_worker(round_):
        export = export_jobs.queue_export(round_, format_, language, form.purpose.data)
        return redirect(url_for(".export_job", slug=slug, export_id=export.id))
    data = protected_microdata(round_)
    record_response_export(round_, format_, form.purpose.data, len(data.rows))
    return _download(
        data.file_rows(),
        codebook_rows(round_, language, data),
        format_,
        f"{round_.slug}-responses",
        _("Responses"),
    )


def _download(rows, codebook, format_, name, title):
    # The codebook of a CSV export is the XLSX's second sheet, or the command line's
    # --codebook file: one CSV holds one table.
    handle = exports.export_file(rows, codebook, format_, title, _("Codebook"))
    return attachment(exports.file_chunks(handle), f"{name}.{format_}", MIMETYPES[format_])


@bp.route("/staff/rounds/<slug>/exports/<int:export_id>")
@role_required("admin")
def export_job(slug, export_id):
    """How far the worker has got with a large export; then the link to the file."""
    round_, export = load_own_export(slug, export_id)
    return render_template(
        "review/export_job.html",
        round=round_,
        export=export_jobs.check_export(export),
        messages=queue.MESSAGES,
        kept_hours=int(export_jobs.EXPORT_KEPT.total_seconds() // 3600),
        language=current_language(),
    )


@bp.route("/staff/rounds/<slug>/exports/<int:export_id>/file")
@role_required("admin")
def export_job_file(slug, export_id):
    round_, export = load_own_export(slug, export_id)
    if export_jobs.check_export(export).state != "done" or export.content is None:
        abort(404)
    name = f"{round_.slug}-responses.{export.format}"
    return attachment(export.content, name, MIMETYPES[export.format])


@bp.route("/staff/rounds/<slug>/reach", methods=["GET", "POST"])
@designers_only
def reach(slug):
    """The secretariat's targets: how many responses the round should get from each group."""
    round_ = load_round(slug)
    language = round_.content_language(current_language())
    groupings = available_groupings(round_, language)
    form = reach_form(groupings, queries.reach_targets(round_.id))
    if form.validate_on_submit():
        set_reach_targets(round_, form.targets())
        flash(_("The targets are saved."), "status")
        return redirect(url_for(".dashboard", slug=slug))
    problems = form.problems()
    return render_template(
        "review/reach.html",
        round=round_,
        language=language,
        groupings=groupings,
        problems=problems,
        form=form,
    ), (400 if problems else 200)


@bp.route("/staff/rounds/<slug>/publish", methods=["GET", "POST"])
@designers_only
def publish(slug):
    """Which results members may see once the round closes ("you said, we did")."""
    round_ = load_round(slug)
    language = round_.content_language(current_language())
    form = PublishForm()
    if form.validate_on_submit():
        set_publication(round_, form.publish.data, form.code.data, findings=form.findings.data)
        flash(_("The publication settings are saved."), "status")
        return redirect(url_for(".publish", slug=slug))
    questions = [q for q in round_.questions if kind_of(q).answered]
    return render_template(
        "review/publish.html", round=round_, language=language, questions=questions, form=form
    )


@bp.route("/c/<address>/results")
def public_results(address):
    """The results the secretariat published, for members, after the round closed, at the
    round's member address (its key if discreet, so that this page names nothing either)."""
    member_round = round_with_questionnaire(address)
    if member_round is None:
        abort(404)
    round_ = load_round(member_round.slug)
    g.member_round = round_
    if not round_.publish_results or round_.effective_status not in ("closed", "archived"):
        abort(404)
    release_if_due(round_)
    language = round_.content_language(current_language())
    questions = [q for q in round_.questions if q.code in round_.published_questions]
    if not questions:
        abort(404)
    results, figures = question_results(round_, language, questions)
    # "You said": the brief's findings, on the published questions only.
    findings = [
        finding
        for finding in (headline_findings(round_, language) if round_.publish_findings else [])
        if finding.question.code in round_.published_questions
    ]
    return render_template(
        "review/public.html",
        round=round_,
        language=language,
        responses=responses_figure(figures),
        findings=findings,
        questions=results,
        question_chart=lambda result: page_charts.member_chart(result, text_direction(language)),
    )
