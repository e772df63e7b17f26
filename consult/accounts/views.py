from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user

from ..forms import ButtonForm
from .forms import LoginForm
from .operations import authenticate

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


def _safe_next(target):
    """Only a path on this site: never an address elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None
