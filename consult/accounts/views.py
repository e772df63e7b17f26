"""Staff login (password, then a code when two-step login is on), logout, and the staff
member's own settings (language, two-step login, recovery codes). The admins' pages, staff
accounts and the audit log, are in ``admin_views``, on the same blueprint.

A staff session keeps, in the signed cookie, when it logged in and when it was last used; a
check before every request ends it after ``STAFF_IDLE_MINUTES`` without a request or
``STAFF_SESSION_HOURS`` after the login.
"""

import unicodedata
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from wtforms import SelectChoice

from ..extensions import db
from ..forms import ButtonForm
from ..i18n import native_name
from ..ratelimit import limiter, login_account_key, staff_account_key, staff_client_key
from . import clock, twofactor
from .forms import (
    LoginCodeForm,
    LoginForm,
    PasswordForm,
    ProfileForm,
    SetUpCodeForm,
)
from .models import User
from .operations import (
    check_password,
    disable_two_factor,
    enable_two_factor,
    end_sessions,
    new_recovery_codes,
    password_login,
    record_login,
    recovery_codes_left,
    second_factor_login,
    set_locale,
    two_factor_required,
)

bp = Blueprint("accounts", __name__, template_folder="templates")

#: Session keys: when the session logged in and was last used (seconds since the epoch), a
#: login waiting for its code, and the secret of a two-step set-up not yet confirmed.
LOGIN_AT = "staff_login_at"
SEEN_AT = "staff_seen_at"
PENDING = "staff_pending"
SETTING_UP = "staff_totp_set_up"
#: How long the code page waits after the password.
PENDING_SECONDS = 5 * 60
#: What an admin who must set up two-step login may still open.
OPEN_BEFORE_SET_UP = {"accounts.two_factor", "accounts.logout", "static"}


def _account_limit():
    return current_app.config["STAFF_LOGIN_ACCOUNT_LIMIT"]


def _client_limit():
    return current_app.config["STAFF_LOGIN_CLIENT_LIMIT"]


def _pending_account_key():
    user = _pending_user()
    return staff_account_key(user.email if user is not None else "")


def _current_account_key():
    return staff_account_key(current_user.email if current_user.is_authenticated else "")


@bp.before_app_request
def check_staff_session():
    """Ends a staff session that was idle or is too old, and keeps an admin who must set up
    two-step login on the set-up page."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    config = current_app.config
    now = clock.timestamp()
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    hours, minutes = config["STAFF_SESSION_HOURS"], config["STAFF_IDLE_MINUTES"]
    if not isinstance(login_at, int) or not isinstance(seen_at, int):
        return _end_session(_("Your session has ended. Please log in again."))
    if now - login_at >= hours * 3600:
        return _end_session(
            _(
                "You were logged out: a staff session lasts at most %(hours)d hours. "
                "Please log in again.",
                hours=hours,
            )
        )
    if now - seen_at >= minutes * 60:
        return _end_session(
            _(
                "You were logged out after %(minutes)d minutes without activity. "
                "Please log in again.",
                minutes=minutes,
            )
        )
    if now - seen_at >= 60:  # to the minute: the cookie need not change on every request
        session[SEEN_AT] = now
    if (
        two_factor_required(current_user)
        and not current_user.two_factor_enabled
        and request.endpoint not in OPEN_BEFORE_SET_UP
    ):
        return redirect(url_for("accounts.two_factor"))
    return None


@bp.route("/staff/login", methods=["GET", "POST"])
@limiter.limit(_account_limit, key_func=login_account_key, methods=["POST"])
@limiter.limit(_client_limit, key_func=staff_client_key, methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = password_login(form.email.data, form.password.data)
        if user is not None:
            target = _safe_next(request.args.get("next"))
            if not user.two_factor_enabled:
                return _complete_login(user, target, "password")
            _fresh_session()
            session[PENDING] = {
                "user": user.id,
                "version": user.session_version,
                "since": clock.timestamp(),
                "next": target,
            }
            return redirect(url_for("accounts.login_code"))
        flash(_("That e-mail and password do not match an account."), "error")
    return render_template("accounts/login.html", form=form)


@bp.route("/staff/login/code", methods=["GET", "POST"])
@limiter.limit(_account_limit, key_func=_pending_account_key, methods=["POST"])
@limiter.limit(_client_limit, key_func=staff_client_key, methods=["POST"])
def login_code():
    if current_user.is_authenticated:
        return redirect(url_for("staff.home"))
    user = _pending_user()
    if user is None:
        if session.pop(PENDING, None) is not None:
            flash(_("That took too long. Please log in again."), "error")
        return redirect(url_for("accounts.login"))
    form = LoginCodeForm()
    if form.validate_on_submit():
        method = second_factor_login(user, form.code.data)
        if method is not None:
            return _complete_login(user, session[PENDING].get("next"), method)
        form.code.errors.append(_("That code is not right. Please try again."))
    return render_template("accounts/login_code.html", form=form)


@bp.route("/staff/logout", methods=["POST"])
@login_required
def logout():
    if ButtonForm().validate_on_submit():
        end_sessions(current_user._get_current_object())
        logout_user()
        session.clear()
    return redirect(url_for("respond.home"))


@bp.route("/staff/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(
        data=None if request.method == "POST" else {"locale": current_user.locale or ""}
    )
    form.locale.choices = [SelectChoice("", _("Follow my browser"))] + [
        SelectChoice(code, native_name(code)) for code in current_app.config["LANGUAGES"]
    ]
    if form.validate_on_submit():
        set_locale(current_user, form.locale.data or None)
        session.pop("lang", None)  # the profile now decides, not an earlier ?lang= choice
        return redirect(url_for("staff.home"))
    return render_template("accounts/profile.html", form=form)


@bp.route("/staff/two-factor", methods=["GET", "POST"])
@login_required
def two_factor():
    """Set-up while two-step login is off; otherwise what there is to do with it."""
    user = current_user._get_current_object()
    if user.two_factor_enabled:
        return _two_factor_page(user)
    secret = session.get(SETTING_UP)
    if not secret:
        secret = session[SETTING_UP] = twofactor.new_secret()
    form = SetUpCodeForm()
    status = 200
    if form.validate_on_submit():
        codes = enable_two_factor(user, secret, form.code.data)
        if codes is not None:
            session.pop(SETTING_UP, None)
            login_user(user)  # other sessions of the account end; this one goes on
            return render_template("accounts/recovery_codes.html", codes=codes, first=True)
        form.code.errors.append(
            _("That code is not right. Check that your phone shows the right time, then try again.")
        )
        status = 400
    page = render_template(
        "accounts/two_factor_set_up.html",
        form=form,
        secret=twofactor.grouped(secret),
        uri=twofactor.provisioning_uri(secret, user.email),
        required=two_factor_required(user),
    )
    return page, status


@bp.route("/staff/two-factor/off", methods=["POST"])
@limiter.limit(_account_limit, key_func=_current_account_key)
@login_required
def turn_off_two_factor():
    user = current_user._get_current_object()
    if not user.two_factor_enabled:
        return redirect(url_for("accounts.two_factor"))
    if two_factor_required(user):
        abort(403)
    form = PasswordForm(prefix="off")
    if form.validate_on_submit() and check_password(user, form.password.data):
        disable_two_factor(user)
        login_user(user)
        flash(_("Two-step login is off."), "status")
        return redirect(url_for("accounts.two_factor"))
    _wrong_password(form)
    return _two_factor_page(user, off_form=form), 400


@bp.route("/staff/two-factor/recovery-codes", methods=["POST"])
@limiter.limit(_account_limit, key_func=_current_account_key)
@login_required
def replace_recovery_codes():
    user = current_user._get_current_object()
    if not user.two_factor_enabled:
        return redirect(url_for("accounts.two_factor"))
    form = PasswordForm(prefix="codes")
    if form.validate_on_submit() and check_password(user, form.password.data):
        return render_template("accounts/recovery_codes.html", codes=new_recovery_codes(user))
    _wrong_password(form)
    return _two_factor_page(user, codes_form=form), 400


def _two_factor_page(user, off_form=None, codes_form=None):
    return render_template(
        "accounts/two_factor.html",
        off_form=off_form or PasswordForm(prefix="off", formdata=None),
        codes_form=codes_form or PasswordForm(prefix="codes", formdata=None),
        required=two_factor_required(user),
        codes_left=recovery_codes_left(user),
    )


def _wrong_password(form):
    if form.is_submitted() and not form.password.errors:
        form.password.errors = [_("That password is not right.")]


def _pending_user():
    """The account whose password was right a moment ago, waiting for its code."""
    if "pending_user" not in g:
        g.pending_user = None
        pending = session.get(PENDING)
        if isinstance(pending, dict) and isinstance(pending.get("user"), int):
            fresh = clock.timestamp() - pending.get("since", 0) < PENDING_SECONDS
            user = db.session.get(User, pending["user"]) if fresh else None
            if (
                user is not None
                and user.active
                and user.two_factor_enabled
                and user.session_version == pending.get("version")
            ):
                g.pending_user = user
    return g.pending_user


def _complete_login(user, target, method):
    _fresh_session()
    login_user(user)
    now = clock.timestamp()
    session[LOGIN_AT] = session[SEEN_AT] = now
    record_login(user, method)
    if two_factor_required(user) and not user.two_factor_enabled:
        return redirect(url_for("accounts.two_factor"))
    return redirect(target or url_for("staff.home"))


def _end_session(message):
    logout_user()
    _fresh_session()
    flash(message, "status")
    target = _safe_next(request.full_path.rstrip("?")) if request.method == "GET" else None
    return redirect(url_for("accounts.login", next=target))


def _fresh_session():
    """A new session, nothing carried over but the language: the cookie changes at login."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def _safe_next(target):
    """Only a path on this site: never an address elsewhere. Browsers drop tabs and line
    breaks from an address ("/<tab>/evil.example" becomes "//evil.example"), so a target
    with any control character or space is refused, as is one that names a host."""
    if not target or any(unicodedata.category(c)[0] in "CZ" for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return None if "\\" in target else target
