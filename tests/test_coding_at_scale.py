"""Coding many answers: every suggestion of a theme accepted or rejected in one action, and
taken back in one; the page says how many are left per theme and stays where the lead was;
answers are labelled with their question, and adding a theme preselects none."""

import re

from sqlalchemy import func, select

from consult.design.models import Round
from consult.extensions import db
from consult.themes.models import Tag, Theme

from .conftest import csrf_token
from .test_themes import coded_round  # noqa: F401 (the fixture)


def statuses(app, theme_code):
    """{(status, answer language): tags} of one theme."""
    from consult.respond.models import Answer

    with app.app_context():
        rows = db.session.execute(
            select(Tag.status, Answer.language, func.count())
            .join(Theme, Theme.id == Tag.theme_id)
            .join(
                Answer,
                (Answer.response_id == Tag.response_id)
                & (Answer.question_id == Tag.question_id)
                & (Answer.item == Tag.item),
            )
            .where(Theme.code == theme_code)
            .group_by(Tag.status, Answer.language)
        )
        return {(status, language): count for status, language, count in rows}


def theme_id(app, code):
    with app.app_context():
        return db.session.scalar(select(Theme.id).where(Theme.code == code))


def left_on_page(html, name):
    """The "suggestions left" figure of a theme, as the table shows it."""
    row = re.search(rf"<tr><th scope=\"row\"><bdi>{name}</bdi></th><td[^>]*>(\d+)</td>", html)
    return int(row.group(1)) if row else 0


def test_one_action_accepts_every_readable_suggestion_of_a_theme_and_one_takes_it_back(
    app,
    client,
    auth,
    coded_round,  # noqa: F811
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/coding").text
    before = statuses(app, "harm_reduction")
    # Spanish and Russian answers are in groups under k: not shown, not counted, not coded.
    hidden = {key: n for key, n in before.items() if key[1] in ("es", "ru")}
    readable = sum(n for (status, lang), n in before.items() if lang not in ("es", "ru"))
    assert hidden and readable
    name = "Harm reduction services"
    assert left_on_page(page, name) == readable

    accepted = client.post(
        f"/staff/rounds/{coded_round}/coding/all",
        data={
            "csrf_token": csrf_token(page),
            "theme": theme_id(app, "harm_reduction"),
            "action": "accept",
        },
    )
    assert accepted.status_code == 302 and accepted.headers["Location"].endswith("#by-theme")
    after = statuses(app, "harm_reduction")
    assert sum(n for (s, lang), n in after.items() if s == "accepted") == readable
    assert {key: n for key, n in after.items() if key[1] in ("es", "ru")} == hidden
    page = client.get(f"/staff/rounds/{coded_round}/coding").text
    assert f"{readable} suggestions of <bdi>{name}</bdi> accepted." in page
    assert left_on_page(page, name) == 0

    undone = client.post(
        f"/staff/rounds/{coded_round}/coding/all",
        data={
            "csrf_token": csrf_token(page),
            "theme": theme_id(app, "harm_reduction"),
            "action": "undo",
        },
    )
    assert undone.status_code == 302
    assert statuses(app, "harm_reduction") == before
    page = client.get(f"/staff/rounds/{coded_round}/coding").text
    assert left_on_page(page, name) == readable
    assert "accepted.</span>" not in page  # the undo is offered once


def test_after_an_action_on_one_answer_the_page_opens_at_that_answer(
    app,
    client,
    auth,
    coded_round,  # noqa: F811
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/coding?show=review").text
    first = re.search(r'<li id="a-([^"]+)">', page).group(1)
    tag = re.search(r'name="tag" value="(\d+)"', page.split(f'<li id="a-{first}">')[1]).group(1)
    response = client.post(
        f"/staff/rounds/{coded_round}/coding/{first}",
        data={
            "csrf_token": csrf_token(page),
            "tag": tag,
            "action": "accept",
            "back": "show=review",
        },
    )
    assert response.headers["Location"].endswith(f"/coding?show=review#a-{first}")


def test_answers_show_their_question_and_adding_a_theme_preselects_none(
    app,
    client,
    auth,
    coded_round,  # noqa: F811
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/coding").text
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        written = next(q for q in round_.questions if q.kind == "long_text")
        text, code = written.text["en"], written.code
    assert f'<p class="meta"><bdi lang="en">{text}</bdi>' in page
    assert f">{code} ·" not in page
    add = re.search(r'<select id="add-1" name="theme">\s*<option value="">', page)
    assert add is not None
    refused = client.post(
        re.search(r'<form method="post" action="([^"]+)" class="inline-form">', page).group(1),
        data={"csrf_token": csrf_token(page), "action": "add", "theme": ""},
        follow_redirects=True,
    )
    assert "Choose a theme to add." in refused.text
