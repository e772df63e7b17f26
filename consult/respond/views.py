"""Member pages: the list of open rounds, then welcome → pages → review → thank you."""

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from ..extensions import db
from ..forms import ButtonForm
from ..i18n import current_language
from .access import load_open_round
from .flow import next_page, previous_page, shown_pages, visible_questions
from .forms import check_other_texts, cleaned_answers, field_name, page_form
from .models import Draft
from .operations import MissingAnswer, save_answers, start_draft, submit_draft
from .queries import open_rounds
from .summary import answer_summary

bp = Blueprint("respond", __name__, template_folder="templates")


@bp.route("/")
def home():
    return render_template("respond/home.html", rounds=open_rounds())


@bp.route("/c/<slug>/")
def welcome(slug):
    round_ = load_open_round(slug)
    return render_template(
        "respond/welcome.html",
        round=round_,
        language=_content_language(round_),
        form=ButtonForm(),
    )


@bp.route("/c/<slug>/start", methods=["POST"])
def start(slug):
    round_ = load_open_round(slug)
    if not ButtonForm().validate_on_submit():
        return redirect(url_for(".welcome", slug=slug))
    if _current_draft(round_) is None:
        draft = start_draft(round_, _content_language(round_))
        session.setdefault("drafts", {})[slug] = draft.token
        session.modified = True
    return redirect(_after(round_, {}, 0))


@bp.route("/c/<slug>/<int:number>", methods=["GET", "POST"])
def page(slug, number):
    round_ = load_open_round(slug)
    draft = _current_draft(round_)
    if draft is None:
        return redirect(url_for(".welcome", slug=slug))
    if not 1 <= number <= len(round_.sections):
        abort(404)
    section = round_.sections[number - 1]
    shown = _shown_questions(round_, section, draft.answers)
    if not shown:  # every question of this page is hidden by a condition
        return redirect(_after(round_, draft.answers, number))
    language = _content_language(round_)
    formdata = request.form if request.method == "POST" else None
    form = page_form(shown, language, round_.source_language, draft.answers, draft.token, formdata)
    if request.method == "POST":
        going_back = request.form.get("move") == "back"
        valid = form.validate() & check_other_texts(form, shown)
        if valid or going_back:
            save_answers(draft, shown, cleaned_answers(form))
            if going_back:
                return redirect(_before(round_, draft.answers, number))
            if set(_shown_questions(round_, section, draft.answers)) - set(shown):
                # An answer on this page revealed a question on it: show the page again.
                return redirect(url_for(".page", slug=slug, number=number))
            return redirect(_after(round_, draft.answers, number))
    pages = shown_pages(round_, draft.answers)
    return render_template(
        "respond/page.html",
        round=round_,
        section=section,
        position=pages.index(number) + 1 if number in pages else number,
        page_count=len(pages),
        form=form,
        language=language,
    )


@bp.route("/c/<slug>/review", methods=["GET", "POST"])
def review(slug):
    round_ = load_open_round(slug)
    token = session.get("drafts", {}).get(slug)
    if request.method == "POST" and token:
        form = ButtonForm()
        if form.validate():
            try:
                submit_draft(token, round_, _content_language(round_))
            except MissingAnswer as missing:
                return redirect(_page_of(round_, missing.question))
            session["drafts"].pop(slug, None)
            session.modified = True
            return redirect(url_for(".thanks", slug=slug))
    draft = _current_draft(round_)
    if draft is None:
        return redirect(url_for(".welcome", slug=slug))
    language = _content_language(round_)
    return render_template(
        "respond/review.html",
        round=round_,
        summary=answer_summary(round_, draft.answers, language),
        language=language,
        form=ButtonForm(),
    )


@bp.route("/c/<slug>/thanks")
def thanks(slug):
    round_ = load_open_round(slug)
    return render_template("respond/thanks.html", round=round_, language=_content_language(round_))


def _content_language(round_):
    return round_.content_language(current_language())


def _current_draft(round_):
    token = session.get("drafts", {}).get(round_.slug)
    draft = db.session.get(Draft, token) if token else None
    return draft if draft is not None and draft.round_id == round_.id else None


def _shown_questions(round_, section, saved):
    visible = visible_questions(round_, saved)
    return [q for q in section.questions if q.id in visible]


def _after(round_, saved, number):
    following = next_page(round_, saved, number)
    if following is None:
        return url_for(".review", slug=round_.slug)
    return url_for(".page", slug=round_.slug, number=following)


def _before(round_, saved, number):
    preceding = previous_page(round_, saved, number)
    if preceding is None:
        return url_for(".welcome", slug=round_.slug)
    return url_for(".page", slug=round_.slug, number=preceding)


def _page_of(round_, question):
    number = next(i for i, s in enumerate(round_.sections, 1) if s.id == question.section_id)
    return url_for(
        ".page", slug=round_.slug, number=number, _anchor=f"{field_name(question)}-question"
    )
