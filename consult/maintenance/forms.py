from flask_babel import lazy_gettext as _l
from wtforms import StringField

from ..forms import TranslatedForm


class DeleteResponsesForm(TranslatedForm):
    """The admin types the round's address to confirm; the view compares it exactly."""

    confirmation = StringField(
        _l("The round's address"),
        description=_l("Type it exactly as shown above, to confirm."),
    )
