"""The designer answers the round in the preview as a member would: "Next" and "Back" follow
its conditions with the answers given there, and nothing is stored."""

import re

from sqlalchemy import func, select

from consult.audit import AuditEvent
from consult.extensions import db
from consult.respond.models import Draft, Response

from .conftest import csrf_token
from .journey import choice_id, demo_pages, field

PREVIEW = "/staff/rounds/{slug}/preview/{number}"
FOLLOW_UP = "If you want, tell us what happened."


def carried(page):
    return re.search(r'name="answers" value="([^"]*)"', page).group(1)


def post(client, slug, number, page, data, move="next", language=None):
    url = PREVIEW.format(slug=slug, number=number) + (f"?in={language}" if language else "")
    form = {**data, "move": move, "csrf_token": csrf_token(page), "answers": carried(page)}
    response = client.post(url, data=form)
    assert response.status_code == 200, response.text
    return response.text


def rows(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def stigma(app, answer):
    with app.app_context():
        return {field("health_care_stigma"): choice_id("health_care_stigma", answer)}


def test_answering_through_follows_the_condition_both_ways_and_stores_nothing(
    app, client, auth, demo_round
):
    auth.login("designer")
    events = rows(app, AuditEvent)
    pages = demo_pages(app)
    page = client.get(PREVIEW.format(slug=demo_round, number=1)).text
    assert "Page 1 of 4" in page
    page = post(client, demo_round, 1, page, pages[0])
    page = post(client, demo_round, 2, page, pages[1])
    # Page 3 before any answer: the follow-up is hidden, and the designer is told why.
    assert "Page 3 of 4" in page
    assert "Hidden by the answers given in this preview:" in page
    assert f'<label for="{field_of(app)}"' not in page

    # "Once" reveals the follow-up on the same page, as it would for a member.
    revealed = post(client, demo_round, 3, page, stigma(app, "once"))
    assert "Your answer added a question below:" in revealed
    assert FOLLOW_UP in revealed and "Hidden by the answers" not in revealed
    assert "The next question is shown only when:" in revealed
    end = post(client, demo_round, 3, revealed, {**stigma(app, "once"), field_of(app): "A nurse"})
    end = post(client, demo_round, 4, end, pages[3])
    assert "End of the preview" in end
    assert "A nurse" in end and "Once" in end

    # Back on page 3, "Never" hides the follow-up: the next page comes at once.
    page = client.get(PREVIEW.format(slug=demo_round, number=3)).text
    following = post(client, demo_round, 3, page, stigma(app, "never"))
    assert "Page 4 of 4" in following and FOLLOW_UP not in following

    assert rows(app, Draft) == 0 and rows(app, Response) == 0
    assert rows(app, AuditEvent) == events


def field_of(app):
    with app.app_context():
        return field("health_care_what_happened")


def test_back_keeps_the_answers_given_and_a_missing_answer_is_marked(app, client, auth, demo_round):
    auth.login("designer")
    page = client.get(PREVIEW.format(slug=demo_round, number=1)).text
    missing = post(client, demo_round, 1, page, {})
    assert "Please check the answer marked below." in missing
    assert "Page 1 of 4" in missing
    page2 = post(client, demo_round, 1, missing, demo_pages(app)[0])
    back = post(client, demo_round, 2, page2, {}, move="back")
    assert "Page 1 of 4" in back
    with app.app_context():
        africa = choice_id("region", "africa")
    assert re.search(rf'value="{africa}"[^>]*checked|checked[^>]*value="{africa}"', back)


def test_the_preview_answers_in_the_language_chosen(app, client, auth, demo_round):
    auth.login("designer")
    page = client.get(PREVIEW.format(slug=demo_round, number=1) + "?in=ar").text
    following = post(client, demo_round, 1, page, demo_pages(app)[0], language="ar")
    assert 'lang="ar" dir="rtl"' in following
    assert "ما هي القضايا الثلاث" in following


def test_answers_that_were_tampered_with_count_as_none(app, client, auth, demo_round):
    auth.login("designer")
    page = client.get(PREVIEW.format(slug=demo_round, number=3)).text
    forged = page.replace(carried(page), "eyJmYWtlIjogMX0.forged")
    response = post(client, demo_round, 3, forged, stigma(app, "never"))
    assert "Page 4 of 4" in response


def test_members_and_translators_cannot_open_the_preview(app, client, auth, demo_round):
    auth.login("translator")
    assert client.get(PREVIEW.format(slug=demo_round, number=1)).status_code == 403
