"""A member answers a round on the member pages, with CSRF protection on."""

import uuid
from datetime import UTC, datetime

import pytest
from flask_babel import gettext
from sqlalchemy import func, select

from consult.extensions import db
from consult.respond.models import Answer, Draft, Response

from .conftest import csrf_token, set_status
from .journey import (
    answer_demo_round,
    choice_id,
    demo_pages,
    field,
    post_page,
    question,
    start,
    submit,
)


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_home_lists_open_rounds_only(app, client, demo_round):
    assert "Community priorities for advocacy 2027" in client.get("/").text
    set_status(app, demo_round, "draft")
    home = client.get("/").text
    assert "Community priorities for advocacy 2027" not in home
    assert "No consultation is open" in home


def test_welcome_page_says_what_is_kept_before_the_first_question(client, demo_round):
    page = client.get("/c/priorities-2027/")
    assert page.status_code == 200
    assert "What we keep and what we do not" in page.text
    assert "your internet address (IP address), not even in our server logs" in page.text
    assert "the day you sent your answers, but not the time" in page.text
    french = client.get("/c/priorities-2027/?lang=fr")
    assert "Priorités de la communauté pour le plaidoyer 2027" in french.text


def test_full_journey_stores_one_anonymous_response(app, client, demo_round):
    answer_demo_round(
        app,
        client,
        priorities=("overdose", "decriminalisation", "women"),
        one_change="Naloxone in every pharmacy.",
    )
    thanks = client.get("/c/priorities-2027/thanks")
    assert "Your answers have been saved" in thanks.text

    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.language == "en"
        assert response.submitted_on == datetime.now(UTC).date()
        assert uuid.UUID(str(response.id)).version == 4
        ranked = db.session.scalars(
            select(Answer.choice_id)
            .where(Answer.question_id == question("priorities").id)
            .order_by(Answer.rank)
        ).all()
        expected = ("overdose", "decriminalisation", "women")
        assert ranked == [choice_id("priorities", code) for code in expected]
        text = db.session.scalar(
            select(Answer.text).where(Answer.question_id == question("one_change").id)
        )
        assert text == "Naloxone in every pharmacy."
    assert count(app, Draft) == 0


def test_answering_in_arabic_stores_the_language(app, client, demo_round):
    answer_demo_round(app, client, lang="ar")
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "ar"


def test_submitting_twice_stores_one_response(app, client, demo_round):
    start(client)
    for number, data in enumerate(demo_pages(app), 1):
        post_page(client, number, data)
    token = csrf_token(client.get("/c/priorities-2027/review").text)
    first = client.post("/c/priorities-2027/review", data={"csrf_token": token})
    second = client.post("/c/priorities-2027/review", data={"csrf_token": token})
    assert first.headers["Location"].endswith("/thanks")
    assert second.status_code == 302
    assert count(app, Response) == 1


def test_a_required_question_left_blank_gets_a_message_in_the_members_language(
    app, client, demo_round
):
    with app.test_request_context("/?lang=fr"):
        expected = gettext("Please answer this question.")
    assert expected != "Please answer this question."
    start(client, lang="fr")
    response = post_page(client, 1, {})
    assert response.status_code == 200
    with app.app_context():
        region = field("region")
    assert f'id="{region}-error">{expected}' in response.text
    assert "Please answer this question." not in response.text
    assert count(app, Response) == 0 and count(app, Answer) == 0


def test_back_keeps_answers_and_does_not_need_them_valid(app, client, demo_round):
    start(client)
    with app.app_context():
        region, mena = field("region"), choice_id("region", "mena")
    post_page(client, 1, {region: mena})
    back = post_page(client, 2, {}, move="back")
    assert back.headers["Location"].endswith("/c/priorities-2027/1")
    assert f'value="{mena}" checked' in client.get("/c/priorities-2027/1").text


def test_review_lists_the_answers_before_sending(app, client, demo_round):
    start(client)
    for number, data in enumerate(demo_pages(app, one_change="Free naloxone"), 1):
        post_page(client, number, data)
    review = client.get("/c/priorities-2027/review").text
    assert "Check your answers" in review
    assert "Free naloxone" in review
    assert "Africa" in review
    assert count(app, Response) == 0


def test_a_skipped_required_page_sends_the_member_back_to_it(app, client, demo_round):
    start(client)
    response = submit(client)
    assert response.status_code == 302
    assert "/c/priorities-2027/1#question_" in response.headers["Location"]
    assert count(app, Response) == 0 and count(app, Draft) == 1


def test_a_choice_of_another_question_is_refused(app, client, demo_round):
    start(client)
    with app.app_context():
        data = {field("region"): choice_id("barriers", "cost")}
    response = post_page(client, 1, data)
    assert response.status_code == 200
    assert "Not a valid choice" in response.text


def test_null_bytes_in_text_get_a_message_not_a_crash(app, client, demo_round):
    start(client)
    with app.app_context():
        data = {field("one_change"): "abc\x00def"}
    response = post_page(client, 3, data)
    assert response.status_code == 200
    assert "special characters" in response.text


def test_two_ranks_for_one_item_are_refused(app, client, demo_round):
    start(client)
    with app.app_context():
        item = choice_id("priorities", "police")
        data = {field("priorities"): [f"{item}:1", f"{item}:2"]}
    response = post_page(client, 2, data)
    assert response.status_code == 200
    assert "one rank only" in response.text


def test_a_ranking_returned_with_an_error_keeps_every_rank_given(app, client, demo_round):
    """Rank 1 given twice: the page comes back with the error, and with every rank the
    member chose still selected (the third one valid), for them to correct."""
    start(client)
    with app.app_context():
        police, hiv, stigma = (
            choice_id("priorities", code) for code in ("police", "hiv_hepatitis", "stigma")
        )
        data = {field("priorities"): [f"{police}:1", f"{hiv}:1", f"{stigma}:2"]}
    response = post_page(client, 2, data)
    assert response.status_code == 200
    assert "each rank to one item only" in response.text
    for choice, rank in ((police, 1), (hiv, 1), (stigma, 2)):
        assert f'<option value="{choice}:{rank}" selected>' in response.text


def test_closed_round_is_gone_and_unknown_round_not_found(app, client, demo_round):
    set_status(app, demo_round, "closed")
    closed = client.get("/c/priorities-2027/")
    assert closed.status_code == 410
    assert "This consultation has closed" in closed.text
    assert client.get("/c/no-such-round/").status_code == 404


def test_draft_round_is_not_public(app, client, demo_round):
    set_status(app, demo_round, "draft")
    assert client.get("/c/priorities-2027/").status_code == 404


def test_post_without_csrf_token_is_refused_and_writes_nothing(app, client, demo_round):
    response = client.post("/c/priorities-2027/start")
    assert response.status_code == 400
    assert "This page has expired" in response.text
    assert count(app, Draft) == 0


@pytest.mark.parametrize(
    ("lang", "joined"), [("en", "</bdi>, <bdi>"), ("ar", "</bdi> و<bdi>"), ("ru", "</bdi> и <bdi>")]
)
def test_the_review_page_lists_several_answers_as_the_language_does(
    app, client, demo_round, lang, joined
):
    """Two barriers ticked, three priorities ranked: the review page joins them as the
    member's language joins a list, never with a Latin ";"."""
    start(client, lang=lang)
    pages = demo_pages(app, barriers=("fear_police", "staff_stigma"))
    for number, data in enumerate(pages, 1):
        assert post_page(client, number, data).status_code == 302
    review = client.get("/c/priorities-2027/review").text
    assert joined in review
    assert "</bdi>; <bdi>" not in review


def test_a_follow_up_question_is_announced_once_with_a_link_to_it(app, client, demo_round):
    start(client)
    for number, data in enumerate(demo_pages(app)[:2], 1):
        post_page(client, number, data)
    with app.app_context():
        often = {field("health_care_stigma"): choice_id("health_care_stigma", "often")}
        added = f"{field('health_care_what_happened')}-question"
    response = post_page(client, 3, often)
    assert response.headers["Location"].endswith("/c/priorities-2027/3")
    page = client.get("/c/priorities-2027/3").text
    assert 'id="revealed" role="status" tabindex="-1" autofocus' in page
    assert "Your answer added a question below:" in page
    assert f'<a href="#{added}">If you want, tell us what happened.</a>' in page
    assert 'id="revealed"' not in client.get("/c/priorities-2027/3").text


def test_each_text_box_says_once_not_to_write_names(app, client, demo_round):
    start(client)
    for number, data in enumerate(demo_pages(app, campaign_idea="x")[:3], 1):
        post_page(client, number, data)
    page = client.get("/c/priorities-2027/4").text
    boxes = page.count("<textarea") + page.count('type="text"')
    assert boxes >= 1
    assert page.count("Please write no names") == boxes
