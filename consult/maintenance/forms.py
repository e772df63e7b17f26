from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField


class DeleteResponsesForm(FlaskForm):
    """The admin types the round's address to confirm; the view compares it exactly."""

    confirmation = StringField(
        _l("The round's address"),
        description=_l("Type it exactly as shown above, to confirm."),
    )
