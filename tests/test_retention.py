"""Retention: an admin deletes a closed round's responses for good, with everything about
them, in one step confirmed by typing the round's address; nothing of another round goes."""

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from consult.accounts.operations import create_user
from consult.audit import AuditEvent
from consult.codebooks.operations import seed_starter_codebook
from consult.coding.autocoding import autocode
from consult.coding.models import DoubleCoding, Memo, Quote, Tag, ThemeJob
from consult.coding.operations import add_tag, code_blind, mark_quote, use_codebook, write_memo
from consult.demo.operations import add_synthetic_responses
from consult.design.models import Round
from consult.design.operations import copy_round
from consult.extensions import db
from consult.maintenance.retention import RetentionRefused, delete_responses
from consult.respond.models import Answer, Draft, Response
from consult.review.releases import release_if_due

from .conftest import csrf_token, set_status

OTHER = "priorities-2028"
RESPONSES = {"priorities-2027": 12, OTHER: 8}


def address(slug):
    return f"/staff/rounds/{slug}/delete-responses"


@pytest.fixture
def rounds(app, demo_round):
    """The demo round and a copy of it, each with responses, coded answers (suggested and
    accepted tags), a memo, a quote, a blind double coding, a draft and a theme run."""
    with app.app_context():
        first = db.session.scalar(select(Round).where(Round.slug == demo_round))
        second = copy_round(first, OTHER)
        reviewer = create_user(
            f"r-{uuid.uuid4().hex[:6]}@example.org", "a long enough pw!", "reviewer"
        )
        codebook = seed_starter_codebook()
        for seed, round_ in enumerate((first, second), start=1):
            add_synthetic_responses(round_, RESPONSES[round_.slug], seed=seed)
            release_if_due(round_)
            use_codebook(round_, codebook)
            autocode(round_)
            answer = db.session.scalar(
                select(Answer)
                .join(Response)
                .where(Response.round_id == round_.id, Answer.text.is_not(None))
                .order_by(Answer.response_id, Answer.question_id)
                .limit(1)
            )
            theme = codebook.themes[0]
            add_tag(round_, answer, theme, reviewer)
            write_memo(round_, answer, "A memo.", reviewer)
            mark_quote(round_, answer, reviewer, theme)
            code_blind(round_, answer, [theme.id], reviewer)
            db.session.add(
                Draft(
                    token=f"draft-{round_.slug}",
                    round_id=round_.id,
                    language="en",
                    answers={},
                    expires_on=date(2030, 1, 1),
                )
            )
            db.session.add(ThemeJob(round_id=round_.id, kind="emergent", state="done"))
            db.session.commit()
    return demo_round, OTHER


def held(app, slug):
    """{kind: rows} of everything about the responses of round ``slug``."""
    with app.app_context():
        round_id = db.session.scalar(select(Round.id).where(Round.slug == slug))
        ids = select(Response.id).where(Response.round_id == round_id)

        def count(model, condition):
            return db.session.scalar(select(func.count()).select_from(model).where(condition))

        counts = {
            "responses": count(Response, Response.round_id == round_id),
            "answers": count(Answer, Answer.response_id.in_(ids)),
            "drafts": count(Draft, Draft.round_id == round_id),
            "theme_jobs": count(ThemeJob, ThemeJob.round_id == round_id),
        }
        for model in (Tag, Memo, Quote, DoubleCoding):
            counts[model.__tablename__] = count(model, model.round_id == round_id)
        db.session.remove()
        return counts


def everything(app):
    return {slug: held(app, slug) for slug in RESPONSES}


def confirm(client, slug, typed):
    page = client.get(address(slug)).get_data(as_text=True)
    return client.post(address(slug), data={"csrf_token": csrf_token(page), "confirmation": typed})


def test_the_rounds_hold_what_retention_deletes(app, rounds):
    for slug, counts in everything(app).items():
        assert counts["responses"] == RESPONSES[slug]
        assert all(counts.values()), (slug, counts)
        assert counts["tag"] > 1  # suggested by the rules, and one accepted by hand


@pytest.mark.parametrize("role", ["designer", "reviewer", "translator"])
def test_only_admins_may_delete_responses(app, client, auth, rounds, role):
    set_status(app, rounds[0], "closed")
    before = everything(app)
    auth.login(role)
    assert client.get(address(rounds[0])).status_code == 403
    token = csrf_token(client.get("/staff/login").get_data(as_text=True), required=False)
    response = client.post(
        address(rounds[0]), data={"csrf_token": token, "confirmation": rounds[0]}
    )
    assert response.status_code == 403
    assert everything(app) == before


def test_the_page_says_what_will_go(app, client, auth, rounds):
    set_status(app, rounds[0], "closed")
    auth.login("admin")
    page = client.get(address(rounds[0])).get_data(as_text=True)
    assert "Delete the responses" in page
    assert '<th scope="row">Responses</th><td class="number">12</td>' in page
    assert "Written answers" in page and "Theme tags on the answers" in page
    assert "Quotes taken from the answers" in page
    assert "fewer than 5" in page  # one memo, one quote: small counts are hidden as anywhere
    assert 'name="confirmation"' in page


@pytest.mark.parametrize("typed", ["", "priorities", "Priorities-2027", " priorities-2027", OTHER])
def test_the_wrong_confirmation_deletes_nothing(app, client, auth, rounds, typed):
    set_status(app, rounds[0], "closed")
    before = everything(app)
    auth.login("admin")

    response = confirm(client, rounds[0], typed)

    assert response.status_code == 200
    assert "This is not the round&#39;s address: nothing was deleted." in response.get_data(
        as_text=True
    )
    assert everything(app) == before


def test_a_post_without_the_csrf_token_deletes_nothing(app, client, auth, rounds):
    set_status(app, rounds[0], "closed")
    before = everything(app)
    auth.login("admin")
    response = client.post(address(rounds[0]), data={"confirmation": rounds[0]})
    assert response.status_code == 400
    assert everything(app) == before


@pytest.mark.parametrize("status", ["open", "draft"])
def test_a_round_not_closed_keeps_its_responses(app, client, auth, rounds, status):
    set_status(app, rounds[0], status)
    before = everything(app)
    auth.login("admin")

    page = client.get(address(rounds[0])).get_data(as_text=True)
    assert "Responses can be deleted only from a closed or archived round" in page
    assert 'name="confirmation"' not in page
    response = confirm(client, rounds[0], rounds[0])

    assert response.status_code == 200
    assert "Nothing was deleted: the round must be closed first." in response.get_data(as_text=True)
    assert everything(app) == before
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == rounds[0]))
        with pytest.raises(RetentionRefused):
            delete_responses(round_)
    assert everything(app) == before


@pytest.mark.parametrize("status", ["closed", "archived"])
def test_the_right_confirmation_deletes_every_response_of_the_closed_round_only(
    app, client, auth, rounds, status
):
    slug, other = rounds
    set_status(app, slug, status)
    other_before = held(app, other)
    auth.login("admin")

    response = confirm(client, slug, slug)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(address(slug))
    assert set(held(app, slug).values()) == {0}
    assert held(app, other) == other_before
    page = client.get(address(slug)).get_data(as_text=True)
    assert "The round&#39;s responses and everything about them are deleted for good." in page
    assert '<th scope="row">Responses</th><td class="number">0</td>' in page
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        assert round_.sections and round_.codebook is not None  # the questionnaire stays
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "responses.delete")
        ).all()
        assert [(e.round_id, e.detail) for e in events] == [(round_.id, {"responses": 12})]
        assert events[0].user is not None and events[0].user.role == "admin"
