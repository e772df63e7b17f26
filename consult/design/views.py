"""The builder's round screens: a new round, an import, a round's overview, settings and
status, its copy, exports and history. Every screen is a plain form that POSTs; views load,
validate, call one operation and redirect. The screens of a round's pages and questions
(``page_views``), of the library of blocks (``block_views``) and the preview (``preview``)
add their routes to this blueprint."""

import json

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access_codes.queries import invitation_counts, network_codes_of
from ..audit import round_history
from ..downloads import attachment
from ..forms import ButtonForm
from ..questions import KINDS
from ..suppression import rounded
from ..translate.queries import assignments_for
from ..translate.texts import language_status, round_texts
from ..uploads import accepts_files_up_to
from .access import designers_only, load_round
from .conditions import in_words
from .definition import DefinitionError, to_definition
from .forms import CopyForm, ImportForm, NewRoundForm, RoundSettingsForm, StatusForm
from .imports import MAX_IMPORT_BYTES, ImportRefused, import_upload
from .labels import STATUS_NAMES, TRANSITIONS
from .library import all_blocks
from .operations import (
    DesignError,
    change_status,
    copy_round,
    create_round,
    has_responses,
    update_round_settings,
)
from .page_forms import NewQuestionForm

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
    return overview_page(load_round(slug))


def overview_page(round_, new_question=None, adding_to=None):
    """The round's overview; ``new_question`` is a quick add sent back with its errors, on
    the page ``adding_to`` (a section id), shown as it was typed."""
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
        new_question=new_question or NewQuestionForm(formdata=None),
        adding_to=adding_to,
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
        if apply_operation(update_round_settings, round_, form.cleaned()):
            return redirect(url_for(".overview", slug=slug))
    return render_template("design/settings.html", round=round_, form=form)


@bp.route(f"{ROUND}/status", methods=["POST"])
@designers_only
def status(slug):
    round_ = load_round(slug)
    form = StatusForm()
    if form.validate_on_submit() and apply_operation(change_status, round_, form.status.data):
        flash(STATUS_NAMES[round_.status], "status")
    return redirect(url_for(".overview", slug=slug))


@bp.route(f"{ROUND}/copy", methods=["POST"])
@designers_only
def copy(slug):
    round_ = load_round(slug)
    form = CopyForm()
    if form.validate_on_submit():
        try:
            copied = copy_round(round_, form.slug.data or "")
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


def apply_operation(operation, *args):
    """Run a design operation; show its refusal as a message. Returns its result, or None."""
    try:
        return operation(*args) or True
    except (DesignError, DefinitionError) as error:
        flash(str(error), "error")
        return None
