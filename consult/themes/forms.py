"""Reading what the coding screen's forms for many answers at once send."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectChoice, SelectField, SelectMultipleField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError
from wtforms.widgets import HiddenInput

from ..forms import LARGEST_NUMBER, TranslatedForm
from .references import REFERENCE

#: What a button of a batch does; its value is the status the suggestions take.
DECISIONS = [("accept", "accepted"), ("reject", "rejected")]
#: The most suggestions one "chosen" action takes: more than a page of answers ever shows.
MOST_CHOSEN = 500
#: The longest keyword or phrase a rule may be named by.
KEYWORD_LENGTH = 200


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


class ChosenForm(_BatchForm):
    """Accept or reject the suggestions ticked on the coding screen: each box's value is
    "<answer reference>.<theme id>" (themes.references)."""

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
