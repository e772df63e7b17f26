"""The builder's screens of a round's pages and their questions (on the design blueprint):
add, edit, move, duplicate and delete each; conditions written in JSON or by pointing."""

import json

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms.validators import ValidationError

from ..forms import ButtonForm
from ..i18n import current_language, pick
from . import pointing
from .access import designers_only, load_question, load_round, load_section
from .page_forms import MoveForm, NewQuestionForm, QuestionForm, SectionForm
from .page_operations import (
    QUESTION_SETTINGS,
    add_question,
    add_section,
    delete_question,
    delete_section,
    duplicate_question,
    duplicate_section,
    move_question,
    move_section,
    update_question,
    update_section,
)
from .views import ROUND, apply_operation, bp, overview_page

# --- pages (sections) -----------------------------------------------------------------------


@bp.route(f"{ROUND}/sections", methods=["POST"])
@designers_only
def new_section(slug):
    round_ = load_round(slug)
    if ButtonForm().validate_on_submit():
        apply_operation(add_section, round_, _("New page"))
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
    if data is not None and apply_operation(update_section, section, data):
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
        # The overview again, the page's add form as typed with what is wrong beside it.
        return overview_page(section.round, form, section.id), 400
    data = form.cleaned()
    question = apply_operation(
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
    if data is not None and apply_operation(update_question, question, data):
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
            apply_operation(move, item, form.direction.data)
    elif ButtonForm().validate_on_submit():
        apply_operation(duplicate if action == "duplicate" else delete, item)


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
