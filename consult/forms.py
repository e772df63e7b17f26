from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, StringField

from .i18n import wtforms_messages


class TranslatedForm(FlaskForm):
    """Every form of consult: Flask-WTF's (CSRF token, files), with WTForms' own messages in
    every interface language, Indonesian included."""

    class Meta:
        def get_translations(self, form):
            return wtforms_messages


class TranslatedSubform(Form):
    """A part of a form (in a FormField), without a CSRF token of its own."""

    class Meta:
        def get_translations(self, form):
            return wtforms_messages


class ButtonForm(TranslatedForm):
    """An empty form for a button-only action: it carries only the CSRF token."""


class HoneypotForm(TranslatedForm):
    """A button form with a field people never see (hidden by CSS, out of the tab order) and
    form-filling robots do: a filled-in ``website`` marks the request as automated."""

    website = StringField(_l("Leave this field empty"))

    @property
    def filled_by_a_robot(self):
        return bool((self.website.data or "").strip())
