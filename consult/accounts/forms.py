from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Regexp

from ..forms import TranslatedForm


class LoginForm(TranslatedForm):
    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )


class LoginCodeForm(TranslatedForm):
    code = StringField(
        _l("Code"),
        description=_l(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        validators=[DataRequired(), Length(max=40)],
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "none",
            "spellcheck": "false",
        },
    )


class SetUpCodeForm(TranslatedForm):
    code = StringField(
        _l("Code"),
        description=_l("The 6-digit code your authenticator app shows now."),
        validators=[DataRequired(), Length(max=40)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class PasswordForm(TranslatedForm):
    """Asks again for the password before a change to two-step login."""

    password = PasswordField(
        _l("Your password"),
        validators=[DataRequired(), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )


class ProfileForm(TranslatedForm):
    locale = SelectField(_l("Language of the pages"), choices=[])


#: The roles as staff read them, most powerful first.
ROLE_NAMES = {
    "admin": _l("Admin"),
    "designer": _l("Designer"),
    "translator": _l("Translator"),
    "reviewer": _l("Reviewer"),
}


class AccountActionForm(TranslatedForm):
    """One admin action on an account (a button of the users page): its name, and for a
    change of role the new role."""

    action = StringField()
    role = StringField()

    def validate_role(self, field):
        if self.action.data == "role":
            AnyOf(list(ROLE_NAMES))(self, field)


class AddAccountForm(TranslatedForm):
    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(),
            Length(max=254),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+\Z", message=_l("Please write an e-mail address.")),
        ],
        filters=[lambda value: value.strip() if value else value],
    )
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(role, name) for role, name in ROLE_NAMES.items()],
        default="reviewer",
    )
