from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from wtforms import SelectChoice

from ..forms import ButtonForm
from ..i18n import native_name
from .forms import LoginForm, ProfileForm
from .operations import authenticate, set_locale

bp = Blueprint("accounts", __name__, template_folder="templates")


@bp.route("/staff/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            language = session.get("lang")
            session.clear()  # a fresh session at login: nothing carried over but the language
            if language:
                session["lang"] = language
            login_user(user)
            return redirect(_safe_next(request.args.get("next")) or url_for("staff.home"))
        flash(_("That e-mail and password do not match an account."), "error")
    return render_template("accounts/login.html", form=form)


@bp.route("/staff/logout", methods=["POST"])
@login_required
def logout():
    if ButtonForm().validate_on_submit():
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


def _safe_next(target):
    """Only a path on this site: never an address elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None
