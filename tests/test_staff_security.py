"""Staff logins that resist guessing: throttles, session timeouts, two-step login with an
authenticator app and recovery codes, and the admins' audit log."""

import json
import re
import time
import types
from datetime import UTC, datetime, timedelta

import limits.storage.memory
import pyotp
import pytest
from sqlalchemy import select

from consult import create_app
from consult.accounts import clock
from consult.accounts.models import RecoveryCode, User
from consult.accounts.operations import enable_two_factor, find_user
from consult.audit import AuditEvent
from consult.extensions import db
from consult.networks.operations import ensure_member_networks

from .conftest import csrf_token, make_test_config

PASSWORD = "a long enough password"
ADDRESS = "203.0.113.9"
GENERIC = "That e-mail and password do not match an account."
TOO_MANY = "Too many attempts"  # the staff wording; members read "Too many tries…"


@pytest.fixture
def make_app(database):
    """Returns a function that builds the app with settings of the test's own (the limits on,
    and admins needing two-step login unless it says otherwise)."""
    apps = []

    def make(**overrides):
        uri, engine_options = database
        settings = {
            "RATELIMIT_ENABLED": True,
            "STAFF_TWO_FACTOR_REQUIRED_FOR_ADMINS": True,
            "STAFF_LOGIN_ACCOUNT_LIMIT": "100 per minute",
            "STAFF_LOGIN_CLIENT_LIMIT": "100 per hour",
            **overrides,
        }
        app = create_app(make_test_config(uri, engine_options, **settings))
        with app.app_context():
            db.create_all()
            ensure_member_networks()
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


def new_user(app, role="reviewer", email=None):
    from consult.accounts.operations import create_user

    with app.app_context():
        return create_user(email or f"{role}@example.org", PASSWORD, role).email


def client_of(app):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = ADDRESS
    return client


def log_in(client, email, password=PASSWORD, path="/staff/login"):
    page = client.get("/staff/login")
    return client.post(
        path, data={"email": email, "password": password, "csrf_token": csrf_token(page.text)}
    )


def send_code(client, code):
    page = client.get("/staff/login/code")
    assert page.status_code == 200, page.headers.get("Location")
    return client.post(
        "/staff/login/code", data={"code": code, "csrf_token": csrf_token(page.text)}
    )


def log_out(client):
    page = client.get("/staff/two-factor")  # opens even to an admin still to set it up
    return client.post("/staff/logout", data={"csrf_token": csrf_token(page.text)})


def without_tokens(html):
    return re.sub(r'value="[^"]+"', "", html)


class Clock:
    """Moves the accounts' clock (sessions and codes) without sleeping."""

    def __init__(self, monkeypatch):
        self.at = datetime.now(UTC)
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def advance(self, **delta):
        self.at += timedelta(**delta)


def move_limit_windows(monkeypatch, seconds):
    """The rate limits' counters (in memory) as they will be ``seconds`` from now."""
    moved = types.SimpleNamespace(time=lambda: time.time() + seconds)
    monkeypatch.setattr(limits.storage.memory, "time", moved)


def with_two_factor(app, email, at):
    """Turn two-step login on for an account, as the set-up page would at time ``at``;
    returns (secret, recovery codes)."""
    secret = pyotp.random_base32()
    with app.app_context():
        codes = enable_two_factor(find_user(email), secret, pyotp.TOTP(secret).at(at))
    assert codes is not None
    return secret, codes


def signed_in_with_two_factor(app, now, role="reviewer"):
    """A new account with two-step login on, signed in through both steps with its first
    recovery code; returns (client, e-mail, recovery codes)."""
    email = new_user(app, role)
    _secret, codes = with_two_factor(app, email, now.at.timestamp())
    client = client_of(app)
    log_in(client, email)
    send_code(client, codes[0])
    return client, email, codes


def audit_rows(app, action=None):
    with app.app_context():
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return [(event.user_id, event.action, event.detail) for event in db.session.scalars(query)]


# Throttling


def test_the_sixth_try_in_a_minute_for_one_account_is_refused_even_with_the_password(
    make_app, monkeypatch
):
    app = make_app(STAFF_LOGIN_ACCOUNT_LIMIT="5 per minute; 20 per hour")
    email = new_user(app)
    client = client_of(app)
    for attempt in range(5):  # one account, however its e-mail is written
        response = log_in(client, email.upper() if attempt % 2 else email, "not the password")
        assert response.status_code == 200 and GENERIC in response.text
    refused = log_in(client, email)
    assert refused.status_code == 429
    assert TOO_MANY in refused.text and "saved answers" not in refused.text
    assert 'href="/staff/"' in refused.text
    assert client.get("/staff/").status_code == 302  # not logged in
    # Another account from the same connection is not held back by this one's limit.
    assert log_in(client_of(app), new_user(app, "designer")).status_code == 302
    move_limit_windows(monkeypatch, 61)
    assert log_in(client, email).status_code == 302
    assert client.get("/staff/").status_code == 200


def test_one_connection_is_throttled_across_accounts(make_app):
    app = make_app(STAFF_LOGIN_CLIENT_LIMIT="3 per hour")
    email = new_user(app)
    client = client_of(app)
    for guess in ("a@example.org", "b@example.org", "c@example.org"):
        assert log_in(client, guess, "not the password").status_code == 200
    refused = log_in(client, email)
    assert refused.status_code == 429 and TOO_MANY in refused.text
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    assert log_in(elsewhere, email).status_code == 302


def test_the_login_counters_hold_no_e_mail_and_no_address(make_app):
    from consult.ratelimit import limiter

    app = make_app()
    email = new_user(app)
    log_in(client_of(app), email.upper(), "not the password")
    keys = list(limiter.storage.storage)
    assert any("staff-account:" in key for key in keys) and any(
        "staff-client:" in key for key in keys
    )
    for key in keys:
        assert "example.org" not in key.lower() and ADDRESS not in key


def test_an_unknown_e_mail_and_a_wrong_password_answer_alike(make_app):
    app = make_app(STAFF_LOGIN_ACCOUNT_LIMIT="2 per minute")
    email = new_user(app)
    answers = {}
    for login in (email, "nobody@example.org"):
        client = client_of(app)
        answers[login] = [log_in(client, login, "not the password") for _ in range(3)]
    known, unknown = answers[email], answers["nobody@example.org"]
    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [200, 200, 429]
    for a, b in zip(known, unknown, strict=True):
        assert without_tokens(a.text) == without_tokens(b.text)
    assert GENERIC in known[0].text


def test_the_code_step_is_throttled_too(make_app, monkeypatch):
    app = make_app(STAFF_LOGIN_ACCOUNT_LIMIT="3 per minute")
    email = new_user(app)
    now = Clock(monkeypatch)
    secret, _codes = with_two_factor(app, email, now.at.timestamp())
    client = client_of(app)
    assert log_in(client, email).status_code == 302
    for _ in range(3):
        assert send_code(client, "000000").status_code == 200
    right = pyotp.TOTP(secret).at(now.at.timestamp() + 30)
    page = client.get("/staff/login/code")
    refused = client.post(
        "/staff/login/code", data={"code": right, "csrf_token": csrf_token(page.text)}
    )
    assert refused.status_code == 429


# Audit of logins


def test_failed_logins_are_recorded_without_address_or_password(make_app):
    app = make_app()
    email = new_user(app)
    client = client_of(app)
    guess = "hunter2 correct horse"
    log_in(client, email, guess)
    log_in(client, "nobody@example.org", guess)
    log_in(client, email)
    with app.app_context():
        user_id = find_user(email).id
    failed = audit_rows(app, "login.failed")
    assert [(who, detail) for who, _, detail in failed] == [
        (user_id, {"step": "password"}),
        (None, {"step": "password"}),
    ]
    assert audit_rows(app, "login") == [(user_id, "login", {"method": "password"})]
    with app.app_context():
        stored = json.dumps(
            [
                [str(value) for value in row]
                for row in db.session.execute(select(AuditEvent.__table__)).all()
            ]
        )
    assert ADDRESS not in stored and guess not in stored and "nobody@" not in stored


# Sessions


def test_the_session_cookie_changes_at_login_and_a_copy_is_useless_after_logout(make_app):
    app = make_app()
    email = new_user(app)
    client = client_of(app)
    client.get("/staff/login")
    before = client.get_cookie("consult").value
    assert log_in(client, email).status_code == 302
    during = client.get_cookie("consult").value
    assert during != before
    assert client.get("/staff/").status_code == 200
    assert log_out(client).status_code == 302
    thief = client_of(app)
    thief.set_cookie("consult", during)
    response = thief.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_a_session_ends_after_the_idle_time(make_app, monkeypatch):
    app = make_app(STAFF_IDLE_MINUTES=30)
    now = Clock(monkeypatch)
    client = client_of(app)
    log_in(client, new_user(app))
    now.advance(minutes=29)
    assert client.get("/staff/").status_code == 200
    now.advance(minutes=29)  # 29 minutes after the last request: still in
    assert client.get("/staff/").status_code == 200
    now.advance(minutes=31)
    response = client.get("/staff/?x=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/login?next=/staff/?x%3D1"
    page = client.get(response.headers["Location"])
    assert "You were logged out after 30 minutes without activity." in page.text
    now.advance(minutes=-60)  # no way back into the ended session
    assert client.get("/staff/").status_code == 302


def test_a_session_ends_hours_after_login_however_busy(make_app, monkeypatch):
    app = make_app(STAFF_SESSION_HOURS=12)
    now = Clock(monkeypatch)
    client = client_of(app)
    log_in(client, new_user(app))
    for _ in range(28):  # a request every 25 minutes: 11 hours 40 minutes
        now.advance(minutes=25)
        assert client.get("/staff/").status_code == 200
    now.advance(minutes=25)
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    page = client.get(response.headers["Location"])
    assert "a staff session lasts at most 12 hours" in page.text


# Two-step login


def test_an_admin_without_two_step_login_is_sent_to_set_it_up(make_app):
    app = make_app()
    client = client_of(app)
    response = log_in(client, new_user(app, "admin"))
    assert response.headers["Location"] == "/staff/two-factor"
    for path in ("/staff/", "/staff/profile", "/staff/audit", "/staff/rounds/new"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"] == "/staff/two-factor", path
    assert "Admins must use two-step login" in client.get("/staff/two-factor").text
    assert log_out(client).headers["Location"] == "/"
    assert client.get("/staff/").headers["Location"].startswith("/staff/login")


def test_setting_up_two_step_login_needs_a_current_code(make_app, caplog):
    app = make_app()
    client = client_of(app)
    email = new_user(app, "admin")
    log_in(client, email)
    page = client.get("/staff/two-factor").text
    secret = re.search(r"secret=([A-Z2-7]+)", page).group(1)
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    assert "otpauth://totp/consult:" in page
    wrong = client.post(
        "/staff/two-factor", data={"code": "123456", "csrf_token": csrf_token(page)}
    )
    assert wrong.status_code == 400 and "That code is not right." in wrong.text
    assert client.get("/staff/").headers["Location"] == "/staff/two-factor"
    again = client.get("/staff/two-factor").text
    assert secret in again  # the same key until it is confirmed
    done = client.post(
        "/staff/two-factor",
        data={"code": pyotp.TOTP(secret).now(), "csrf_token": csrf_token(again)},
    )
    assert done.status_code == 200
    codes = re.findall(r">([a-z2-9]{5}-[a-z2-9]{5})<", done.text)
    assert len(set(codes)) == 10
    assert client.get("/staff/").status_code == 200
    with app.app_context():
        user = find_user(email)
        assert user.totp_secret == secret
        hashes = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(hashes) == 10 and not any(
        code.replace("-", "") in h for code in codes for h in hashes
    )
    assert "two_factor.enable" in [action for _, action, _ in audit_rows(app)]
    assert secret not in json.dumps(audit_rows(app)) and secret not in caplog.text


def test_login_with_two_step_login_needs_the_code_and_refuses_a_used_one(make_app, monkeypatch):
    app = make_app()
    email = new_user(app, "admin")
    now = Clock(monkeypatch)
    secret, _codes = with_two_factor(app, email, now.at.timestamp())
    totp = pyotp.TOTP(secret)
    client = client_of(app)
    response = log_in(client, email)
    assert response.headers["Location"] == "/staff/login/code"
    assert client.get("/staff/").status_code == 302  # the password alone is not enough
    wrong = send_code(client, "000000")
    assert wrong.status_code == 200 and "That code is not right." in wrong.text
    # The code the set-up used is refused: each code works once.
    assert send_code(client, totp.at(now.at.timestamp())).status_code == 200
    code = totp.at(now.at.timestamp() + 30)  # the next one, within the window
    assert send_code(client, code).headers["Location"] == "/staff/"
    assert client.get("/staff/audit").status_code == 200
    log_out(client)
    log_in(client, email)
    reused = send_code(client, code)
    assert reused.status_code == 200 and "That code is not right." in reused.text
    now.advance(seconds=60)
    assert send_code(client, totp.at(now.at.timestamp())).status_code == 302
    with app.app_context():
        user_id = find_user(email).id
    assert [d for who, a, d in audit_rows(app) if a == "login.failed" and who == user_id] == [
        {"step": "code"}
    ] * 3
    assert [d for _, a, d in audit_rows(app) if a == "login"] == [{"method": "code"}] * 2
    # The audit log says it in words, in the admin's language.
    assert "method: <bdi>a code from the app</bdi>" in client.get("/staff/audit").text
    arabic = client.get("/staff/audit?lang=ar").text
    assert "رمز من التطبيق" in arabic and "a code from the app" not in arabic


def test_a_recovery_code_works_once(make_app, monkeypatch):
    app = make_app()
    email = new_user(app)
    now = Clock(monkeypatch)
    _secret, codes = with_two_factor(app, email, now.at.timestamp())
    client = client_of(app)
    log_in(client, email)
    assert send_code(client, codes[3].upper().replace("-", " ")).status_code == 302
    log_out(client)
    log_in(client, email)
    again = send_code(client, codes[3])
    assert again.status_code == 200 and "That code is not right." in again.text
    assert send_code(client, codes[4]).status_code == 302
    with app.app_context():
        assert db.session.query(RecoveryCode).count() == 8
    assert "You have 8 recovery codes left." in client.get("/staff/two-factor").text


def test_the_code_page_waits_five_minutes(make_app, monkeypatch):
    app = make_app()
    email = new_user(app)
    now = Clock(monkeypatch)
    secret, _codes = with_two_factor(app, email, now.at.timestamp())
    client = client_of(app)
    log_in(client, email)
    now.advance(minutes=6)
    response = client.get("/staff/login/code")
    assert response.headers["Location"] == "/staff/login"
    assert "That took too long. Please log in again." in client.get("/staff/login").text
    assert client.get("/staff/").status_code == 302


def test_turning_two_step_login_off_needs_the_password_and_admins_cannot(make_app, monkeypatch):
    app = make_app()
    now = Clock(monkeypatch)
    client, reviewer, _codes = signed_in_with_two_factor(app, now)
    page = client.get("/staff/two-factor").text
    wrong = client.post(
        "/staff/two-factor/off",
        data={"off-password": "not the password", "csrf_token": csrf_token(page)},
    )
    assert wrong.status_code == 400 and "That password is not right." in wrong.text
    with app.app_context():
        assert find_user(reviewer).totp_secret is not None
    done = client.post(
        "/staff/two-factor/off", data={"off-password": PASSWORD, "csrf_token": csrf_token(page)}
    )
    assert done.headers["Location"] == "/staff/two-factor"
    assert client.get("/staff/").status_code == 200  # this session goes on
    with app.app_context():
        assert find_user(reviewer).totp_secret is None
        assert db.session.query(RecoveryCode).count() == 0
    log_out(client)
    assert log_in(client, reviewer).headers["Location"] == "/staff/"

    client, _admin, _codes = signed_in_with_two_factor(app, now, "admin")
    page = client.get("/staff/two-factor").text
    assert "Admins must keep two-step login on." in page
    refused = client.post(
        "/staff/two-factor/off", data={"off-password": PASSWORD, "csrf_token": csrf_token(page)}
    )
    assert refused.status_code == 403


def test_new_recovery_codes_replace_the_old_ones(make_app, monkeypatch):
    app = make_app()
    now = Clock(monkeypatch)
    client, email, old = signed_in_with_two_factor(app, now, "admin")
    page = client.get("/staff/two-factor").text
    response = client.post(
        "/staff/two-factor/recovery-codes",
        data={"codes-password": PASSWORD, "csrf_token": csrf_token(page)},
    )
    new = re.findall(r">([a-z2-9]{5}-[a-z2-9]{5})<", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    log_out(client)
    log_in(client, email)
    assert send_code(client, old[1]).status_code == 200
    assert send_code(client, new[0]).status_code == 302


def test_a_forgotten_phone_is_reset_from_the_command_line(make_app, monkeypatch):
    app = make_app()
    now = Clock(monkeypatch)
    client, email, _codes = signed_in_with_two_factor(app, now, "admin")
    result = app.test_cli_runner().invoke(args=["reset-two-factor", email])
    assert result.exit_code == 0, result.output
    assert client.get("/staff/").headers["Location"].startswith("/staff/login")
    assert log_in(client, email).headers["Location"] == "/staff/two-factor"
    assert [d for _, a, d in audit_rows(app) if a == "two_factor.reset"] == [{"email": email}]


# The audit log


def entries(audit_page):
    """The audit log's entries: what comes after its filters' form (whose kinds of action
    list every name)."""
    return audit_page.split('class="filter"', 1)[1].split("</form>", 1)[1]


def test_admins_read_failed_logins_and_role_changes_in_the_audit_log(app, client, auth):
    from consult.accounts.operations import create_user

    with app.app_context():
        create_user("lead@example.org", PASSWORD, "reviewer")
    other = app.test_client()
    log_in(other, "lead@example.org", "not the password")
    result = app.test_cli_runner().invoke(
        args=["set-role", "lead@example.org", "--role", "designer"]
    )
    assert result.exit_code == 0, result.output
    admin = auth.login("admin")
    page = client.get("/staff/audit")
    assert page.status_code == 200
    text = entries(page.text)
    assert "<bdi>lead@example.org</bdi>" in text and f"<bdi>{admin}</bdi>" in text
    assert "Failed to log in" in text and "Changed an account's role" in text
    assert "Added an account" in text and "login.failed" not in text
    assert "before: <bdi>Reviewer</bdi>" in text and "new: <bdi>Designer</bdi>" in text
    french = entries(client.get("/staff/audit?lang=fr").text)
    assert "Changed an account" not in french and "Added an account" not in french
    assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d</td>", text)
    only_roles = client.get("/staff/audit?action=account.role&lang=en").text
    # The kind of action is chosen by its name; the rows below the form are of that kind.
    assert '<option value="account.role" selected>Changed an account\'s role</option>' in (
        only_roles
    )
    rows = entries(only_roles)
    assert "Changed an account's role" in rows and "Failed to log in" not in rows
    with app.app_context():
        assert db.session.scalar(select(User.role).where(User.email == "lead@example.org")) == (
            "designer"
        )


def test_the_audit_log_pages_and_filters_by_round(app, client, auth, demo_round):
    from consult.design.models import Round

    with app.app_context():
        round_id = db.session.scalar(select(Round.id).where(Round.slug == demo_round))
        for number in range(150):
            db.session.add(AuditEvent(action="test.event", detail={"n": number}))
        db.session.add(AuditEvent(action="round.status", round_id=round_id, detail={}))
        db.session.commit()
    auth.login("admin")
    first = client.get("/staff/audit?action=test.").text
    assert first.count("<td>test.event</td>") == 100
    assert "page=2" in first and "Older" in first
    second = client.get("/staff/audit?action=test.&page=2").text
    assert second.count("<td>test.event</td>") == 50 and "Older" not in second
    by_round = client.get(f"/staff/audit?round={round_id}").text
    assert "Changed a round's status" in by_round and "test.event" not in by_round


def test_the_audit_log_is_for_admins_only(client, auth):
    auth.login("reviewer")
    assert client.get("/staff/audit").status_code == 403


def test_an_expired_staff_form_says_nothing_was_changed_not_that_answers_are_kept(make_app):
    app = make_app()
    client = client_of(app)
    client.get("/staff/login")
    expired = client.post(
        "/staff/login", data={"email": "a@example.org", "password": "x", "csrf_token": "old"}
    )
    assert expired.status_code == 400
    assert "This page has expired" in expired.text and "Nothing was changed" in expired.text
    assert "saved answers" not in expired.text


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_audit_log_is_one_click_from_an_admins_staff_home_and_hidden_from_others(
    app, client, auth
):
    auth.login("admin")
    assert 'href="/staff/audit">Audit log</a>' in client.get("/staff/").text
    auth.logout()
    auth.login("designer")
    assert 'href="/staff/audit"' not in client.get("/staff/").text


def test_every_action_the_code_records_has_a_name_in_the_audit_log():
    """A new action recorded without a name would show as its code to admins."""
    from pathlib import Path

    from consult.audit import ACTION_NAMES

    source = "\n".join(
        path.read_text() for path in (Path(__file__).parent.parent / "consult").rglob("*.py")
    )
    recorded = set(
        re.findall(
            r'(?:record|_record_for|_add_new_round)\(\s*(?:[\w.]+,\s*)?"([a-z_]+(?:\.[a-z_]+)?)"',
            source,
        )
    )
    assert len(recorded) > 30
    assert recorded <= set(ACTION_NAMES)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_audit_log_filters_by_person_and_by_days(app, client, auth, make_user):

    lead = make_user("reviewer")
    admin = auth.login("admin")
    with app.app_context():
        lead_id = db.session.scalar(select(User.id).where(User.email == lead))
        for day, user_id in ((1, lead_id), (2, lead_id), (3, None)):
            db.session.add(
                AuditEvent(
                    action="test.event",
                    user_id=user_id,
                    at=datetime(2026, 11, day, 23, 30, tzinfo=UTC),
                    detail={"day": day},
                )
            )
        db.session.commit()
    by_lead = client.get(f"/staff/audit?action=test.&who={lead_id}").text
    assert by_lead.count("<td>test.event</td>") == 2 and "day: <bdi>3</bdi>" not in by_lead
    second_day = client.get("/staff/audit?action=test.&since=2026-11-02&until=2026-11-02").text
    assert second_day.count("<td>test.event</td>") == 1 and "day: <bdi>2</bdi>" in second_day
    assert 'value="2026-11-02"' in second_day
    ignored = client.get("/staff/audit?action=test.&since=not-a-day&who=99999999999999").text
    assert ignored.count("<td>test.event</td>") == 3
    assert f"<bdi>{admin}</bdi>" not in by_lead
