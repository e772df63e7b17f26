"""Staff accounts: the create-user command, hashed passwords, login and logout."""

import pytest
from sqlalchemy import select

from consult.accounts.models import User
from consult.extensions import db

from .conftest import csrf_token


def test_create_user_reads_the_password_from_stdin(app, runner):
    result = runner.invoke(
        args=["create-user", "Lead@Example.org", "--role", "reviewer"],
        input="correct horse battery staple\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created reviewer lead@example.org" in result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "lead@example.org"
        assert "correct horse" not in user.password_hash
        assert user.password_hash.startswith("pbkdf2:sha256:1$")


def test_create_user_refuses_a_short_password_and_a_taken_email(app, runner):
    short = runner.invoke(args=["create-user", "a@example.org", "--role", "admin"], input="short\n")
    assert short.exit_code != 0
    assert "at least 12 characters" in short.output
    runner.invoke(args=["create-user", "a@example.org", "--role", "admin"], input="x" * 12 + "\n")
    again = runner.invoke(
        args=["create-user", "a@example.org", "--role", "designer"], input="y" * 12 + "\n"
    )
    assert "already exists" in again.output
    with app.app_context():
        assert db.session.scalars(select(User.role)).all() == ["admin"]


def test_create_user_refuses_an_unknown_role(runner):
    result = runner.invoke(args=["create-user", "a@example.org", "--role", "boss"], input="x" * 12)
    assert result.exit_code != 0
    assert "boss" in result.output


def test_a_wrong_password_gets_one_generic_message(client, make_user):
    email = make_user("admin")
    page = client.get("/staff/login").text
    for login in (email, "nobody@example.org"):
        response = client.post(
            "/staff/login",
            data={"email": login, "password": "not the password", "csrf_token": csrf_token(page)},
        )
        assert response.status_code == 200
        assert "That e-mail and password do not match an account." in response.text
    assert client.get("/staff/").status_code == 302


def test_login_then_logout_by_post(client, auth):
    auth.login("designer")
    assert client.get("/staff/").status_code == 200
    response = auth.logout()
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 302


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/%09/evil.example/",  # a browser drops the tab: //evil.example/
        "/%0A/evil.example/",
        "/%0D%0ASet-Cookie:%20x=1",
        "/%5Cevil.example/",
        "https://evil.example/",
        "/%E2%80%8B/evil.example/",  # a zero-width space
        "staff/",
    ],
)
def test_login_does_not_redirect_to_another_site(client, make_user, target):
    email = make_user("admin")
    page = client.get("/staff/login").text
    response = client.post(
        f"/staff/login?next={target}",
        data={"email": email, "password": "a long enough password", "csrf_token": csrf_token(page)},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"


def test_login_goes_on_to_the_page_asked_for(client, make_user):
    email = make_user("admin")
    page = client.get("/staff/login").text
    response = client.post(
        "/staff/login?next=/staff/rounds/",
        data={"email": email, "password": "a long enough password", "csrf_token": csrf_token(page)},
    )
    assert response.headers["Location"] == "/staff/rounds/"
