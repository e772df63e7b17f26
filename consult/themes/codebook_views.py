"""The codebook pages: the codebooks, one codebook's themes, and one theme's texts and keywords
in every language; codebooks go out and come back as JSON, CSV or XLSX."""

import json

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import func, select
from wtforms import FormField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from ..accounts.access import role_required
from ..config import LANGUAGES
from ..design.imports import MAX_IMPORT_BYTES
from ..downloads import attachment
from ..extensions import db
from ..forms import ButtonForm, TranslatedForm, TranslatedSubform
from ..i18n import current_language, native_name, text_direction
from ..respond.forms import NoControlCharacters
from ..uploads import accepts_files_up_to
from . import codebook_changes as changes
from . import sheet
from .models import Codebook, Theme
from .operations import CodebookError, export_codebook, seed_starter_codebook
from .starter import STRATEGIC_DIRECTIONS

bp = Blueprint("codebooks", __name__, template_folder="templates")
reviewers_only = role_required("reviewer")

MAX_NAME = 200
MAX_TEXT = 2000
MAX_KEYWORD = 100
MAX_KEYWORDS = 100
#: Letters (any script), digits, "_" and "-": a code is part of the pages' addresses.
CODE_PATTERN = r"^[\w-]+\Z"
EXPORTS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# Forms ---------------------------------------------------------------------------------------


def code_field(label, description=""):
    return StringField(
        label,
        description=description,
        validators=[
            DataRequired(message=_l("Please write a code.")),
            Length(max=changes.MAX_CODE),
            Regexp(CODE_PATTERN, message=_l("Use letters, digits, “_” and “-” only.")),
        ],
    )


class UploadForm(TranslatedForm):
    file = FileField(
        _l("File"),
        description=_l("JSON, or a CSV or XLSX sheet as the codebook's page downloads it."),
        render_kw={"accept": ".json,.csv,.xlsx"},
        validators=[
            FileRequired(message=_l("Please choose a file.")),
            FileAllowed(
                changes.UPLOAD_SUFFIXES, message=_l("Please choose a .json, .csv or .xlsx file.")
            ),
        ],
    )
    code = code_field(
        _l("Code of the codebook"),
        _l("A new code adds a codebook; the code of an existing one updates its themes."),
    )


class NewThemeForm(TranslatedForm):
    code = code_field(_l("Code"))
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please write a name.")),
            Length(max=MAX_NAME),
            NoControlCharacters(),
        ],
    )


def keyword_lines(text):
    """The keywords of a text box, one a line, tidied and each once."""
    words = (line.strip() for line in (text or "").splitlines())
    return list(dict.fromkeys(word for word in words if word))


def check_keywords(form, field):
    words = keyword_lines(field.data)
    if len(words) > MAX_KEYWORDS:
        raise ValidationError(_("At most %(count)d keywords per language.", count=MAX_KEYWORDS))
    if any(len(word) > MAX_KEYWORD for word in words):
        raise ValidationError(
            _("A keyword may have at most %(count)d characters.", count=MAX_KEYWORD)
        )
    if any(sheet.KEYWORD_SEPARATOR in word for word in words):
        raise ValidationError(
            _("A keyword cannot contain “;”. Put each keyword on a line of its own.")
        )


def _texts(max_length, label):
    return TextAreaField(label, validators=[Length(max=max_length), NoControlCharacters()])


class LanguageTexts(TranslatedSubform):
    """A theme's texts in one language (a part of ThemeForm, so without a CSRF token)."""

    name = StringField(_l("Name"), validators=[Length(max=MAX_NAME), NoControlCharacters()])
    definition = _texts(MAX_TEXT, _l("Definition"))
    include = _texts(MAX_TEXT, _l("What belongs to this theme"))
    exclude = _texts(MAX_TEXT, _l("What does not belong to it"))
    keywords = TextAreaField(
        _l("Keywords"),
        description=_l("One keyword or phrase a line."),
        validators=[NoControlCharacters(), check_keywords],
    )


class ThemeForm(TranslatedForm):
    """A theme's place in the codebook, then its texts in each language (``form.en``, …)."""

    parent = SelectField(_l("Inside the theme"), choices=[])
    strategic_direction = SelectField(_l("Strategic direction"), choices=[])
    has_children = False

    def validate_parent(self, field):
        if field.data and self.has_children:
            raise ValidationError(_("A theme with themes inside it cannot go inside another."))

    @property
    def languages(self):
        return [(language, self[language]) for language in LANGUAGES]


for _language in LANGUAGES:
    setattr(ThemeForm, _language, FormField(LanguageTexts, label=native_name(_language)))


# Helpers -------------------------------------------------------------------------------------


def _codebook(code):
    codebook = db.session.scalar(select(Codebook).where(Codebook.code == code))
    if codebook is None:
        abort(404)
    return codebook


def display_name(texts, language):
    """(language, text) of a name in ``language``, else English, else any language."""
    for candidate in (language, "en", *sorted(texts or {})):
        if (texts or {}).get(candidate):
            return candidate, texts[candidate]
    return language, ""


def keyword_languages(theme):
    """(language, its name) for each language in which a theme has keywords, the interface
    languages first; another language from a file is shown by its code."""
    with_keywords = [language for language, words in theme.keywords.items() if words]
    return [(lang, native_name(lang)) for lang in LANGUAGES if lang in with_keywords] + [
        (lang, lang) for lang in sorted(with_keywords) if lang not in LANGUAGES
    ]


def theme_tree(themes):
    """[(theme, [child nodes])] in codebook order, each theme once even if its parents go
    round in a circle (a theme whose parent is missing is shown at the top)."""
    children = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)
    ids = {theme.id for theme in themes}
    placed = set()

    def nodes(siblings):
        result = []
        for theme in siblings:
            if theme.id not in placed:
                placed.add(theme.id)
                result.append((theme, nodes(children.get(theme.id, []))))
        return result

    tree = nodes([t for t in themes if t.parent_id is None or t.parent_id not in ids])
    return tree + nodes([t for t in themes if t.id not in placed])


def _index_page(upload_form, problems=(), status=200):
    counts = dict(
        db.session.execute(
            select(Theme.codebook_id, func.count(Theme.id)).group_by(Theme.codebook_id)
        ).all()
    )
    codebooks = db.session.scalars(select(Codebook).order_by(Codebook.code)).all()
    return render_template(
        "codebooks/index.html",
        codebooks=codebooks,
        counts=counts,
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


# Views ---------------------------------------------------------------------------------------


@bp.route("/staff/codebooks")
@reviewers_only
def index():
    return _index_page(UploadForm())


@bp.post("/staff/codebooks/seed")
@reviewers_only
def seed():
    if not ButtonForm().validate_on_submit():
        abort(400)
    codebook = seed_starter_codebook()
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
    codebook = db.session.scalar(select(Codebook).where(Codebook.code == code))
    try:
        content = form.file.data.read()
        definition = changes.definition_from_upload(form.file.data.filename, content, code)
        codebook, report = changes.import_or_update(codebook, definition, code)
    except CodebookError as error:
        db.session.rollback()
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
    return _view_page(_codebook(code), NewThemeForm())


@bp.route("/staff/codebooks/<code>/export/<fmt>")
@reviewers_only
def export(code, fmt):
    codebook = _codebook(code)
    if fmt not in EXPORTS:
        abort(404)
    definition = export_codebook(codebook)
    if fmt == "json":
        body = json.dumps(definition, ensure_ascii=False, indent=1).encode("utf-8")
    elif fmt == "csv":
        body = sheet.write_csv(definition)
    else:
        body = sheet.write_xlsx(definition)
    return attachment(body, f"codebook-{code}.{fmt}", EXPORTS[fmt])


@bp.post("/staff/codebooks/<code>/themes")
@reviewers_only
def add_theme(code):
    codebook = _codebook(code)
    form = NewThemeForm()
    if form.validate_on_submit():
        if any(theme.code == form.code.data for theme in codebook.themes):
            form.code.errors.append(_("This codebook has a theme with this code already."))
        else:
            name = form.name.data.strip()
            theme = changes.add_theme(codebook, form.code.data, name, current_language())
            flash(_("The theme is added: add its texts and keywords."), "status")
            return redirect(url_for(".theme", code=code, theme_code=theme.code))
    return _view_page(codebook, form, status=400)


@bp.route("/staff/codebooks/<code>/themes/<theme_code>", methods=["GET", "POST"])
@reviewers_only
def theme(code, theme_code):
    """A theme's texts and keywords in every interface language, its parent and its
    strategic direction; nothing is saved unless all of it is valid."""
    codebook = _codebook(code)
    theme = next((t for t in codebook.themes if t.code == theme_code), None)
    if theme is None:
        abort(404)
    language = current_language()
    form = ThemeForm(data=_theme_data(theme))
    form.has_children = any(t.parent_id == theme.id for t in codebook.themes)
    parents = [t for t in codebook.themes if t.parent_id is None and t is not theme]
    if theme.parent is not None and theme.parent not in parents:
        parents.append(theme.parent)  # a deeper parent from a file stays a valid choice
    form.parent.choices = [("", _("None: a top-level theme"))] + [
        (t.code, display_name(t.name, language)[1] or t.code) for t in parents
    ]
    directions = list(STRATEGIC_DIRECTIONS)
    if theme.strategic_direction and theme.strategic_direction not in directions:
        directions.append(theme.strategic_direction)
    form.strategic_direction.choices = [("", _("None"))] + [(d, d) for d in directions]
    if form.validate_on_submit():
        parent = next((t for t in parents if t.code == form.parent.data), None)
        changes.save_theme(theme, _submitted_texts(form), parent, form.strategic_direction.data)
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


def _theme_data(theme):
    data = {
        "parent": theme.parent.code if theme.parent else "",
        "strategic_direction": theme.strategic_direction or "",
    }
    for language in LANGUAGES:
        data[language] = {
            name: getattr(theme, name).get(language) or "" for name in sheet.PER_LANGUAGE_TEXTS
        }
        data[language]["keywords"] = "\n".join(theme.keywords.get(language) or [])
    return data


def _submitted_texts(form):
    """{field: {language: text or keyword list}} of a valid ThemeForm."""
    texts = {name: {} for name in (*sheet.PER_LANGUAGE_TEXTS, "keywords")}
    for language, part in form.languages:
        for name in sheet.PER_LANGUAGE_TEXTS:
            texts[name][language] = (part[name].data or "").replace("\r\n", "\n").strip()
        texts["keywords"][language] = keyword_lines(part.keywords.data)
    return texts
