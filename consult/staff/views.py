from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import ROLES
from ..suppression import SMALL, Figure, protect_total, rounded
from .queries import rounds_with_response_counts

bp = Blueprint("staff", __name__, template_folder="templates")


@bp.route("/staff/")
@role_required(*ROLES)
def home():
    if current_user.role == "translator":  # translators see only the rounds given to them
        return redirect(url_for("translate.mine"))
    # The secretariat follows live progress as a rounded total; everyone else sees the
    # released figure, which changes only with a release of k or more.
    live = current_user.has_role("designer")
    rounds = [
        (
            round_,
            Figure(rounded(count, round_.min_cell_size), round_.min_cell_size, SMALL)
            if live
            else protect_total(count, round_.min_cell_size),
        )
        for round_, count in rounds_with_response_counts(released_only=not live)
    ]
    return render_template("staff/home.html", rounds=rounds, live=live)
