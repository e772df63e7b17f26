"""The admins' pages (on the accounts blueprint): staff accounts (add one, change its role,
disable or enable it, reset its two-step login) and the audit log of staff actions."""

from datetime import UTC, date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..audit import ACTION_NAMES, DETAIL_NAMES, audit_log_query, rounds_to_filter_by
from ..extensions import db
from ..forms import ButtonForm, whole_number
from .access import role_required
from .forms import ROLE_NAMES, AccountActionForm, AddAccountForm
from .models import User
from .operations import AccountError, add_account, change_account, reset_account_two_factor
from .views import bp

AUDIT_PAGE_SIZE = 100


@bp.route("/staff/users", methods=["GET", "POST"])
@role_required("admin")
def users():
    """Staff accounts: add one (its password shown once), and each one's role and state."""
    form = AddAccountForm()
    if form.validate_on_submit():
        try:
            user, password = add_account(form.email.data, form.role.data)
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            return render_template(
                "accounts/added.html", user=user, password=password, role_names=ROLE_NAMES
            )
    accounts = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template(
        "accounts/users.html",
        form=form,
        accounts=accounts,
        buttons=ButtonForm(),
        role_names=ROLE_NAMES,
    ), (400 if form.errors else 200)


@bp.post("/staff/users/<int:user_id>")
@role_required("admin")
def change_user(user_id):
    """One admin action on one account: another role, disable, enable, reset two-step."""
    user = db.get_or_404(User, user_id)
    form = AccountActionForm()
    if not form.validate_on_submit() or form.action.data not in ACCOUNT_ACTIONS:
        abort(400)
    action, role = form.action.data, form.role.data
    try:
        if action == "reset_two_factor":
            reset_account_two_factor(current_user, user)
        else:
            change_account(
                current_user,
                user,
                role=role if action == "role" else None,
                active={"disable": False, "enable": True}.get(action),
            )
    except AccountError as error:
        flash(str(error), "error")
    else:
        flash(ACCOUNT_ACTIONS[action], "status")
    return redirect(url_for(".users", _anchor=f"user-{user.id}"))


#: How a login was made (or which step of it failed), as the audit log stores it.
LOGIN_STEPS = {
    "password": _l("password"),
    "code": _l("a code from the app"),
    "recovery code": _l("a recovery code"),
}

#: What each action on an account says once done.
ACCOUNT_ACTIONS = {
    "role": _l("Role changed."),
    "disable": _l("Account disabled: its sessions have ended."),
    "enable": _l("Account enabled."),
    "reset_two_factor": _l("Two-step login reset: they set it up again at their next login."),
}


@bp.route("/staff/audit")
@role_required("admin")
def audit_log():
    action = request.args.get("action", "").strip()[:60]
    round_id = request.args.get("round", type=whole_number)
    user_id = request.args.get("who", type=whole_number)
    since = request.args.get("since", type=_day)
    until = request.args.get("until", type=_day)
    page = max(request.args.get("page", 1, type=whole_number), 1)
    events = db.paginate(
        audit_log_query(action, round_id, user_id=user_id, since=since, until=until),
        page=page,
        per_page=AUDIT_PAGE_SIZE,
        error_out=False,  # a page past the end is empty, with its link to newer events
    )
    rounds = rounds_to_filter_by()
    titles = {r.id: r.text("title", r.source_language) or r.slug for r in rounds}
    filters = {
        "action": action or None,
        "round": round_id,
        "who": user_id,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    return render_template(
        "accounts/audit.html",
        action_names=ACTION_NAMES,
        rows=[_audit_row(event, titles) for event in events],
        rounds=rounds,
        titles=titles,
        action=action,
        round_id=round_id,
        staff=db.session.scalars(select(User).order_by(User.email)).all(),
        user_id=user_id,
        since=filters["since"],
        until=filters["until"],
        pages=events,
        filters=filters,
    )


def _day(text):
    """A day typed as YYYY-MM-DD (what a date field sends); ValueError otherwise."""
    return date.fromisoformat(text)


def _audit_row(event, titles):
    at = event.at if event.at.tzinfo is None else event.at.astimezone(UTC)
    if event.user is not None:
        who = event.user.email
    elif event.action.startswith("login"):
        who = None  # a failed login with an e-mail that has no account
    else:
        who = ""  # the command line
    return {
        "at": at.strftime("%Y-%m-%d %H:%M"),
        "email": who,
        "action": event.action,
        "round": titles.get(event.round_id) if event.round_id is not None else None,
        "detail": [
            (DETAIL_NAMES.get(key, key.replace("_", " ")), _detail_value(event, key, value))
            for key, value in (event.detail or {}).items()
        ],
    }


def _detail_value(event, key, value):
    """A value as the admin reads it: an account's role by its name, how a login was made
    in words, lists joined."""
    if event.action.startswith("account.") and key in ("role", "old", "new"):
        return ROLE_NAMES.get(value, value)
    if event.action.startswith("login") and key in ("method", "step"):
        return LOGIN_STEPS.get(value, value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value
