"""The theme pages of a round: the state of its coding, quotes, emergent themes, theme
results and the advocacy brief. The coding screen's own routes are in themes.coding_views,
on the same blueprint."""

import json
import re
from datetime import date

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from .. import queue
from ..design.access import load_round
from ..downloads import attachment
from ..extensions import db
from ..forms import ButtonForm, whole_number
from ..i18n import current_language
from ..review.access import reviewers_only
from . import agreement as agreement_
from . import brief as brief_
from . import coding, jobs, queries
from .models import Codebook, Quote
from .releases import load_released_round
from .results import GROUPING_KEYS, MOST_THEMES_BY_GROUP, ranked_priorities, theme_results

bp = Blueprint("themes", __name__, template_folder="templates")

MAX_QUOTE = 5_000


def int_or_none(value):
    try:
        return whole_number(value)
    except (TypeError, ValueError):
        return None


@bp.route("/staff/rounds/<slug>/themes", methods=["GET", "POST"])
@reviewers_only
def overview(slug):
    """The round's codebook, the state of its coding, and the way to every theme page."""
    round_ = load_released_round(slug)
    form = ButtonForm()
    if form.validate_on_submit():
        if request.form.get("action") == "codebook":
            codebook = db.session.get(Codebook, int_or_none(request.form.get("codebook")) or 0)
            coding.use_codebook(round_, codebook)
            flash(_("The round is now coded against this codebook."), "status")
        elif request.form.get("action") == "autocode" and round_.codebook is not None:
            job = jobs.start_job(round_, "autocode")
            return redirect(url_for("themes.job", slug=slug, job_id=job.id))
        return redirect(url_for("themes.overview", slug=slug))
    return render_template(
        "themes/overview.html",
        round=round_,
        form=form,
        codebooks=db.session.scalars(select(Codebook).order_by(Codebook.code)).all(),
        counts=queries.tag_counts(round_.id),
        written=queries.written_answer_count(round_.id),
        autocode_job=jobs.latest_job(round_, "autocode"),
        language=current_language(),
    )


@bp.route("/staff/rounds/<slug>/themes/jobs/<int:job_id>")
@reviewers_only
def job(slug, job_id):
    """How far a long run has got; the page refreshes itself until it is done."""
    round_ = load_round(slug)
    job = db.session.get(jobs.ThemeJob, job_id)
    if job is None or job.round_id != round_.id:
        abort(404)
    jobs.check_run(job)  # a run whose worker died is queued again or failed, never "running"
    return render_template("themes/job.html", round=round_, job=job, messages=queue.MESSAGES)


@bp.route("/staff/rounds/<slug>/quotes", methods=["GET", "POST"])
@reviewers_only
def quotes(slug):
    """Candidate quotes, scrubbed, to approve (with a translation) or withdraw. A quote from
    a group smaller than the round's minimum cell size cannot be approved."""
    round_ = load_released_round(slug)
    form = ButtonForm()
    quotes = db.session.scalars(
        select(Quote).where(Quote.round_id == round_.id).order_by(Quote.language, Quote.id)
    ).all()
    sizes = queries.quote_group_sizes(round_.id, quotes)
    if form.validate_on_submit():
        quote = next((q for q in quotes if q.id == int_or_none(request.form.get("quote"))), None)
        if quote is None:
            abort(404)
        if request.form.get("action") == "withdraw":
            coding.withdraw_quote(round_, quote)
            flash(_("The quote is withdrawn."), "status")
        elif sizes[quote.id] < round_.min_cell_size:
            flash(_("This quote comes from a group too small to quote from."), "error")
        else:
            text = (request.form.get("text") or "").strip()
            translation = (request.form.get("translation") or "").strip()
            if not text or len(text) > MAX_QUOTE or len(translation) > MAX_QUOTE:
                flash(_("A quote needs a text of at most %(n)d characters.", n=MAX_QUOTE), "error")
            else:
                coding.approve_quote(round_, quote, current_user, text, translation)
                flash(_("The quote is approved for the brief."), "status")
        return redirect(url_for("themes.quotes", slug=slug))
    return render_template(
        "themes/quotes.html",
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
    suggestions = []
    if job is not None and job.state == "done" and job.result:
        readable = queries.readable_groups(round_.id, round_.min_cell_size)
        for index, suggestion in enumerate(job.result["suggestions"]):
            examples = [
                queries.find_answer_by_key(round_.id, key) for key in suggestion["examples"]
            ]
            examples = [
                row
                for row in examples
                if row is not None and (row.question_id, row.language) in readable
            ]
            suggestions.append({**suggestion, "index": index, "answers": examples})
    return render_template(
        "themes/emergent.html",
        round=round_,
        form=form,
        job=job,
        suggestions=suggestions,
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
    theme = coding.adopt_suggestion(round_, suggestions[index])
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
    by = request.args.get("by")
    by = by if by in GROUPING_KEYS else None
    themes = list(coding.themes_of(round_.codebook).values())
    return render_template(
        "themes/results.html",
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
    themes = coding.themes_of(round_.codebook)
    readable = queries.readable_groups(round_.id, round_.min_cell_size)
    sample = agreement_.sample(round_.id, readable)
    form = ButtonForm()
    if form.validate_on_submit():
        answer = queries.find_answer(round_.id, request.form.get("answer", ""))
        if answer is None or answer not in sample:
            abort(404)
        chosen = {int_or_none(value) for value in request.form.getlist("theme")} & set(themes)
        coding.code_blind(round_, answer, chosen, current_user)
        return redirect(url_for("themes.agreement", slug=slug))
    done = agreement_.coded_by(round_.id, current_user.id)
    to_code = [row for row in sample if (row.response_id, row.question_id, row.item) not in done]
    return render_template(
        "themes/agreement.html",
        round=round_,
        form=form,
        themes=themes,
        sample_size=len(sample),
        coded=len(sample) - len(to_code),
        next_answer=to_code[0] if to_code else None,
        next_reference=queries.answer_reference(to_code[0]) if to_code else None,
        pairs=agreement_.agreement(round_.id, list(themes.values())),
        min_shared=agreement_.MIN_SHARED,
        language=current_language(),
    )


@bp.route("/staff/rounds/<slug>/brief")
@reviewers_only
def brief(slug):
    """The advocacy brief, printable (the browser saves it as PDF)."""
    round_, brief = _brief(slug)
    return render_template("themes/brief.html", form=ButtonForm(), **_brief_context(round_, brief))


@bp.route("/staff/rounds/<slug>/brief.md")
@reviewers_only
def brief_markdown(slug):
    round_, brief = _brief(slug)
    text = render_template("themes/brief.md", **_brief_context(round_, brief))
    return attachment(text, f"brief-{round_.slug}.md", "text/markdown")


@bp.route("/staff/rounds/<slug>/brief.json")
@reviewers_only
def brief_json(slug):
    round_, brief = _brief(slug)
    return attachment(
        json.dumps(brief_.brief_json(brief), ensure_ascii=False, indent=1),
        f"brief-{round_.slug}.json",
        "application/json",
    )


@bp.route("/staff/rounds/<slug>/brief.docx")
@reviewers_only
def brief_word(slug):
    """The brief as a Word document, for teams that edit their plans in Word."""
    from .brief_docx import brief_docx  # python-docx, loaded only for this download

    round_, brief = _brief(slug)
    context = _brief_context(round_, brief)
    return attachment(
        brief_docx(brief, context["title"], context["today"]),
        f"brief-{round_.slug}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@bp.post("/staff/rounds/<slug>/brief")
@reviewers_only
def brief_choices(slug):
    """Save the strategic direction and advocacy activity the reviewer chose per theme."""
    round_ = load_released_round(slug)
    if round_.codebook is None or not ButtonForm().validate_on_submit():
        abort(400)
    choices = {}
    for theme_id in coding.themes_of(round_.codebook):
        direction = request.form.get(f"direction-{theme_id}") or None
        activity = request.form.get(f"activity-{theme_id}") or None
        if direction is not None and direction not in brief_.DIRECTION_NAMES:
            direction = None
        if activity is not None and activity not in brief_.ACTIVITY_NAMES:
            activity = None
        if f"direction-{theme_id}" in request.form:
            choices[theme_id] = (direction, activity)
    brief_.set_brief_choices(round_, choices)
    flash(_("Saved."), "status")
    return redirect(url_for("themes.brief", slug=slug))


def _brief(slug):
    round_ = load_released_round(slug)
    if round_.codebook is None:
        abort(404)
    themes = list(coding.themes_of(round_.codebook).values())
    return round_, brief_.build_brief(round_, themes, current_language())


def _brief_context(round_, brief):
    return {
        "round": round_,
        "brief": brief,
        "title": round_.text("title", round_.content_language(brief.language)),
        "today": date.today(),
        "direction_names": brief_.DIRECTION_NAMES,
        "activity_names": brief_.ACTIVITY_NAMES,
        "few_line": brief_.few_line(brief),
        "differences_note": brief_.differences_note(brief),
        "difference_sentence": brief_.difference_sentence,
        "plain": brief_.figure_text,
        "plain_share": brief_.share_text,
        "language": brief.language,
    }


#: Marks that change a text anywhere in a line: code, emphasis, links, HTML, table cells.
MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Marks that change a text only at the start of a line: a heading, a list, a quote.
MARKDOWN_LINE_START = re.compile(r"^(?=[#>]|[-+]\s)")
MARKDOWN_ORDERED = re.compile(r"^(\d+)(?=[.)]\s)")


@bp.app_template_filter("markdown_text")
def markdown_text(value):
    """A text that Markdown shows as it is, its lines joined: only the marks Markdown would
    read there are escaped, so "drop-in (public link)" stays as written when the file is
    pasted into a word processor."""
    text = MARKDOWN_INLINE.sub(r"\\\1", " ".join(str(value or "").split()))
    return MARKDOWN_ORDERED.sub(r"\1\\", MARKDOWN_LINE_START.sub("\\\\", text))
