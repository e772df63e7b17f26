"""What staff type into an address or a title cannot reach the database as an error or
pass for something else: numbers too large for it are "not found" or the default, and
invisible characters that reorder or hide text are taken out of titles (consult.text) and
refused in addresses."""

import pytest
from sqlalchemy import select

from consult.codebooks.operations import seed_starter_codebook
from consult.coding.operations import use_codebook
from consult.design.models import Round
from consult.extensions import db

from .builder import Builder
from .conftest import release_next_day

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "query",
    [
        f"page={HUGE}",
        f"page=-{HUGE}",
        f"question={HUGE}&theme={HUGE}",
        "page=2147483648",
    ],
)
def test_huge_numbers_in_the_coding_page_query_answer_the_page(
    app, client, auth, demo_round, query
):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        use_codebook(round_, seed_starter_codebook())
    release_next_day(app, demo_round)
    auth.login("reviewer")
    response = client.get(f"/staff/rounds/{demo_round}/coding?{query}")
    assert response.status_code == 200, response.status_code
    assert '<ol class="coding">' in response.text


def test_huge_numbers_in_the_audit_log_query_answer_the_page(app, client, auth):
    auth.login("admin")
    response = client.get(f"/staff/audit?round={HUGE}&page={HUGE}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/staff/rounds/priorities-2027/questions/{HUGE}",
        f"/staff/rounds/priorities-2027/sections/{HUGE}",
        f"/staff/rounds/priorities-2027/preview/{HUGE}",
        f"/staff/rounds/priorities-2027/themes/jobs/{HUGE}",
        "/staff/rounds/priorities-2027/questions/2147483648",
    ],
)
def test_huge_ids_in_addresses_are_not_found(app, client, auth, demo_round, path):
    auth.login("admin")
    assert client.get(path).status_code == 404


def test_a_huge_block_number_posted_is_refused_not_a_server_error(app, client, auth, demo_round):
    auth.login("designer")
    builder = Builder(app, client)
    response = builder.post(f"/staff/rounds/{demo_round}/blocks", block=HUGE)
    assert response.status_code == 404


INVISIBLE_TITLES = [
    ("Drug\u200b policy 2027", "Drug policy 2027"),  # zero-width space
    ("\u202eDrug policy 2027", "Drug policy 2027"),  # right-to-left override
    ("Drug policy\u2066 2027\u2069", "Drug policy 2027"),  # isolate
    ("\ufeffDrug policy\u2060 2027", "Drug policy 2027"),  # byte-order mark, word joiner
    ("Drug policy\n2027\t", "Drug policy 2027"),  # line break and tab
    ("سیاست\u200cهای مواد 2027", "سیاست\u200cهای مواد 2027"),  # Persian's non-joiner stays
    ("Drug policy \u200f(سياسة)\u200f", "Drug policy \u200f(سياسة)\u200f"),  # marks stay
]


@pytest.mark.parametrize(("typed", "stored"), INVISIBLE_TITLES)
def test_a_new_round_title_loses_invisible_characters_and_keeps_persian_joiners(
    app, client, auth, typed, stored
):
    auth.login("designer")
    Builder(app, client).new_round(slug="titled", title=typed)
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "titled"))
        assert round_.title["en"] == stored


def test_a_title_of_invisible_characters_only_is_refused(app, client, auth):
    auth.login("designer")
    response = Builder(app, client).post(
        "/staff/rounds/new", title="\u200b\u202e\u2060", slug="empty-title", languages="en"
    )
    assert response.status_code == 200
    assert "This field is required." in response.text
    with app.app_context():
        assert db.session.scalar(select(Round).where(Round.slug == "empty-title")) is None


def test_an_imported_round_title_loses_invisible_characters(app, client, auth, demo_round):
    from .conftest import post_file

    auth.login("designer")
    definition = client.get(f"/staff/rounds/{demo_round}/export.json").get_json()
    definition["title"]["en"] = "\u202eThe\u200b copied round\n"
    definition["sections"][0]["title"]["en"] = "First\u2066 page"
    import json

    response = post_file(
        client,
        "/staff/rounds/import",
        "/staff/rounds/import",
        "copy.json",
        json.dumps(definition).encode(),
        slug="copied",
    )
    assert response.status_code == 200, response.text[:300]
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "copied"))
        assert round_.title["en"] == "The copied round"
        assert round_.sections[0].title["en"] == "First page"


@pytest.mark.parametrize("slug", ["drug\u200bpolicy", "\u202edrug-policy", "drug-policy\u2069"])
def test_a_slug_with_invisible_characters_is_refused(app, client, auth, slug):
    auth.login("designer")
    response = Builder(app, client).post(
        "/staff/rounds/new", title="A round", slug=slug, languages="en"
    )
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Round)) is None
