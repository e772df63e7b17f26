"""Changes to staff accounts, one transaction each."""

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .models import ROLES, User

MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    """A change to an account that cannot be made; the message says why."""


def normalise_email(email):
    return email.strip().lower()


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def create_user(email, password, role, locale=None):
    """Create a staff account; raise AccountError for a bad role, short password or taken email."""
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if "@" not in email:
        raise AccountError(f"{email!r} is not an e-mail address")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if db.session.scalar(select(func.count()).where(User.email == email)):
        raise AccountError(f"an account for {email} already exists")
    user = User(email=email, password_hash=hash_password(password), role=role, locale=locale)
    db.session.add(user)
    db.session.commit()
    return user


#: Checked when no account matches, so a wrong e-mail takes as long as a wrong password.
_UNUSED_HASH = "scrypt:32768:8:1$0000000000000000$" + "0" * 128


def authenticate(email, password):
    """The active account with this e-mail and password, or None."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        check_password_hash(_UNUSED_HASH, password)
        return None
    if not user.active or not check_password_hash(user.password_hash, password):
        return None
    return user


def set_locale(user, locale):
    """The interface language a staff member chose; None follows the browser."""
    if locale is not None and locale not in current_app.config["LANGUAGES"]:
        raise AccountError(f"unknown language {locale!r}")
    user.locale = locale
    db.session.commit()
