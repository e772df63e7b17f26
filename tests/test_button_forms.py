"""The staff's one-value forms (a library block, a saved page's name, a copy's address, an
account action, a batch of invitation codes) read through WTForms: what they refuse, they
refuse as before, with nothing written."""

import re

import pytest
from sqlalchemy import func, select

from consult.accounts.models import User
from consult.design.library import QuestionBlock
from consult.design.models import Round
from consult.extensions import db

from .builder import Builder
from .conftest import csrf_token

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("block", ["", "abc", "-3", "0", str(2**40)])
def test_a_block_that_is_not_a_number_of_the_library_is_not_found(
    app, client, auth, demo_round, block
):
    auth.login("designer")
    response = Builder(app, client).post(f"/staff/rounds/{demo_round}/blocks", block=block)
    assert response.status_code == 404


def test_a_page_saved_under_a_blank_name_is_not_saved(app, client, auth, demo_round):
    auth.login("designer")
    builder = Builder(app, client)
    section_id = builder.section_ids(demo_round)[1]
    before = count(app, QuestionBlock)
    path = f"/staff/rounds/{demo_round}/sections/{section_id}/save-block"
    assert builder.post(path, name="   ").status_code == 302
    assert count(app, QuestionBlock) == before
    builder.post(path, name="  " + "x" * 250 + "  ")
    with app.app_context():
        names = db.session.scalars(select(QuestionBlock.name)).all()
    assert {"en": "x" * 200} in names  # cut to the library's 200 characters, spaces gone


def test_a_copy_takes_the_address_as_typed_without_spaces(app, client, auth, demo_round):
    auth.login("designer")
    response = Builder(app, client).post(f"/staff/rounds/{demo_round}/copy", slug="  copy-2028 ")
    assert response.headers["Location"].endswith("/staff/rounds/copy-2028/")
    assert count(app, Round) == 2


@pytest.mark.parametrize(
    "data", [{"action": "role", "role": "owner"}, {"action": "promote"}, {"action": "role"}]
)
def test_an_account_action_the_page_does_not_offer_is_refused(app, client, auth, make_user, data):
    email = make_user("translator")
    auth.login("admin")
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
    token = csrf_token(client.get("/staff/users").text)
    response = client.post(f"/staff/users/{user_id}", data={"csrf_token": token, **data})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(User, user_id).role == "translator"


@pytest.mark.parametrize(("asked", "made"), [("3", 3), ("0", 1), ("", 1), ("99999", 5000)])
def test_a_batch_of_invitations_is_one_to_five_thousand_codes(
    app, client, auth, demo_round, asked, made
):
    auth.login("designer")
    token = csrf_token(client.get(f"/staff/rounds/{demo_round}/").text)
    sheet = client.post(
        f"/staff/rounds/{demo_round}/access/invitations",
        data={"csrf_token": token, "count": asked, "format": "sheet"},
    )
    assert sheet.status_code == 200
    assert len(re.findall(r'<strong dir="ltr">([0-9A-Z-]+)</strong>', sheet.text)) == made
