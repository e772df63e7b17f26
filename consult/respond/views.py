"""Member pages: the list of open rounds, then welcome → pages → review → thank you."""

from datetime import UTC, datetime, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _

from ..access_codes.operations import claim_invitation, network_for_code
from ..extensions import db
from ..forms import ButtonForm, HoneypotForm
from ..i18n import current_language, native_name, preferred_language, text_direction
from ..ratelimit import MEMBER_POSTS, PAGE_POSTS, RESUME_TRIES, limiter, not_a_save
from ..sessions import expire_with
from .access import load_open_round
from .flow import next_page, previous_page, shown_pages, visible_questions
from .forms import (
    AccessCodeForm,
    ResumeForm,
    check_other_texts,
    cleaned_answers,
    field_name,
    page_form,
)
from .models import Draft
from .operations import (
    MissingAnswer,
    draft_for_code,
    forget_drafts,
    give_resume_code,
    is_live,
    save_answers,
    start_draft,
    submit_draft,
)
from .queries import open_rounds
from .summary import answer_summary

bp = Blueprint("respond", __name__, template_folder="templates")


@bp.app_context_processor
def member_page_context():
    """Member pages get the quick exit; a discreet round hides its name and ours; a member
    whose language the round is not in is told so, in their language, on every page."""
    member_round = g.get("member_round")
    return {
        "member_page": request.blueprint == "respond" and not g.get("neutral"),
        "discreet": g.get("neutral", False)
        or bool(member_round is not None and member_round.discreet),
        "unavailable_note": _unavailable_note(member_round),
    }


def _unavailable_note(round_):
    """(language, text) of the note for a member whose language the round is not in."""
    if round_ is None:  # staff pages and the home page: nothing to say, nothing to work out
        return None
    wanted = preferred_language()
    if wanted in round_.languages:
        return None
    with force_locale(wanted):
        text = _(
            "This consultation is not available in your language yet. It is shown in %(language)s.",
            language=native_name(round_.content_language(wanted)),
        )
    return wanted, text_direction(wanted), text


@bp.before_request
def neutral_after_quick_exit():
    """After a quick exit, every member address shows the neutral page for a while, so that
    Back or the history opens nothing of the round (exit below)."""
    away_until = session.get("away_until")
    if away_until is None or request.endpoint == "respond.leave":
        return None
    if datetime.now(UTC) >= datetime.fromisoformat(away_until):
        session.pop("away_until")
        return None
    g.neutral = True
    return render_template("respond/neutral.html")


@bp.route("/exit")
def leave():
    """Quick exit: forget this browser's drafts (one with a resume code stays behind its
    code), end the member's session, and leave for a neutral site. A plain link, so it
    works without JavaScript; quick-exit.js also takes this page out of the history.

    A link on another site cannot make a member's browser throw its drafts away: a request
    the browser marks as coming from elsewhere only leaves (the quick exit is a GET, so
    the CSRF token cannot guard it)."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return redirect(current_app.config["QUICK_EXIT_URL"])
    forget_drafts(list(session.get("drafts", {}).values()))
    language = session.get("lang")
    session.clear()
    if language:  # the neutral page in a language the member reads; it names nothing
        session["lang"] = language
    hold = timedelta(hours=current_app.config["QUICK_EXIT_HOURS"])
    session["away_until"] = (datetime.now(UTC) + hold).isoformat()
    return redirect(current_app.config["QUICK_EXIT_URL"])


@bp.route("/")
def home():
    return render_template("respond/home.html", rounds=open_rounds())


@bp.route("/c/<address>/")
def welcome(address):
    round_ = load_open_round(address)
    form = (
        ButtonForm()
        if round_.access_mode == "public"
        else AccessCodeForm(data={"code": request.args.get("code", "")})
    )
    return _welcome(round_, form)


@bp.route("/c/<address>/start", methods=["POST"])
@limiter.limit(MEMBER_POSTS)
def start(address):
    round_ = load_open_round(address)
    if _current_draft(round_) is not None:
        return redirect(_after(round_, _current_draft(round_).answers, 0))
    if round_.access_mode == "public":
        if not ButtonForm().validate_on_submit():
            return redirect(url_for(".welcome", address=address))
        network_id = None
    else:
        form = AccessCodeForm()
        if not form.validate_on_submit():
            return _welcome(round_, form), 400
        network_id = None
        if round_.access_mode == "network":
            network_id = network_for_code(round_, form.code.data)
            admitted = network_id is not None
        else:
            admitted = claim_invitation(round_, form.code.data)
        if not admitted:
            form.code.errors.append(
                _("This code is not valid for this consultation, or it has already been used.")
            )
            return _welcome(round_, form), 400
    draft = start_draft(round_, _content_language(round_), network_id)
    session.setdefault("drafts", {})[_draft_key(round_)] = draft.token
    expire_with(session, round_)
    session.modified = True
    return redirect(_after(round_, {}, 0))


def _welcome(round_, form):
    return render_template(
        "respond/welcome.html",
        round=round_,
        language=_content_language(round_),
        form=form,
    )


@bp.route("/c/<address>/<int:number>", methods=["GET", "POST"])
@limiter.limit(PAGE_POSTS, methods=["POST"])
@limiter.limit(MEMBER_POSTS, methods=["POST"], exempt_when=not_a_save, scope="save")
def page(address, number):
    round_ = load_open_round(address)
    draft = _current_draft(round_)
    if draft is None:
        return redirect(url_for(".welcome", address=address))
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
        move = request.form.get("move")
        valid = form.validate() & check_other_texts(form, shown)
        if valid or move in ("back", "save"):
            save_answers(draft, shown, cleaned_answers(form), language)
            if move == "save":
                session["resume_code"] = give_resume_code(draft)
                return redirect(url_for(".saved", address=address))
            if move == "back":
                return redirect(_before(round_, draft.answers, number))
            revealed = set(_shown_questions(round_, section, draft.answers)) - set(shown)
            if revealed:
                # An answer on this page revealed a question on it: show the page again and
                # say so there (the notice below).
                session["revealed"] = sorted(q.id for q in revealed)
                return redirect(url_for(".page", address=address, number=number))
            return redirect(_after(round_, draft.answers, number))
    pages = shown_pages(round_, draft.answers)
    revealed_ids = set(session.pop("revealed", [])) if request.method == "GET" else set()
    return render_template(
        "respond/page.html",
        round=round_,
        section=section,
        position=pages.index(number) + 1 if number in pages else number,
        page_count=len(pages),
        form=form,
        revealed=[(q, field) for q, field, _other in form.questions if q.id in revealed_ids],
        language=language,
    )


@bp.route("/c/<address>/saved")
def saved(address):
    """The resume code, shown once."""
    round_ = load_open_round(address)
    code = session.pop("resume_code", None)
    if code is None:
        return redirect(url_for(".welcome", address=address))
    return render_template(
        "respond/saved.html", round=round_, code=code, language=_content_language(round_)
    )


@bp.route("/c/<address>/resume", methods=["GET", "POST"])
@limiter.limit(RESUME_TRIES, methods=["POST"])
def resume(address):
    round_ = load_open_round(address)
    form = ResumeForm()
    if form.validate_on_submit():
        draft = draft_for_code(round_, form.code.data)
        if draft is not None:
            session.setdefault("drafts", {})[_draft_key(round_)] = draft.token
            session.modified = True
            return redirect(_after(round_, draft.answers, 0))
        form.code.errors.append(
            _("This code does not open a saved questionnaire. Please check it and try again.")
        )
    return render_template(
        "respond/resume.html", round=round_, form=form, language=_content_language(round_)
    )


@bp.route("/c/<address>/review", methods=["GET", "POST"])
@limiter.limit(MEMBER_POSTS, methods=["POST"])
def review(address):
    round_ = load_open_round(address)
    token = session.get("drafts", {}).get(_draft_key(round_))
    if request.method == "POST" and token:
        form = HoneypotForm()
        if form.validate() and form.filled_by_a_robot:
            return redirect(url_for(".thanks", address=address))  # a robot learns nothing
        if form.validate():
            try:
                submit_draft(token, round_, _content_language(round_))
            except MissingAnswer as missing:
                return redirect(_page_of(round_, missing.question))
            session["drafts"].pop(_draft_key(round_), None)
            session.modified = True
            return redirect(url_for(".thanks", address=address))
    draft = _current_draft(round_)
    if draft is None:
        return redirect(url_for(".welcome", address=address))
    language = _content_language(round_)
    return render_template(
        "respond/review.html",
        round=round_,
        summary=answer_summary(round_, draft.answers, language),
        language=language,
        form=HoneypotForm(),
    )


@bp.route("/c/<address>/thanks")
def thanks(address):
    round_ = load_open_round(address)
    return render_template("respond/thanks.html", round=round_, language=_content_language(round_))


def _content_language(round_):
    return round_.content_language(current_language())


def _current_draft(round_):
    token = session.get("drafts", {}).get(_draft_key(round_))
    draft = db.session.get(Draft, token) if token else None
    if draft is None or draft.round_id != round_.id or not is_live(draft):
        return None
    return draft


def _draft_key(round_):
    """The session cookie is signed, not encrypted: it keys drafts by the round's number,
    which names nothing, rather than by its address."""
    return str(round_.id)


def _shown_questions(round_, section, saved):
    visible = visible_questions(round_, saved)
    return [q for q in section.questions if q.id in visible]


def _after(round_, saved, number):
    following = next_page(round_, saved, number)
    if following is None:
        return url_for(".review", address=round_.address)
    return url_for(".page", address=round_.address, number=following)


def _before(round_, saved, number):
    preceding = previous_page(round_, saved, number)
    if preceding is None:
        return url_for(".welcome", address=round_.address)
    return url_for(".page", address=round_.address, number=preceding)


def _page_of(round_, question):
    number = next(i for i, s in enumerate(round_.sections, 1) if s.id == question.section_id)
    return url_for(
        ".page", address=round_.address, number=number, _anchor=f"{field_name(question)}-question"
    )
