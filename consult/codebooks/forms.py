"""The codebook pages' forms: a file to import, a new theme, and a theme's page (its place in
the codebook, then its texts and keywords in every interface language)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import FormField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from ..config import LANGUAGES
from ..forms import TranslatedForm, TranslatedSubform
from ..i18n import native_name
from ..respond.forms import NoControlCharacters
from .definition import MAX_CODE
from .display import display_name
from .files import UPLOAD_SUFFIXES
from .sheet import KEYWORD_SEPARATOR, PER_LANGUAGE_TEXTS
from .starter import STRATEGIC_DIRECTIONS

MAX_NAME = 200
MAX_TEXT = 2000
MAX_KEYWORD = 100
MAX_KEYWORDS = 100
#: Letters (any script), digits, "_" and "-": a code is part of the pages' addresses.
CODE_PATTERN = r"^[\w-]+\Z"


def code_field(label, description=""):
    return StringField(
        label,
        description=description,
        validators=[
            DataRequired(message=_l("Please write a code.")),
            Length(max=MAX_CODE),
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
            FileAllowed(UPLOAD_SUFFIXES, message=_l("Please choose a .json, .csv or .xlsx file.")),
        ],
    )
    code = code_field(
        _l("Code of the codebook"),
        _l("A new code adds a codebook; the code of an existing one updates its themes."),
    )


class NewThemeForm(TranslatedForm):
    """A theme added to ``codebook`` with its name in one language; its code must be free."""

    code = code_field(_l("Code"))
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please write a name.")),
            Length(max=MAX_NAME),
            NoControlCharacters(),
        ],
    )

    def __init__(self, codebook, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.codebook = codebook

    def validate(self, extra_validators=None):
        # The code is compared with the codebook's once the boxes are right, so a page sent
        # back names one problem of the code at a time.
        if not super().validate(extra_validators):
            return False
        if any(theme.code == self.code.data for theme in self.codebook.themes):
            self.code.errors.append(_("This codebook has a theme with this code already."))
            return False
        return True


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
    if any(KEYWORD_SEPARATOR in word for word in words):
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
    """A theme's place in the codebook, then its texts in each language (``form.en``, …).
    Made by ``of``, which offers the parents and strategic directions the theme may take."""

    parent = SelectField(_l("Inside the theme"), choices=[])
    strategic_direction = SelectField(_l("Strategic direction"), choices=[])
    has_children = False
    #: The themes the theme may go inside.
    parents = ()

    @classmethod
    def of(cls, codebook, theme, language):
        """The form of ``theme``'s page, holding what the theme holds (what a POST sends
        replaces it); names are shown in ``language``."""
        form = cls(data=_theme_data(theme))
        form.has_children = any(t.parent_id == theme.id for t in codebook.themes)
        parents = [t for t in codebook.themes if t.parent_id is None and t is not theme]
        if theme.parent is not None and theme.parent not in parents:
            parents.append(theme.parent)  # a deeper parent from a file stays a valid choice
        form.parents = parents
        form.parent.choices = [("", _("None: a top-level theme"))] + [
            (t.code, display_name(t.name, language)[1] or t.code) for t in parents
        ]
        directions = list(STRATEGIC_DIRECTIONS)
        if theme.strategic_direction and theme.strategic_direction not in directions:
            directions.append(theme.strategic_direction)
        form.strategic_direction.choices = [("", _("None"))] + [(d, d) for d in directions]
        return form

    def validate_parent(self, field):
        if field.data and self.has_children:
            raise ValidationError(_("A theme with themes inside it cannot go inside another."))

    @property
    def languages(self):
        return [(language, self[language]) for language in LANGUAGES]

    @property
    def chosen_parent(self):
        """The theme chosen as the parent, or None for a top-level theme."""
        return next((t for t in self.parents if t.code == self.parent.data), None)

    @property
    def texts(self):
        """{field: {language: text or keyword list}} of a valid form."""
        texts = {name: {} for name in (*PER_LANGUAGE_TEXTS, "keywords")}
        for language, part in self.languages:
            for name in PER_LANGUAGE_TEXTS:
                texts[name][language] = (part[name].data or "").replace("\r\n", "\n").strip()
            texts["keywords"][language] = keyword_lines(part.keywords.data)
        return texts


for _language in LANGUAGES:
    setattr(ThemeForm, _language, FormField(LanguageTexts, label=native_name(_language)))


def _theme_data(theme):
    data = {
        "parent": theme.parent.code if theme.parent else "",
        "strategic_direction": theme.strategic_direction or "",
    }
    for language in LANGUAGES:
        data[language] = {
            name: getattr(theme, name).get(language) or "" for name in PER_LANGUAGE_TEXTS
        }
        data[language]["keywords"] = "\n".join(theme.keywords.get(language) or [])
    return data
