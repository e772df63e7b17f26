"""Changes to staff accounts, one transaction each, each in the audit log."""

import secrets

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit import AuditEvent, record
from ..extensions import db
from . import twofactor
from .models import ROLES, RecoveryCode, User

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
    record("account.create", email=email, role=role)
    db.session.commit()
    return user


def find_user(email):
    """The account with this e-mail; AccountError if there is none (for the command line)."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise AccountError(f"there is no account for {normalise_email(email)}")
    return user


def set_role(email, role):
    """Give an account another role."""
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    user = find_user(email)
    _give_role(user, role)
    db.session.commit()
    return user


def _give_role(user, role):
    if user.role != role:
        record("account.role", email=user.email, old=user.role, new=role)
        user.role = role


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


def password_login(email, password):
    """The first step of a login: the account, or None after recording the failure (with the
    account when there is one; never what was typed, nor where it came from)."""
    user = authenticate(email, password)
    if user is None:
        known = db.session.scalar(select(User.id).where(User.email == normalise_email(email)))
        _record_for(known, "login.failed", step="password")
        db.session.commit()
    return user


def second_factor_login(user, code):
    """The second step: a current code from the app, or an unused recovery code (used up
    here). Returns how the login was completed, or None after recording the failure."""
    method = None
    if twofactor.looks_like_totp(code):
        step = twofactor.matching_step(user.totp_secret, code, user.totp_last_step)
        if step is not None and _claim_step(user, step):
            method = "code"
    elif _use_recovery_code(user, code):
        method = "recovery code"
    if method is None:
        _record_for(user.id, "login.failed", step="code")
    db.session.commit()
    return method


def record_login(user, method):
    """The login is complete: ``user`` is the current user now."""
    record("login", method=method)
    db.session.commit()


def end_sessions(user):
    """Every session of the account ends, on every device (at logout)."""
    user.session_version += 1
    db.session.commit()


def two_factor_required(user):
    return user.role == "admin" and current_app.config["STAFF_TWO_FACTOR_REQUIRED_FOR_ADMINS"]


def enable_two_factor(user, secret, code):
    """Turn two-step login on with the secret the staff member added to their app, if
    ``code`` is a current code of it. Returns the new recovery codes (shown once), or None."""
    step = twofactor.matching_step(secret, code)
    if step is None:
        return None
    user.totp_secret = secret
    user.totp_last_step = step
    codes = _replace_recovery_codes(user)
    user.session_version += 1
    record("two_factor.enable")
    db.session.commit()
    return codes


def new_recovery_codes(user):
    """Replace the account's recovery codes; returns the new ones, shown once."""
    codes = _replace_recovery_codes(user)
    record("two_factor.recovery_codes")
    db.session.commit()
    return codes


def check_password(user, password):
    return check_password_hash(user.password_hash, password)


def disable_two_factor(user):
    """Turn two-step login off (the view has checked the password); never for an account
    that must have it."""
    if two_factor_required(user):
        raise AccountError("admins must keep two-step login")
    _remove_two_factor(user)
    record("two_factor.disable")
    db.session.commit()


def reset_two_factor(email):
    """From the command line, for someone who lost their app and recovery codes: two-step
    login is off (an admin sets it up again at the next login) and every session ends."""
    user = find_user(email)
    _reset_two_factor(user)
    return user


def _reset_two_factor(user):
    _remove_two_factor(user)
    record("two_factor.reset", email=user.email)
    db.session.commit()


def recovery_codes_left(user):
    return db.session.scalar(
        select(func.count()).select_from(RecoveryCode).where(RecoveryCode.user_id == user.id)
    )


def set_locale(user, locale):
    """The interface language a staff member chose; None follows the browser."""
    if locale is not None and locale not in current_app.config["LANGUAGES"]:
        raise AccountError(f"unknown language {locale!r}")
    user.locale = locale
    db.session.commit()


def _record_for(user_id, action, **detail):
    """An audit event for an account that is not (yet) the current user."""
    db.session.add(AuditEvent(user_id=user_id, action=action, detail=detail))


def _claim_step(user, step):
    """Store ``step`` as the last one used, unless a request at the same time used it or a
    later one first: one UPDATE decides."""
    claimed = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .where(or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(user)
    return claimed.rowcount == 1


def _use_recovery_code(user, code):
    """Check the code against every stored hash (all of them, whatever matches), then delete
    the matching row: only the request whose DELETE finds it may log in."""
    code = twofactor.clean(code)
    if not code:
        return False
    rows = db.session.execute(
        select(RecoveryCode.id, RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    ).all()
    matched = None
    for row_id, code_hash in rows:
        if check_password_hash(code_hash, code):
            matched = row_id
    if matched is None:
        return False
    used = db.session.execute(delete(RecoveryCode).where(RecoveryCode.id == matched))
    return used.rowcount == 1


def _replace_recovery_codes(user):
    codes = twofactor.new_recovery_codes()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    for code in codes:
        db.session.add(
            RecoveryCode(user_id=user.id, code_hash=hash_password(code.replace("-", "")))
        )
    return codes


def _remove_two_factor(user):
    user.totp_secret = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.session_version += 1


# --- the admins' page of accounts (views.users) ----------------------------------------------


def add_account(email, role):
    """A new account with a random password, returned once to be handed over in person:
    (user, password). Raises AccountError (in the admin's language) if the e-mail is taken."""
    email = normalise_email(email)
    if db.session.scalar(select(func.count()).where(User.email == email)):
        raise AccountError(_("An account for %(email)s already exists.", email=email))
    password = secrets.token_urlsafe(15)  # 20 characters
    return create_user(email, password, role), password


def change_account(admin, user, role=None, active=None):
    """Another role, or the account disabled (every session ends) or enabled again. An admin
    does not change their own account here, so the admin at the page always remains one."""
    if user.id == admin.id:
        raise AccountError(_("You cannot change your own role or disable your own account."))
    if role is not None:
        _give_role(user, role)
    if active is not None and active != user.active:
        record("account.active" if active else "account.disable", email=user.email)
        user.active = active
        user.session_version += 1
    db.session.commit()


def reset_account_two_factor(admin, user):
    """For someone who lost their app and recovery codes: two-step login is off, every
    session ends, and an admin account sets it up again at its next login."""
    if user.id == admin.id:
        raise AccountError(_("You cannot change your own role or disable your own account."))
    _reset_two_factor(user)
