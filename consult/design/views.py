"""The builder: every screen a plain form that POSTs; views load, validate, call one
operation and redirect."""

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.validators import ValidationError

from ..access_codes.queries import invitation_counts, network_codes_of
from ..audit import round_history
from ..downloads import attachment
from ..extensions import db
from ..forms import ButtonForm, whole_number
from ..i18n import current_language, pick
from ..questions import KINDS
from ..suppression import rounded
from ..translate.queries import assignments_for
from ..translate.texts import language_status, round_texts
from ..uploads import accepts_files_up_to
from . import pointing
from .access import designers_only, load_question, load_round, load_section
from .conditions import in_words
from .definition import DefinitionError, to_definition
from .forms import (
    ImportForm,
    MoveForm,
    NewQuestionForm,
    NewRoundForm,
    QuestionForm,
    RoundSettingsForm,
    SectionForm,
    StatusForm,
)
from .imports import MAX_IMPORT_BYTES, ImportRefused, import_upload
from .labels import STATUS_NAMES, TRANSITIONS
from .library import QuestionBlock, all_blocks
from .operations import (
    QUESTION_SETTINGS,
    DesignError,
    add_question,
    add_section,
    change_status,
    copy_round,
    create_round,
    delete_block,
    delete_question,
    delete_section,
    duplicate_question,
    duplicate_section,
    has_responses,
    insert_block,
    move_question,
    move_section,
    save_block,
    update_question,
    update_round_settings,
    update_section,
)

bp = Blueprint("design", __name__, template_folder="templates")
ROUND = "/staff/rounds/<slug>"


@bp.app_context_processor
def design_labels():
    return {
        "status_names": STATUS_NAMES,
        "kind_names": {name: kind.label for name, kind in KINDS.items()},
    }


@bp.route("/staff/rounds/new", methods=["GET", "POST"])
@designers_only
def new_round():
    form = NewRoundForm()
    if form.validate_on_submit():
        try:
            round_ = create_round(form.title.data, form.slug.data, form.cleaned()["languages"])
        except DesignError as error:
            form.slug.errors.append(str(error))
        else:
            return redirect(url_for(".overview", slug=round_.slug))
    return render_template("design/new_round.html", form=form)


@bp.route("/staff/rounds/import", methods=["GET", "POST"])
@accepts_files_up_to(MAX_IMPORT_BYTES)
@designers_only
def import_file():
    form = ImportForm()
    problems, report = [], []
    if form.validate_on_submit():
        try:
            round_, report = import_upload(
                form.file.data.filename, form.file.data.read(), form.slug.data or None
            )
        except ImportRefused as refused:
            problems = refused.problems
        else:
            return render_template("design/imported.html", round=round_, report=report)
    return render_template("design/import.html", form=form, problems=problems)


@bp.route(f"{ROUND}/")
@designers_only
def overview(slug):
    round_ = load_round(slug)
    transitions = [
        (target, label)
        for (source, target), label in TRANSITIONS.items()
        if source
        == ("draft" if round_.effective_status == "scheduled" else round_.effective_status)
    ]
    return render_template(
        "design/round.html",
        round=round_,
        language=round_.source_language,
        transitions=transitions,
        answered=has_responses(round_),
        form=StatusForm(),
        button=ButtonForm(),
        new_question=NewQuestionForm(),
        blocks=all_blocks(),
        translations=_translation_overview(round_),
        network_codes=network_codes_of(round_),
        invitations=_invitation_figures(round_),
        assignments=assignments_for(round_),
        # The page shows the questionnaire's own texts: conditions name them the same way.
        condition_in_words=lambda condition: in_words(condition, round_, round_.source_language),
    )


def _invitation_figures(round_):
    """(codes made, codes used rounded to 10 or None under k): the used count moves with
    each member who starts, so a designer watching it live must not see it move by one."""
    made, used = invitation_counts(round_)
    return made, rounded(used, round_.min_cell_size)


def _translation_overview(round_):
    """[(language, Status)] for each language to translate the round into."""
    texts = round_texts(round_)
    return [
        (language, language_status(round_, language, texts))
        for language in round_.languages
        if language != round_.source_language
    ]


@bp.route(f"{ROUND}/settings", methods=["GET", "POST"])
@designers_only
def settings(slug):
    round_ = load_round(slug)
    source = round_.source_language
    form = RoundSettingsForm(
        data=None
        if request.method == "POST"
        else {
            "title": round_.title.get(source, ""),
            "introduction": round_.introduction.get(source, ""),
            "thank_you": round_.thank_you.get(source, ""),
            "languages": ", ".join(round_.languages),
            "min_cell_size": round_.min_cell_size,
            "release_interval_days": round_.release_interval_days,
            "discreet": round_.discreet,
            "neutral_label": round_.neutral_label,
            "access_mode": round_.access_mode,
            "opens_at": round_.opens_at,
            "closes_at": round_.closes_at,
        }
    )
    if current_user.role != "admin":
        # The smallest group shown protects members: only an admin changes it; a designer
        # sees it read-only, and whatever a tampered form sends is replaced.
        form.min_cell_size.data = round_.min_cell_size
        form.min_cell_size.render_kw = {"readonly": True}
        form.min_cell_size.description = _(
            "Set by an admin. Counts below this number are never shown."
        )
        form.release_interval_days.data = round_.release_interval_days
        form.release_interval_days.render_kw = {"readonly": True}
        form.release_interval_days.description = _(
            "Set by an admin. Reviewers' figures are updated at most this often."
        )
    if form.validate_on_submit():
        if _apply(update_round_settings, round_, form.cleaned()):
            return redirect(url_for(".overview", slug=slug))
    return render_template("design/settings.html", round=round_, form=form)


@bp.route(f"{ROUND}/status", methods=["POST"])
@designers_only
def status(slug):
    round_ = load_round(slug)
    form = StatusForm()
    if form.validate_on_submit() and _apply(change_status, round_, form.status.data):
        flash(STATUS_NAMES[round_.status], "status")
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/copy", methods=["POST"])
@designers_only
def copy(slug):
    round_ = load_round(slug)
    new_slug = (request.form.get("slug") or "").strip()
    if ButtonForm().validate_on_submit():
        try:
            copied = copy_round(round_, new_slug)
        except (DesignError, DefinitionError) as error:
            flash(str(error), "error")
        else:
            return redirect(url_for(".overview", slug=copied.slug))
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/export.json")
@designers_only
def export_json(slug):
    round_ = load_round(slug)
    body = json.dumps(to_definition(round_), ensure_ascii=False, indent=2)
    return attachment(body, f"{round_.slug}.json", "application/json")


@bp.route(f"{ROUND}/export.xlsx")
@designers_only
def export_xlsform(slug):
    from .xlsform import write_xlsform

    round_ = load_round(slug)
    return attachment(
        # Beside each XPath condition, the same in the designer's words.
        write_xlsform(
            to_definition(round_),
            lambda condition: in_words(condition, round_, round_.source_language).striptags(),
        ),
        f"{round_.slug}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@bp.route(f"{ROUND}/history")
@designers_only
def history(slug):
    round_ = load_round(slug)
    return render_template("design/history.html", round=round_, events=round_history(round_.id))


# --- the library of question blocks ---------------------------------------------------------


@bp.route("/staff/blocks/")
@designers_only
def blocks():
    return render_template("design/blocks.html", blocks=all_blocks(), button=ButtonForm())


@bp.route("/staff/blocks/<int:block_id>/delete", methods=["POST"])
@designers_only
def delete_block_view(block_id):
    block = db.session.get(QuestionBlock, block_id) or abort(404)
    if ButtonForm().validate_on_submit():
        delete_block(block)
    return redirect(url_for(".blocks"))


@bp.route(f"{ROUND}/blocks", methods=["POST"])
@designers_only
def insert_block_view(slug):
    round_ = load_round(slug)
    block_id = request.form.get("block", type=whole_number)
    block = db.session.get(QuestionBlock, block_id) if block_id else None
    if block is None:
        abort(404)
    if ButtonForm().validate_on_submit():
        _apply(insert_block, round_, block)
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/sections/<int:section_id>/save-block", methods=["POST"])
@designers_only
def save_block_view(slug, section_id):
    section = load_section(slug, section_id)
    name = (request.form.get("name") or "").strip()[:200]
    if ButtonForm().validate_on_submit() and name:
        save_block(section, name)
        flash(_("The page was saved in the library as “%(name)s”.", name=name), "status")
    return redirect(url_for(".overview", slug=slug))


# --- pages (sections) -----------------------------------------------------------------------


@bp.route(f"{ROUND}/sections", methods=["POST"])
@designers_only
def new_section(slug):
    round_ = load_round(slug)
    if ButtonForm().validate_on_submit():
        _apply(add_section, round_, _("New page"))
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/sections/<int:section_id>", methods=["GET", "POST"])
@designers_only
def edit_section(slug, section_id):
    section = load_section(slug, section_id)
    source = section.round.source_language
    form = SectionForm(
        data=None
        if request.method == "POST"
        else {
            "title": section.title.get(source, ""),
            "introduction": section.introduction.get(source, ""),
            "condition": json.dumps(section.condition) if section.condition else "",
            "pointing": pointing.pointing_data(section.condition),
        }
    )
    pointing.offer(form.pointing, pointing.questions_before(section), current_language())
    data = _cleaned_with_condition(form)
    if data is not None and _apply(update_section, section, data):
        return redirect(url_for(".overview", slug=slug, _anchor=f"section-{section.id}"))
    return render_template(
        "design/section.html",
        round=section.round,
        section=section,
        form=form,
        pointable=pointing.pointing_data(section.condition) is not None,
    )


@bp.route(
    f"{ROUND}/sections/<int:section_id>/<any(move, duplicate, delete):action>", methods=["POST"]
)
@designers_only
def section_action(slug, section_id, action):
    section = load_section(slug, section_id)
    _rearrange(section, action, move_section, duplicate_section, delete_section)
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/sections/<int:section_id>/questions", methods=["POST"])
@designers_only
def new_question(slug, section_id):
    """Add a question: typed with its text, it is done and the overview shows it; otherwise
    its form opens."""
    section = load_section(slug, section_id)
    form = NewQuestionForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(error) for error in errors), "error")
        return redirect(url_for(".overview", slug=slug, _anchor=f"section-{section.id}"))
    data = form.cleaned()
    question = _apply(
        add_question, section, data["kind"], data["text"] or "", data["choices"], data["required"]
    )
    if not question:
        return redirect(url_for(".overview", slug=slug))
    if data["text"]:
        flash(_("The question was added."), "status")
        return redirect(url_for(".overview", slug=slug, _anchor=f"question-{question.id}"))
    return redirect(url_for(".edit_question", slug=slug, question_id=question.id))


# --- questions ------------------------------------------------------------------------------


@bp.route(f"{ROUND}/questions/<int:question_id>", methods=["GET", "POST"])
@designers_only
def edit_question(slug, question_id):
    question = load_question(slug, question_id)
    round_ = question.section.round
    form = QuestionForm(
        data=None if request.method == "POST" else _question_data(question, round_.source_language)
    )
    pointable = pointing.pointing_data(question.condition) is not None
    pointing.offer(form.pointing, pointing.earlier_questions(question), current_language())
    data = _cleaned_with_condition(form)
    if data is not None and _apply(update_question, question, data):
        return redirect(url_for(".overview", slug=slug, _anchor=f"question-{question.id}"))
    return render_template(
        "design/question.html", round=round_, question=question, form=form, pointable=pointable
    )


@bp.route(
    f"{ROUND}/questions/<int:question_id>/<any(move, duplicate, delete):action>", methods=["POST"]
)
@designers_only
def question_action(slug, question_id, action):
    question = load_question(slug, question_id)
    _rearrange(question, action, move_question, duplicate_question, delete_question)
    return redirect(url_for(".overview", slug=slug))


def _rearrange(item, action, move, duplicate, delete):
    """The move/duplicate/delete buttons of a page or a question."""
    if action == "move":
        form = MoveForm()
        if form.validate_on_submit():
            _apply(move, item, form.direction.data)
    elif ButtonForm().validate_on_submit():
        _apply(duplicate if action == "duplicate" else delete, item)


def _cleaned_with_condition(form):
    """A valid form's data, its condition the one the designer pointed at or wrote in JSON
    (design.pointing); None when there is nothing to save: a GET, an error, or "Show the
    answers of the chosen questions", which sends the form back as typed."""
    if request.form.get("action") == "answers" or not form.validate_on_submit():
        return None
    data = form.cleaned()
    try:
        data["condition"] = pointing.chosen_condition(
            form.pointing, form.condition.data, data["condition"]
        )
    except ValidationError as error:
        form.pointing_error = str(error)
        return None
    return data


def _apply(operation, *args):
    """Run a design operation; show its refusal as a message. Returns its result, or None."""
    try:
        return operation(*args) or True
    except (DesignError, DefinitionError) as error:
        flash(str(error), "error")
        return None


def _question_data(question, language):
    def lines(choices):
        return "\n".join(f"{c.code} = {pick(c.label, language, language)}" for c in choices)

    options = [c for c in question.choices if c.role == "option"]
    special = {
        c.role: pick(c.label, language, language)
        for c in question.choices
        if c.role in ("other", "prefer_not")
    }
    return {
        "code": question.code,
        "kind": question.kind,
        "text": question.text.get(language, ""),
        "help": question.help.get(language, ""),
        "choices": lines(options),
        "rows": lines([c for c in question.choices if c.role == "row"]),
        "hidden_choices": ", ".join(c.code for c in question.choices if c.hidden),
        "other": special.get("other", ""),
        "prefer_not": special.get("prefer_not", ""),
        **{name: getattr(question, name) for name in QUESTION_SETTINGS if name != "condition"},
        "condition": json.dumps(question.condition) if question.condition else "",
        "pointing": pointing.pointing_data(question.condition),
    }
