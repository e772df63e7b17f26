"""The access codes' form: a batch of invitation codes."""

from wtforms import IntegerField, StringField
from wtforms.validators import NumberRange, Optional

from ..forms import TranslatedForm


class InvitationsForm(TranslatedForm):
    """How many codes (the operation makes 1 to MAX_BATCH whatever is asked), and whether as
    a printable sheet or a CSV ("csv")."""

    count = IntegerField(validators=[Optional(), NumberRange(min=0)])
    format = StringField()
