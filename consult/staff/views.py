from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import ROLES
from ..suppression import protect_total
from .queries import rounds_with_response_counts

bp = Blueprint("staff", __name__, template_folder="templates")


@bp.route("/staff/")
@role_required(*ROLES)
def home():
    if current_user.role == "translator":  # translators see only the rounds given to them
        return redirect(url_for("translate.mine"))
    rounds = [
        (round_, protect_total(count, round_.min_cell_size))
        for round_, count in rounds_with_response_counts()
    ]
    return render_template("staff/home.html", rounds=rounds)
