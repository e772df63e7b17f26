"""The builder's round forms (a new round, its settings, an import, its status) and
``ParsedForm``, the base of every builder form whose text stands for a structure. The forms of
a round's pages and questions are in ``page_forms``. Forms validate; operations apply
``form.data``."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms import LARGEST_NUMBER, TranslatedForm
from ..i18n import native_name
from ..text import one_line
from .models import NEUTRAL_LABELS, STATUSES

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}\Z"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Za-z]{2,4})?\Z")


class ParsedForm(TranslatedForm):
    """A form some of whose fields are text that stands for a structure: choice lines, a
    condition's JSON, language codes. Validation only checks that text, so that a page sent
    back after any error (a wrong field, or an operation's refusal) shows every field
    exactly as typed; ``cleaned()`` gives the data with the structures, for the operation."""

    #: field name → function of the field's text that returns its structure or raises
    #: ValidationError
    parsed = {}

    def validate(self, extra_validators=None):
        checks = {name: [_checked_by(parse)] for name, parse in self.parsed.items()}
        for name, more in (extra_validators or {}).items():
            checks.setdefault(name, []).extend(more)
        return super().validate(checks)

    def cleaned(self):
        data = dict(self.data)
        data.update({name: parse(data[name]) for name, parse in self.parsed.items()})
        return data


def _checked_by(parse):
    def check(form, field):
        parse(field.data)

    return check


def language_list(text):
    """ "en, fr, ar" → ["en", "fr", "ar"]."""
    codes = [code.strip() for code in (text or "").split(",") if code.strip()]
    if not codes or any(not LANGUAGE_CODE.match(code) for code in codes):
        raise ValidationError(_l("Write language codes separated by commas, such as: en, fr, ar"))
    if len(set(codes)) != len(codes):
        raise ValidationError(_l("Each language once, please."))
    return codes


class ImportForm(TranslatedForm):
    file = FileField(
        _l("File"),
        description=_l(
            "A round exported from consult (.json) or an XLSForm (.xlsx, .xls, .csv or .md)."
        ),
        validators=[
            FileRequired(message=_l("Please choose a file.")),
            FileAllowed(
                ["json", "xlsx", "xls", "csv", "md"],
                message=_l("Please choose a .json file or an XLSForm (.xlsx, .xls, .csv or .md)."),
            ),
        ],
    )
    slug = StringField(
        _l("Address"),
        description=_l("Leave empty to use the one in the file."),
        validators=[
            Optional(),
            Regexp(SLUG_PATTERN, message=_l("Use lower-case letters, digits and hyphens.")),
        ],
    )


class StatusForm(TranslatedForm):
    """The buttons that open, close, reopen and archive a round."""

    status = HiddenField(validators=[AnyOf(STATUSES)])


#: Languages offered by name on the round forms, beside the codes typed: consult's own
#: interface languages first, then others the network's members write in.
LANGUAGE_PICKS = (
    *("en", "fr", "es", "pt", "ru", "ar", "fa", "id"),
    *("zh", "hi", "ur", "bn", "ne", "my", "th", "km", "vi", "ms", "uk", "ka"),
    *("sw", "ha", "am", "tet", "prs", "ps", "tr", "it", "de", "pl", "ro"),
)


class LanguagePicks:
    """The languages typed as codes (the source first), and more ticked by name."""

    add_languages = SelectMultipleField(
        _l("Add languages by name"),
        description=_l("Ticked ones come after the codes above."),
        choices=[],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_languages.choices = [
            SelectChoice(code, f"{native_name(code)} ({code})") for code in LANGUAGE_PICKS
        ]

    def cleaned(self):
        data = super().cleaned()
        ticked = [code for code in self.add_languages.data or [] if code in LANGUAGE_PICKS]
        data["languages"] += [code for code in ticked if code not in data["languages"]]
        return data


class NewRoundForm(LanguagePicks, ParsedForm):
    parsed = {"languages": language_list}

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=300)], filters=[one_line]
    )
    slug = StringField(
        _l("Address"),
        description=_l("Members will open /c/<address>/. Lower-case letters, digits, hyphens."),
        validators=[
            DataRequired(),
            Regexp(SLUG_PATTERN, message=_l("Use lower-case letters, digits and hyphens.")),
        ],
    )
    languages = StringField(
        _l("Languages"),
        description=_l("Language codes separated by commas, the source language first."),
        default="en",
    )


class RoundSettingsForm(LanguagePicks, ParsedForm):
    parsed = {"languages": language_list}

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=300)], filters=[one_line]
    )
    introduction = TextAreaField(_l("Introduction"), validators=[Length(max=5000)])
    thank_you = TextAreaField(_l("Thank-you text"), validators=[Length(max=2000)])
    languages = StringField(
        _l("Languages"),
        description=_l("Language codes separated by commas, the source language first."),
    )
    min_cell_size = IntegerField(
        _l("Smallest group shown in results"),
        description=_l("Counts below this number are never shown. At least 3."),
        validators=[NumberRange(min=3, max=100)],
    )
    release_interval_days = IntegerField(
        _l("Days between releases of figures"),
        description=_l(
            "Reviewers' figures are updated at most this often, and only after at least as "
            "many new responses as the smallest group shown."
        ),
        validators=[Optional(), NumberRange(min=1, max=90)],
    )
    access_mode = SelectField(
        _l("How members reach the round"),
        choices=[
            SelectChoice("public", _l("A public link")),
            SelectChoice("network", _l("A code per network")),
            SelectChoice("invitation", _l("Single-use invitation codes")),
        ],
    )
    discreet = BooleanField(
        _l(
            "Discreet mode: members' pages show the neutral label below instead of the title, "
            "no logo, and an address that does not spell out the topic"
        )
    )
    neutral_label = SelectField(
        _l("Neutral label in discreet mode"),
        choices=[SelectChoice(key, label) for key, label in NEUTRAL_LABELS.items()],
        default="community_survey",
    )
    opens_at = DateTimeLocalField(_l("Opens at (UTC)"), validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Closes at (UTC)"), validators=[Optional()])

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The closing time must come after the opening time."))


class CopyForm(TranslatedForm):
    """A copy of a round at a new address (copy_round checks it)."""

    slug = StringField(filters=[lambda value: (value or "").strip()])


class BlockChoiceForm(TranslatedForm):
    """The block of the library to insert as a new page."""

    block = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=LARGEST_NUMBER)])


class SaveBlockForm(TranslatedForm):
    """A page saved in the library under a name (cut to the library's 200 characters)."""

    name = StringField(
        filters=[lambda value: (value or "").strip()[:200]], validators=[DataRequired()]
    )
