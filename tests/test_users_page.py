"""Admins manage staff accounts in the browser: add one (its password shown once), change
its role, disable and enable it, reset its two-step login; each action in the audit log,
never on their own account."""

import re

import pytest
from sqlalchemy import select

from consult.accounts.models import User
from consult.audit import AuditEvent
from consult.extensions import db

from .conftest import csrf_token
from .test_staff_security import log_in

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def account(app, email):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge(user)
        return user


def act(client, user_id, action, **extra):
    page = client.get("/staff/users")
    return client.post(
        f"/staff/users/{user_id}",
        data={"csrf_token": csrf_token(page.text), "action": action, **extra},
        follow_redirects=True,
    )


def audit_actions(app):
    with app.app_context():
        return [event.action for event in db.session.scalars(select(AuditEvent))]


def test_an_admin_adds_an_account_whose_password_is_shown_once_and_works(app, client, auth):
    auth.login("admin")
    page = client.get("/staff/users")
    added = client.post(
        "/staff/users",
        data={
            "csrf_token": csrf_token(page.text),
            "email": " Lead@Example.org ",
            "role": "reviewer",
        },
    )
    assert added.status_code == 200
    assert "Account added" in added.text
    password = re.search(
        r'<code class="resume-code" dir="ltr" translate="no">([^<]+)</code>', added.text
    ).group(1)
    assert len(password) >= 20
    assert password not in client.get("/staff/users").text  # shown once
    assert account(app, "lead@example.org").role == "reviewer"
    assert "account.create" in audit_actions(app)
    other = app.test_client()
    assert log_in(other, "lead@example.org", password).headers["Location"].endswith("/staff/")


def test_an_email_already_used_is_refused_with_the_reason(app, client, auth, make_user):
    email = make_user("designer")
    auth.login("admin")
    page = client.get("/staff/users")
    refused = client.post(
        "/staff/users", data={"csrf_token": csrf_token(page.text), "email": email, "role": "admin"}
    )
    assert refused.status_code == 400
    assert f"An account for {email} already exists." in refused.text


def test_role_disable_enable_and_reset_two_step_login(app, client, auth, make_user):
    email = make_user("reviewer")
    user_id = account(app, email).id
    auth.login("admin")
    changed = act(client, user_id, "role", role="designer")
    assert "Role changed." in changed.text
    assert account(app, email).role == "designer"

    act(client, user_id, "disable")
    assert account(app, email).active is False
    assert log_in(app.test_client(), email).status_code == 200  # the login page again
    act(client, user_id, "enable")
    assert account(app, email).active is True
    assert log_in(app.test_client(), email).headers["Location"].endswith("/staff/")

    with app.app_context():
        db.session.get(User, user_id).totp_secret = "JBSWY3DPEHPK3PXP"
        db.session.commit()
    reset = act(client, user_id, "reset_two_factor")
    assert "Two-step login reset" in reset.text
    assert account(app, email).totp_secret is None
    actions = audit_actions(app)
    for action in ("account.role", "account.disable", "account.active", "two_factor.reset"):
        assert action in actions


def test_an_admin_does_not_change_their_own_account_here(app, client, auth):
    email = auth.login("admin")
    me = account(app, email)
    page = client.get("/staff/users").text
    assert f'id="role-{me.id}"' not in page  # no form for oneself
    refused = act(client, me.id, "role", role="reviewer")
    assert "You cannot change your own role or disable your own account." in refused.text
    act(client, me.id, "disable")
    assert account(app, email).role == "admin" and account(app, email).active


def test_only_admins_open_the_accounts_page(app, client, auth):
    auth.login("designer")
    assert client.get("/staff/users").status_code == 403
    assert 'href="/staff/users"' not in client.get("/staff/").text
    auth.logout()
    auth.login("admin")
    assert 'href="/staff/users"' in client.get("/staff/").text
