"""The codebook pages: the codebooks, one codebook's themes, and one theme's texts and keywords
in every language; codebooks go out and come back as JSON, CSV or XLSX."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..design.imports import MAX_IMPORT_BYTES
from ..downloads import attachment
from ..forms import ButtonForm
from ..i18n import current_language, text_direction
from ..uploads import accepts_files_up_to
from . import operations, queries
from .access import load_codebook, load_theme, reviewers_only
from .definition import CodebookError, export_codebook
from .display import display_name, keyword_languages, theme_tree
from .files import EXPORTS, codebook_file, definition_from_upload
from .forms import NewThemeForm, ThemeForm, UploadForm

bp = Blueprint("codebooks", __name__, template_folder="templates")


def _index_page(upload_form, problems=(), status=200):
    codebooks = queries.all_codebooks()
    return render_template(
        "codebooks/index.html",
        codebooks=codebooks,
        counts=queries.theme_counts(),
        has_starter=any(codebook.code == "starter" for codebook in codebooks),
        button=ButtonForm(),
        upload_form=upload_form,
        problems=problems,
        display_name=display_name,
        language=current_language(),
    ), status


def _view_page(codebook, new_theme_form, status=200):
    return render_template(
        "codebooks/view.html",
        codebook=codebook,
        tree=theme_tree(codebook.themes),
        formats=list(EXPORTS),
        form=new_theme_form,
        display_name=display_name,
        keyword_languages=keyword_languages,
        language=current_language(),
    ), status


@bp.route("/staff/codebooks")
@reviewers_only
def index():
    return _index_page(UploadForm())


@bp.post("/staff/codebooks/seed")
@reviewers_only
def seed():
    if not ButtonForm().validate_on_submit():
        abort(400)
    codebook = operations.seed_starter_codebook()
    flash(_("The starter codebook is there."), "status")
    return redirect(url_for(".view", code=codebook.code))


@bp.post("/staff/codebooks/upload")
@accepts_files_up_to(MAX_IMPORT_BYTES)
@reviewers_only
def upload():
    """A new codebook from a file, or an existing one updated from it; nothing is written
    when anything in the file is wrong."""
    form = UploadForm()
    if not form.validate_on_submit():
        return _index_page(form, status=400)
    code = form.code.data
    codebook = queries.find_codebook(code)
    try:
        content = form.file.data.read()
        definition = definition_from_upload(form.file.data.filename, content, code)
        codebook, report = operations.import_or_update(codebook, definition, code)
    except CodebookError as error:
        return _index_page(form, error.problems, status=400)
    if report is None:
        flash(_("The codebook is added."), "status")
    else:
        flash(
            _(
                "The codebook is updated: %(added)d theme(s) added, %(changed)d changed.",
                added=len(report.added),
                changed=len(report.changed),
            ),
            "status",
        )
        if report.kept:
            flash(
                _(
                    "Themes not in the file are kept, as answers may be tagged with them: "
                    "%(codes)s.",
                    codes=", ".join(report.kept),
                ),
                "status",
            )
    return redirect(url_for(".view", code=codebook.code))


@bp.route("/staff/codebooks/<code>")
@reviewers_only
def view(code):
    codebook = load_codebook(code)
    return _view_page(codebook, NewThemeForm(codebook))


@bp.route("/staff/codebooks/<code>/export/<fmt>")
@reviewers_only
def export(code, fmt):
    codebook = load_codebook(code)
    if fmt not in EXPORTS:
        abort(404)
    body = codebook_file(export_codebook(codebook), fmt)
    return attachment(body, f"codebook-{code}.{fmt}", EXPORTS[fmt])


@bp.post("/staff/codebooks/<code>/themes")
@reviewers_only
def add_theme(code):
    codebook = load_codebook(code)
    form = NewThemeForm(codebook)
    if not form.validate_on_submit():
        return _view_page(codebook, form, status=400)
    name = form.name.data.strip()
    theme = operations.add_theme(codebook, form.code.data, name, current_language())
    flash(_("The theme is added: add its texts and keywords."), "status")
    return redirect(url_for(".theme", code=code, theme_code=theme.code))


@bp.route("/staff/codebooks/<code>/themes/<theme_code>", methods=["GET", "POST"])
@reviewers_only
def theme(code, theme_code):
    """A theme's texts and keywords in every interface language, its parent and its
    strategic direction; nothing is saved unless all of it is valid."""
    codebook, theme = load_theme(code, theme_code)
    language = current_language()
    form = ThemeForm.of(codebook, theme, language)
    if form.validate_on_submit():
        operations.save_theme(theme, form.texts, form.chosen_parent, form.strategic_direction.data)
        flash(_("The theme is saved."), "status")
        return redirect(url_for(".view", code=code))
    return render_template(
        "codebooks/theme.html",
        codebook=codebook,
        theme=theme,
        form=form,
        language=language,
        display_name=display_name,
        text_direction=text_direction,
    ), (400 if form.errors else 200)
