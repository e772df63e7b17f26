from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import AnyOf

from .models import STATUSES


class StatusForm(FlaskForm):
    """The buttons that open, close, reopen and archive a round."""

    status = HiddenField(validators=[AnyOf(STATUSES)])
