from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, StringField

from .i18n import wtforms_messages

#: The largest number an address or a form may name (an id, a page, a count): PostgreSQL's
#: integer. A larger one is refused here, as "not found" or the default, not by the
#: database as an error.
LARGEST_NUMBER = 2**31 - 1


def whole_number(value):
    """``value`` as an int from 0 to LARGEST_NUMBER, else ValueError (so that
    ``request.args.get(name, type=whole_number)`` falls back to the default)."""
    number = int(value)
    if not 0 <= number <= LARGEST_NUMBER:
        raise ValueError(value)
    return number


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
