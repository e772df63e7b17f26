"""The secretariat's side of access codes: network codes, and batches of invitation codes as
a printable sheet or a CSV for network focal points."""

from flask import Blueprint, redirect, render_template, url_for

from ..design.access import designers_only, load_round
from ..downloads import attachment
from ..forms import ButtonForm
from .forms import InvitationsForm
from .operations import codes_as_csv, ensure_network_codes, make_invitation_codes

bp = Blueprint("access_codes", __name__, template_folder="templates")


@bp.route("/staff/rounds/<slug>/access/network-codes", methods=["POST"])
@designers_only
def network_codes(slug):
    round_ = load_round(slug)
    if ButtonForm().validate_on_submit():
        ensure_network_codes(round_)
    return redirect(url_for("design.overview", slug=slug, _anchor="access"))


@bp.route("/staff/rounds/<slug>/access/invitations", methods=["POST"])
@designers_only
def invitations(slug):
    round_ = load_round(slug)
    form = InvitationsForm()
    if not form.validate_on_submit():
        return redirect(url_for("design.overview", slug=slug, _anchor="access"))
    codes = make_invitation_codes(round_, form.count.data or 0)
    if form.format.data == "csv":
        return attachment(codes_as_csv(codes), f"{round_.slug}-invitations.csv", "text/csv")
    address = url_for("respond.welcome", address=round_.address, _external=True)
    return render_template("access_codes/sheet.html", round=round_, codes=codes, address=address)
