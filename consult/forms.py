from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField


class ButtonForm(FlaskForm):
    """An empty form for a button-only action: it carries only the CSRF token."""


class HoneypotForm(FlaskForm):
    """A button form with a field people never see (hidden by CSS, out of the tab order) and
    form-filling robots do: a filled-in ``website`` marks the request as automated."""

    website = StringField(_l("Leave this field empty"))

    @property
    def filled_by_a_robot(self):
        return bool((self.website.data or "").strip())
