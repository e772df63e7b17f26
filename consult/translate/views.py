"""Translators' pages: their rounds, and a side-by-side editor for one language."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..design.access import designers_only, load_round
from ..design.imports import MAX_IMPORT_BYTES
from ..downloads import attachment
from ..extensions import db
from ..forms import ButtonForm
from ..uploads import accepts_files_up_to
from . import exchange
from .access import load_round_to_translate, translators_and_designers
from .forms import AssignForm, TranslationFileForm, submitted_values, translation_form
from .memory import offered_translations
from .models import TranslatorAssignment
from .operations import (
    TranslationError,
    assign_translator,
    import_translations,
    save_translations,
    unassign_translator,
)
from .queries import assignments_of
from .texts import is_changed, language_status, round_texts

bp = Blueprint("translate", __name__, template_folder="templates")


@bp.route("/staff/translations/")
@translators_and_designers
def mine():
    rows = [
        (round_, language, language_status(round_, language))
        for round_, language in assignments_of(current_user)
    ]
    return render_template("translate/mine.html", rows=rows)


@bp.route("/staff/rounds/<slug>/translate/<language>", methods=["GET", "POST"])
@translators_and_designers
def editor(slug, language):
    round_ = load_round_to_translate(slug, language)
    texts = round_texts(round_)
    offered = offered_translations(round_, language, texts) if request.method == "GET" else {}
    form = translation_form(
        texts, language, request.form if request.method == "POST" else None, offered
    )
    if request.method == "POST" and form.validate():
        try:
            changed = save_translations(round_, language, submitted_values(form))
        except TranslationError as error:
            flash(str(error), "error")
        else:
            flash(_("%(count)d text(s) saved.", count=changed), "status")
            return redirect(url_for(".editor", slug=slug, language=language))
    return render_template(
        "translate/editor.html",
        round=round_,
        language=language,
        form=form,
        status=language_status(round_, language, texts),
        changed={text.key for text in texts if is_changed(round_, text, language)},
        file_form=TranslationFileForm(),
    )


@bp.route("/staff/rounds/<slug>/translate/<language>/texts.<any(po, xlf, xlsx):format_>")
@translators_and_designers
def export_file(slug, language, format_):
    round_ = load_round_to_translate(slug, language)
    return attachment(
        exchange.export(round_, language, format_),
        f"{round_.slug}-{language}.{format_}",
        exchange.FORMATS[format_],
    )


@bp.route("/staff/rounds/<slug>/translate/<language>/import", methods=["POST"])
@accepts_files_up_to(MAX_IMPORT_BYTES)
@translators_and_designers
def import_file(slug, language):
    round_ = load_round_to_translate(slug, language)
    form = TranslationFileForm()
    if not form.validate_on_submit():
        flash(
            " ".join(str(error) for error in form.file.errors) or _("Please choose a file."),
            "error",
        )
        return redirect(url_for(".editor", slug=slug, language=language))
    try:
        entries = exchange.read(form.file.data.filename, form.file.data.read())
        report = import_translations(round_, language, entries)
    except (exchange.ExchangeError, TranslationError) as error:
        flash(_("Nothing was imported: %(reason)s", reason=str(error)), "error")
        return redirect(url_for(".editor", slug=slug, language=language))
    return render_template(
        "translate/imported.html",
        round=round_,
        language=language,
        report=report,
    )


@bp.route("/staff/rounds/<slug>/translators", methods=["POST"])
@designers_only
def assign(slug):
    round_ = load_round(slug)
    form = AssignForm()
    if form.validate_on_submit():
        try:
            assign_translator(round_, form.email.data, form.language.data)
        except TranslationError as error:
            flash(str(error), "error")
    else:
        flash(_("Please write a translator's e-mail and choose a language."), "error")
    return redirect(url_for("design.overview", slug=slug, _anchor="translations"))


@bp.route("/staff/rounds/<slug>/translators/<int:assignment_id>/delete", methods=["POST"])
@designers_only
def unassign(slug, assignment_id):
    round_ = load_round(slug)
    assignment = db.session.get(TranslatorAssignment, assignment_id)
    if (
        assignment is not None
        and assignment.round_id == round_.id
        and ButtonForm().validate_on_submit()
    ):
        unassign_translator(assignment)
    return redirect(url_for("design.overview", slug=slug, _anchor="translations"))
