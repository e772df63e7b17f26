"""Access modes: a code per network, single-use invitation codes that cannot be joined to
the responses they let in."""

import re

import pytest
from sqlalchemy import func, inspect, select, text

from consult.access_codes.models import InvitationCode, NetworkCode
from consult.design.models import Round
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Response

from .conftest import csrf_token
from .journey import demo_pages, post_page, submit


def set_access(app, slug, mode):
    with app.app_context():
        db.session.scalar(select(Round).where(Round.slug == slug)).access_mode = mode
        db.session.commit()


def start_with_code(client, code, slug="priorities-2027"):
    welcome = client.get(f"/c/{slug}/")
    assert 'name="code"' in welcome.text
    return client.post(
        f"/c/{slug}/start", data={"code": code, "csrf_token": csrf_token(welcome.text)}
    )


def answer_after_start(app, client):
    for number, data in enumerate(demo_pages(app), 1):
        assert post_page(client, number, data).status_code == 302
    assert submit(client).headers["Location"].endswith("/thanks")


def test_a_network_code_records_the_network_and_nothing_else(app, client, auth, demo_round):
    set_access(app, demo_round, "network")
    auth.login("designer")
    page = client.get(f"/staff/rounds/{demo_round}/")
    client.post(
        f"/staff/rounds/{demo_round}/access/network-codes",
        data={"csrf_token": csrf_token(page.text)},
    )
    overview = client.get(f"/staff/rounds/{demo_round}/").text
    assert "MENANPUD" in overview and "INWUD" in overview
    with app.app_context():
        code = db.session.scalar(
            select(NetworkCode.code).join(Network).where(Network.code == "MENANPUD")
        )
        menanpud = db.session.scalar(select(Network.id).where(Network.code == "MENANPUD"))
    auth.logout()
    client.delete_cookie("consult")
    assert "not valid" in start_with_code(client, "AAAA-AAAA-AA").text
    assert f'value="{code}"' in client.get(f"/c/{demo_round}/?code={code}").text
    assert start_with_code(client, code.lower()).status_code == 302
    answer_after_start(app, client)
    with app.app_context():
        assert db.session.scalars(select(Response.network_id)).all() == [menanpud]


def make_codes(app, client, auth, slug, count=3):
    auth.login("designer")
    page = client.get(f"/staff/rounds/{slug}/")
    sheet = client.post(
        f"/staff/rounds/{slug}/access/invitations",
        data={"csrf_token": csrf_token(page.text), "count": str(count), "format": "sheet"},
    )
    assert sheet.status_code == 200
    codes = re.findall(r'<strong dir="ltr">([0-9A-Z-]+)</strong>', sheet.text)
    assert len(codes) == count
    auth.logout()
    client.delete_cookie("consult")
    return codes


def test_an_invitation_code_lets_one_person_in_once(app, client, auth, demo_round):
    set_access(app, demo_round, "invitation")
    codes = make_codes(app, client, auth, demo_round)
    with app.app_context():
        stored = db.session.scalars(select(InvitationCode.code_hash)).all()
        assert not set(stored) & {c.replace("-", "") for c in codes}
    assert start_with_code(client, codes[0]).status_code == 302
    answer_after_start(app, client)
    client.delete_cookie("consult")
    again = start_with_code(client, codes[0])
    assert again.status_code == 400 and "already been used" in again.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(InvitationCode.used)) == 1
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_the_csv_of_codes(app, client, auth, demo_round):
    set_access(app, demo_round, "invitation")
    auth.login("designer")
    page = client.get(f"/staff/rounds/{demo_round}/")
    response = client.post(
        f"/staff/rounds/{demo_round}/access/invitations",
        data={"csrf_token": csrf_token(page.text), "count": "4", "format": "csv"},
    )
    lines = response.text.strip().splitlines()
    assert lines[0] == '"code"' and len(lines) == 5
    overview = client.get(f"/staff/rounds/{demo_round}/").text
    assert "Invitation codes made: 4." in overview and "Used: fewer than 5." in overview


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_designers_see_used_codes_rounded_not_moving_with_each_member(
    app, client, auth, demo_round
):
    """Watching "used" move by one as members start would time each member's arrival."""
    from consult.access_codes.operations import claim_invitation, make_invitation_codes

    set_access(app, demo_round, "invitation")
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        codes = make_invitation_codes(round_, 20)
    auth.login("designer")
    seen = []
    for code in codes[:14]:
        with app.app_context():
            round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
            assert claim_invitation(round_, code)
        page = client.get(f"/staff/rounds/{demo_round}/").text
        seen.append(re.search(r"Used: [^.]+\.", page).group(0))
    assert seen[:4] == ["Used: fewer than 5."] * 4
    assert set(seen[4:]) == {"Used: about 10."}


def test_nothing_joins_a_used_invitation_code_to_its_response(
    app, client, auth, demo_round, database
):
    """On the database itself: no column, key, time, counter or transaction in common."""
    set_access(app, demo_round, "invitation")
    codes = make_codes(app, client, auth, demo_round, count=4)
    for code in codes[:2]:
        assert start_with_code(client, code).status_code == 302
        answer_after_start(app, client)
        client.delete_cookie("consult")
    with app.app_context():
        inspector = inspect(db.engine)
        columns = {c["name"] for c in inspector.get_columns("invitation_code")}
        assert columns == {"code_hash", "round_id", "used"}
        assert not inspector.get_foreign_keys("response") or all(
            fk["referred_table"] != "invitation_code"
            for fk in inspector.get_foreign_keys("response")
        )
        assert all(
            fk["referred_table"] == "round" for fk in inspector.get_foreign_keys("invitation_code")
        )
        connection = db.session.connection()
        if connection.dialect.name == "sqlite":
            sql = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'invitation_code'")
            ).scalar()
            assert "WITHOUT ROWID" in sql
        else:
            # A code is marked used in a transaction of its own, never the response's, and
            # every code then carries that one transaction (tests/test_insiders.py).
            written = set(
                connection.execute(text("SELECT xmin::text FROM invitation_code")).scalars()
            )
            answered = set(connection.execute(text("SELECT xmin::text FROM response")).scalars())
            assert len(written) == 1 and not written & answered
