"""The forms of a round's theme pages: what their buttons send (the codebook chosen, a quote
approved, an answer coded blind, the brief's choices, actions on one answer or on many
suggestions at once) and the coding screen's and results' filters, read from the address.

A box that names something (a codebook, a quote, a tag, a theme) holds a whole number or
None: a made-up value finds nothing, as a missing one does, and the page answers as it
does for something that is not there.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    Field,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError
from wtforms.widgets import HiddenInput

from ..forms import LARGEST_NUMBER, TranslatedForm, whole_number
from .brief import ACTIVITY_NAMES, DIRECTION_NAMES
from .references import REFERENCE
from .results import GROUPING_KEYS

#: What a button of a batch does; its value is the status the suggestions take.
DECISIONS = [("accept", "accepted"), ("reject", "rejected")]
#: What a button on one answer does to a theme of it, and the status the theme takes.
ANSWER_DECISIONS = {
    "accept": "accepted",
    "reject": "rejected",
    "undo": "suggested",
    "add": "accepted",
}
#: The most suggestions one "chosen" action takes: more than a page of answers ever shows.
MOST_CHOSEN = 500
#: The longest keyword or phrase a rule may be named by.
KEYWORD_LENGTH = 200
MAX_QUOTE = 5_000
MAX_MEMO = 2_000
#: The coding screen's "show" filter: every answer, those to review, those no theme covers,
#: those of one theme.
SHOW = ("all", "review", "uncovered", "theme")


def number_or_none(value):
    """``value`` as a whole number (consult.forms.whole_number), else None."""
    try:
        return whole_number(value)
    except (TypeError, ValueError):
        return None


class NumberOrNoneField(Field):
    """A box naming something by its number: its data is the number, or None."""

    widget = HiddenInput()

    def process_formdata(self, valuelist):
        self.data = number_or_none(valuelist[0]) if valuelist else None


def _strip(value):
    return value.strip() if value else ""


class _ToldForm(TranslatedForm):
    """A form some of whose boxes (TOLD), when wrong, are told to the reviewer in a message
    rather than refusing the request: every button of the form sends them, and only one
    uses them. Any other error (no CSRF token, a made-up action) refuses it."""

    TOLD = ()

    def validate_sent(self):
        """Whether the form was sent and nothing but the boxes of TOLD is wrong (``told``)."""
        return self.is_submitted() and (self.validate() or not set(self.errors) - set(self.TOLD))

    @property
    def told(self):
        """The messages of the boxes of TOLD, in their order."""
        return [message for name in self.TOLD for message in self[name].errors]


# The round's theme pages ---------------------------------------------------------------------


class CodebookChoiceForm(TranslatedForm):
    """The overview's buttons: code the round against a codebook ("codebook"; none when the
    codebook is not given), or suggest themes for every written answer ("autocode")."""

    action = StringField()
    codebook = NumberOrNoneField()


class QuoteForm(_ToldForm):
    """Approve a candidate quote with the wording and translation the reviewer gives, or
    withdraw it ("withdraw")."""

    TOLD = ("text", "translation")

    quote = NumberOrNoneField()
    action = StringField()
    text = StringField(filters=[_strip])
    translation = StringField(filters=[_strip])

    def validate_text(self, field):
        if not field.data or len(field.data) > MAX_QUOTE:
            raise ValidationError(
                _("A quote needs a text of at most %(n)d characters.", n=MAX_QUOTE)
            )

    def validate_translation(self, field):
        if len(field.data) > MAX_QUOTE:
            raise ValidationError(
                _("A quote needs a text of at most %(n)d characters.", n=MAX_QUOTE)
            )


class BlindCodingForm(TranslatedForm):
    """A reviewer's themes for an answer of the agreement sample, named by its reference."""

    answer = StringField(filters=[lambda value: value or ""])
    theme = SelectMultipleField(coerce=number_or_none, validate_choice=False)

    def chosen(self, themes):
        """The ids of the ticked themes that are themes of ``themes``."""
        return set(self.theme.data) & set(themes)


def _one_of(names):
    """A filter keeping a value of ``names`` and turning anything else into None."""
    return lambda value: value if value in names else None


def brief_choices_form(theme_ids):
    """The brief's choices: for each of ``theme_ids``, a strategic direction and an advocacy
    activity (``direction-<id>``, ``activity-<id>``); a value the page does not offer
    counts as none."""

    class BriefChoicesForm(TranslatedForm):
        @property
        def choices(self):
            """{theme id: (direction or None, activity or None)} of the themes the page sent."""
            return {
                theme_id: (self[f"direction-{theme_id}"].data, self[f"activity-{theme_id}"].data)
                for theme_id in theme_ids
                if self[f"direction-{theme_id}"].raw_data
            }

    for theme_id in theme_ids:
        direction = StringField(filters=[_one_of(DIRECTION_NAMES)])
        activity = StringField(filters=[_one_of(ACTIVITY_NAMES)])
        setattr(BriefChoicesForm, f"direction-{theme_id}", direction)
        setattr(BriefChoicesForm, f"activity-{theme_id}", activity)
    return BriefChoicesForm()


class _AddressFilters(TranslatedForm):
    """Filters read from the address of a page (a GET): no CSRF token."""

    def __init__(self, formdata):
        super().__init__(formdata, meta={"csrf": False})


class ResultsFilter(_AddressFilters):
    """The theme results' grouping, from the address (``?by=``): none for anything else."""

    by = StringField(filters=[_one_of(GROUPING_KEYS)])


# The coding screen ---------------------------------------------------------------------------


class CodingFilters(_AddressFilters):
    """The coding screen's filters and page, from the address; a value it does not know is
    taken as no filter (the first page)."""

    question = NumberOrNoneField()
    language = StringField(filters=[lambda value: value or None])
    show = StringField(filters=[lambda value: value if value in SHOW else "all"])
    theme = NumberOrNoneField()
    page = NumberOrNoneField()

    def __init__(self, themes, formdata):
        super().__init__(formdata)
        if self.theme.data not in themes:
            self.theme.data = None
        #: The filters and page as the address gave them, in its order: the page's forms
        #: send them back, so that the reviewer comes back to the page they acted on.
        self.given = [
            (name, self[name].raw_data[0])
            for name in formdata
            if name in self and self[name].raw_data
        ]

    @property
    def filters(self):
        return {name: self[name].data for name in ("question", "language", "show", "theme")}

    @property
    def page_number(self):
        return max(self.page.data or 1, 1)


class AnswerForm(_ToldForm):
    """A reviewer's action on one answer: a decision on a theme (ANSWER_DECISIONS) named by
    its tag or chosen, a memo ("memo"), or a candidate quote ("quote")."""

    TOLD = ("memo",)

    back = HiddenField()
    action = StringField()
    tag = NumberOrNoneField()
    theme = NumberOrNoneField()
    memo = StringField(filters=[_strip])

    def validate_memo(self, field):
        if not field.data or len(field.data) > MAX_MEMO:
            raise ValidationError(_("A memo needs a text of at most %(n)d characters.", n=MAX_MEMO))


class ThemeBatchForm(TranslatedForm):
    """Accept or reject every suggestion of one theme, or take that back ("undo")."""

    back = HiddenField()
    action = SelectField(
        choices=[SelectChoice(action, action) for action in ("accept", "reject", "undo")]
    )
    theme = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(0, LARGEST_NUMBER)]
    )

    @property
    def status(self):
        return dict(DECISIONS)[self.action.data]


class _BatchForm(TranslatedForm):
    #: The coding screen's filters and page, to come back to.
    back = HiddenField(validators=[Length(max=500)])
    action = SelectField(choices=[SelectChoice(action, action) for action, _status in DECISIONS])

    @property
    def status(self):
        return dict(DECISIONS)[self.action.data]


class KeywordForm(_BatchForm):
    """Accept or reject every suggestion that one keyword rule of a theme made."""

    theme = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(0, LARGEST_NUMBER)]
    )
    keyword = HiddenField(validators=[DataRequired(), Length(max=KEYWORD_LENGTH)])


class ChosenForm(_BatchForm, _ToldForm):
    """Accept or reject the suggestions ticked on the coding screen: each box's value is
    "<answer reference>.<theme id>" (coding.references)."""

    TOLD = ("chosen",)

    chosen = SelectMultipleField(
        validate_choice=False,
        validators=[DataRequired(message=_l("Tick at least one suggestion."))],
    )

    def validate_chosen(self, field):
        if len(field.data) > MOST_CHOSEN:
            raise ValidationError(_l("Choose at most %(n)d suggestions.", n=MOST_CHOSEN))
        for value in field.data:
            reference, _dot, theme = value.rpartition(".")
            if not REFERENCE.fullmatch(reference) or not theme.isdigit() or len(theme) > 10:
                raise ValidationError(_l("Tick at least one suggestion."))

    @property
    def picks(self):
        """[(answer reference, theme id)] of the ticked boxes, each once."""
        pairs = (value.rpartition(".") for value in self.data["chosen"])
        return list(dict.fromkeys((reference, int(theme)) for reference, _dot, theme in pairs))


class UndoForm(TranslatedForm):
    """Take back the reviewer's last batch."""

    back = HiddenField(validators=[Length(max=500)])
