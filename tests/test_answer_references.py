"""Reviewers' pages address a written answer by an opaque reference, never by its response:
one member's answers to two questions cannot be tied together, and a reference that was
altered, made for another round or under another secret names nothing."""

import re
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from consult import create_app
from consult.coding.models import DoubleCoding, Memo, Quote, Tag
from consult.coding.references import answer_key_of, reference_of
from consult.design.models import Round
from consult.design.operations import copy_round
from consult.extensions import db
from consult.respond.models import Answer, Response

from .conftest import AuthActions, csrf_token, make_test_config, release_later
from .test_themes import coded_round  # noqa: F401 - the round with coded written answers

# Five members answer two written questions each; the first of them is the one followed.
FIRST = "Clean needles are hard to find near the station, answer {}."
SECOND = "Nobody at the clinic listens when we ask for help, note {}."
ACTION = re.compile(r'action="/staff/rounds/[^/"]+/coding/([^"]+)"')


def written_twice(round_, count=5):
    """``count`` responses, each with a written answer to two questions of ``round_``;
    returns the two questions' ids and the response ids."""
    first, second = [q for q in round_.questions if q.kind == "long_text"][:2]
    responses = [uuid.uuid4() for _ in range(count)]
    for number, response_id in enumerate(responses):
        db.session.add(
            Response(
                id=response_id,
                round_id=round_.id,
                language="en",
                submitted_on=date(2026, 11, 2),
                answers=[
                    Answer(question_id=question.id, item=0, text=text.format(number), language="en")
                    for question, text in ((first, FIRST), (second, SECOND))
                ],
            )
        )
    db.session.commit()
    release_later(round_)
    return first.id, second.id, responses


@pytest.fixture
def member(app, coded_round):  # noqa: F811 - the fixture imported above
    """(slug, first question id, second question id, the followed member's response id)."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        first, second, responses = written_twice(round_)
    return coded_round, first, second, responses[0]


def references_on(client, slug, question_id):
    """{answer text: reference} on the coding page of one question."""
    html = client.get(f"/staff/rounds/{slug}/coding?question={question_id}").get_data(as_text=True)
    found = {}
    for chunk in html.split('<li id="a-')[1:]:
        text = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", chunk, re.S).group(1)
        found[re.sub(r"<[^>]+>", "", text).strip()] = ACTION.search(chunk).group(1)
    return found


def response_ids(app):
    with app.app_context():
        return db.session.scalars(select(Response.id)).all()


def counts(app):
    with app.app_context():
        return [
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Memo, Tag, Quote, DoubleCoding)
        ]


def test_no_page_shows_a_response_id_and_two_answers_of_one_member_look_unrelated(
    app, client, auth, member
):
    slug, first, second, _response = member
    auth.login("reviewer")
    ours = references_on(client, slug, first)[FIRST.format(0)]
    theirs = references_on(client, slug, second)[SECOND.format(0)]
    assert ours != theirs
    assert not {ours[i : i + 8] for i in range(len(ours) - 7)} & {
        theirs[i : i + 8] for i in range(len(theirs) - 7)
    }
    page = client.get(f"/staff/rounds/{slug}/coding").get_data(as_text=True)
    client.post(
        f"/staff/rounds/{slug}/coding/{ours}",
        data={"action": "quote", "csrf_token": csrf_token(page, required=False)},
    )
    pages = [
        client.get(f"/staff/rounds/{slug}/coding?{query}").get_data(as_text=True)
        for query in ("", "page=2", f"question={first}", f"question={second}", "show=uncovered")
    ]
    for path in ("quotes", "agreement", "brief", "brief.md", "brief.json"):
        response = client.get(f"/staff/rounds/{slug}/{path}")
        assert response.status_code == 200
        pages.append(response.get_data(as_text=True))
    assert FIRST.format(0) in pages[2] and SECOND.format(0) in pages[3]
    assert 'name="answer" value="' in pages[6]  # the agreement page names an answer
    everything = "\n".join(pages).lower()
    for response_id in response_ids(app):
        assert str(response_id) not in everything
        assert response_id.hex not in everything


def test_an_action_on_a_reference_lands_on_its_answer(app, client, auth, member):
    slug, _first, second, response = member
    auth.login("reviewer")
    reference = references_on(client, slug, second)[SECOND.format(0)]
    page = client.get(f"/staff/rounds/{slug}/coding").get_data(as_text=True)
    posted = client.post(
        f"/staff/rounds/{slug}/coding/{reference}",
        data={
            "action": "memo",
            "memo": "Ask about the clinic",
            "csrf_token": csrf_token(page, False),
        },
    )
    assert posted.status_code == 302
    with app.app_context():
        memo = db.session.scalar(select(Memo))
        assert (memo.response_id, memo.question_id, memo.item) == (response, second, 0)
        assert memo.text == "Ask about the clinic"


def test_an_altered_foreign_or_old_style_address_names_nothing(app, client, auth, member):
    slug, first, _second, response = member
    auth.login("reviewer")
    reference = references_on(client, slug, first)[FIRST.format(0)]
    middle = len(reference) // 2
    altered = (
        reference[:middle] + ("A" if reference[middle] != "A" else "B") + reference[middle + 1 :]
    )
    with app.app_context():
        other = copy_round(db.session.scalar(select(Round).where(Round.slug == slug)), "other-2028")
        _f, _s, (foreign_response, *_rest) = written_twice(other)
        foreign = reference_of(foreign_response, _f, 0)
    page = client.get(f"/staff/rounds/{slug}/coding").get_data(as_text=True)
    token = csrf_token(page, required=False)
    before = counts(app)
    for address in (altered, foreign, f"{response}.{first}.0", f"{response.hex}.{first}.0"):
        posted = client.post(
            f"/staff/rounds/{slug}/coding/{address}",
            data={"action": "memo", "memo": "Should not be kept", "csrf_token": token},
        )
        assert posted.status_code == 404, address
        posted = client.post(
            f"/staff/rounds/{slug}/agreement",
            data={"answer": address, "csrf_token": token},
        )
        assert posted.status_code == 404, address
    assert counts(app) == before
    with app.app_context():
        assert answer_key_of(altered) is None
        assert answer_key_of(reference) == (response, first, 0)


def test_a_reference_stays_the_same_and_depends_on_the_secret(
    app, client, auth, make_user, database, member
):
    slug, first, _second, _response = member
    auth.login("reviewer")
    once = references_on(client, slug, first)
    assert len(once) >= 5
    assert references_on(client, slug, first) == once
    other_app = create_app(make_test_config(*database, SECRET_KEY="another-key-" + "y" * 30))
    try:
        other = other_app.test_client()
        AuthActions(other, make_user).login("reviewer")
        elsewhere = references_on(other, slug, first)
        assert elsewhere.keys() == once.keys()
        assert not set(elsewhere.values()) & set(once.values())
        page = other.get(f"/staff/rounds/{slug}/coding").get_data(as_text=True)
        posted = other.post(
            f"/staff/rounds/{slug}/coding/{once[FIRST.format(0)]}",
            data={"action": "memo", "memo": "Not here", "csrf_token": csrf_token(page, False)},
        )
        assert posted.status_code == 404
    finally:
        with other_app.app_context():
            db.session.remove()
            db.engine.dispose()
