"""A member answering the demo round through the test client, as a browser would post it."""

from sqlalchemy import select

from consult.design.models import Question
from consult.extensions import db

from .conftest import csrf_token


def question(code):
    """The demo question with this code (call inside an app context)."""
    return db.session.scalar(select(Question).where(Question.code == code))


def choice_id(code, choice_code):
    return next(c.id for c in question(code).choices if c.code == choice_code)


def field(code):
    return f"question_{question(code).id}"


def demo_pages(
    app,
    region="africa",
    priorities=("decriminalisation", "overdose", "funding"),
    agreement="agree",
    barriers=("fear_police",),
    one_change="Stop arresting us.",
    campaign_idea="",
):
    """The form data of each of the demo round's four pages."""
    with app.app_context():
        return _demo_pages(region, priorities, agreement, barriers, one_change, campaign_idea)


def _demo_pages(region, priorities, agreement, barriers, one_change, campaign_idea):
    ranking = [f"{choice_id('priorities', code)}:{rank}" for rank, code in enumerate(priorities, 1)]
    return [
        {field("region"): choice_id("region", region)},
        {
            field("priorities"): ranking,
            field("decriminalisation_first"): choice_id("decriminalisation_first", agreement),
            field("barriers"): [choice_id("barriers", code) for code in barriers],
        },
        {field("one_change"): one_change},
        {field("campaign_idea"): campaign_idea},
    ]


def start(client, slug="priorities-2027", lang=None):
    suffix = f"?lang={lang}" if lang else ""
    welcome = client.get(f"/c/{slug}/{suffix}")
    assert welcome.status_code == 200
    response = client.post(f"/c/{slug}/start", data={"csrf_token": csrf_token(welcome.text)})
    assert response.status_code == 302
    return response


def post_page(client, number, data, move="next", slug="priorities-2027"):
    page = client.get(f"/c/{slug}/{number}")
    assert page.status_code == 200, page.text
    return client.post(
        f"/c/{slug}/{number}", data={**data, "move": move, "csrf_token": csrf_token(page.text)}
    )


def submit(client, slug="priorities-2027"):
    review = client.get(f"/c/{slug}/review")
    assert review.status_code == 200
    return client.post(f"/c/{slug}/review", data={"csrf_token": csrf_token(review.text)})


def answer_demo_round(app, client, lang=None, **answers):
    start(client, lang=lang)
    for number, data in enumerate(demo_pages(app, **answers), 1):
        response = post_page(client, number, data)
        assert response.status_code == 302, response.text
    response = submit(client)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/thanks")
    return response
