"""Coding many answers: every suggestion of a theme or of a keyword, or those ticked,
accepted or rejected in one action and taken back in one; answers that say the same thing
shown once with their number and coded together; the page says how many suggestions are
left per theme and per keyword and stays where the lead was; answers are labelled with
their question, and adding a theme preselects none."""

import html
import re

import pytest
from sqlalchemy import func, select

from consult.codebooks.models import Theme
from consult.coding.autocoding import autocode
from consult.coding.models import Tag
from consult.coding.text import same_text_key
from consult.design.models import Round
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Answer

from .conftest import csrf_token
from .test_themes import add_written_answers, coded_round  # noqa: F401 (the fixture)


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


# Five members write the same thing, in five spellings; a sixth uses the same words in
# another order, which can mean something else ("no to X, yes to Y"), so it stays apart.
SAME = [
    ("en", "No clean needles at the pharmacy."),
    ("en", "no clean needles at the pharmacy"),
    ("en", "NO CLEAN NEEDLES AT THE PHARMACY!!!"),
    ("en", "No  clean needles, at the pharmacy."),
    ("en", "Ｎｏ clean needles at the pharmacy…"),
]
REORDERED = ("en", "At the pharmacy, no clean needles.")
HARM_REDUCTION = "Harm reduction services"


@pytest.fixture
def grouped_round(app, coded_round):  # noqa: F811
    """The coded round with SAME and REORDERED too, coded again; returns its slug."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        network = db.session.scalars(select(Network).order_by(Network.id)).first()
        add_written_answers(round_, [*SAME, REORDERED], network.id)
        autocode(round_)
    return coded_round


def tags_by_text(app, theme_code):
    """{answer text: (status, added by hand)} of one theme's tags."""
    with app.app_context():
        rows = db.session.execute(
            select(Answer.text, Tag.status, Tag.added_by)
            .join(
                Answer,
                (Answer.response_id == Tag.response_id)
                & (Answer.question_id == Tag.question_id)
                & (Answer.item == Tag.item),
            )
            .join(Theme, Theme.id == Tag.theme_id)
            .where(Theme.code == theme_code)
        )
        return {text: (status, added_by is not None) for text, status, added_by in rows}


def answer_items(html):
    """{reference: the HTML of its item} of the coding page's answers."""
    parts = re.split(r'<li id="a-([^"]+)">', html)[1:]
    return dict(zip(parts[::2], parts[1::2], strict=True))


def quoted(items):
    """{reference: the answer's text as the page shows it} of ``answer_items``."""
    return {
        reference: html.unescape(
            re.sub(r"<[^>]+>", "", re.search(r"<blockquote[^>]*>(.*?)</blockquote>", item).group(1))
        )
        for reference, item in items.items()
    }


def audit_events(app, action):
    from consult.audit import AuditEvent

    with app.app_context():
        return [
            event.detail
            for event in db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        ]


def test_the_same_words_make_the_same_key_whatever_their_spelling():
    key = same_text_key("No clean needles at the pharmacy.", "en")
    assert all(same_text_key(text, "en") == key for _language, text in SAME)
    assert same_text_key(REORDERED[1], "en") != key  # word order counts
    assert same_text_key("No clean needle at the pharmacy.", "en") != key  # no stemming
    assert same_text_key("No clean needles at the pharmacy.", "fr") != key  # one language
    # Arabic with and without harakat and tatweel; digits of any script.
    assert same_text_key("العِلاج غالٍ جداً", "ar") == same_text_key("العـلاج غال جدا", "ar")
    assert same_text_key("٣ مرات", "ar") == same_text_key("3 مرات", "ar")


def test_answers_that_say_the_same_thing_are_shown_once_with_their_number_and_coded_together(
    app, client, auth, grouped_round
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    assert page.count("5 answers say this") == 1
    items = answer_items(page)
    (group,) = [ref for ref, item in items.items() if "5 answers say this" in item]
    texts = quoted(items)
    same = [text for _language, text in SAME]
    assert texts[group] in same and sum(text in same for text in texts.values()) == 1
    assert REORDERED[1] in texts.values()  # the same words in another order: apart
    assert sum("answers say this" in item for item in items.values()) == 1
    # Largest groups first.
    assert next(iter(items)) == group

    tag = re.search(r'name="tag" value="(\d+)"', items[group]).group(1)
    response = client.post(
        f"/staff/rounds/{grouped_round}/coding/{group}",
        data={"csrf_token": csrf_token(page), "tag": tag, "action": "accept", "back": ""},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#a-{group}")
    coded = tags_by_text(app, "harm_reduction")
    assert {coded[text] for _language, text in SAME} == {("accepted", False)}
    assert coded[REORDERED[1]] == ("suggested", False)
    assert audit_events(app, "themes.tag")[-1] == {
        "theme": "harm_reduction",
        "status": "accepted",
        "count": 5,
    }
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    assert "<strong>accepted</strong>" in answer_items(page)[group]

    # Adding a theme to a group tags each of its answers, by hand.
    police = theme_id(app, "police")
    client.post(
        f"/staff/rounds/{grouped_round}/coding/{group}",
        data={"csrf_token": csrf_token(page), "theme": police, "action": "add"},
    )
    added = tags_by_text(app, "police")
    assert {added[text] for _language, text in SAME} == {("accepted", True)}
    assert REORDERED[1] not in added

    # Taking a decision back on a group makes each answer's suggestion a suggestion again.
    client.post(
        f"/staff/rounds/{grouped_round}/coding/{group}",
        data={"csrf_token": csrf_token(page), "tag": tag, "action": "undo"},
    )
    coded = tags_by_text(app, "harm_reduction")
    assert {coded[text] for _language, text in SAME} == {("suggested", False)}


def keyword_row(html, keyword):
    """The "suggestions left" figure of a keyword, as its table shows it, or 0."""
    row = re.search(
        rf'<th scope="row"><q dir="auto">{keyword}</q></th><td class="number">(\d+)</td>', html
    )
    return int(row.group(1)) if row else 0


def test_every_suggestion_of_a_keyword_in_one_action_and_one_undo(app, client, auth, grouped_round):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{grouped_round}/coding").text
    before = tags_by_text(app, "harm_reduction")
    english = [text for _language, text in [*SAME, REORDERED]]
    assert {before[text] for text in english} == {("suggested", False)}
    # Harm reduction: "needle" in the six English answers, "seringue" in two French ones.
    assert keyword_row(page, "needle") == 6 and keyword_row(page, "seringue") == 2
    assert left_on_page(page, HARM_REDUCTION) == 8

    accepted = client.post(
        f"/staff/rounds/{grouped_round}/coding/keyword",
        data={
            "csrf_token": csrf_token(page),
            "theme": theme_id(app, "harm_reduction"),
            "keyword": "needle",
            "action": "accept",
            "back": "language=en",
        },
    )
    assert accepted.status_code == 302
    assert accepted.headers["Location"].endswith("/coding?language=en#by-keyword")
    after = tags_by_text(app, "harm_reduction")
    assert {after[text] for text in english} == {("accepted", False)}
    # The French suggestions, from another keyword, and the hidden groups' are as they were.
    assert {text: s for text, s in after.items() if text not in english} == {
        text: s for text, s in before.items() if text not in english
    }
    page = client.get(f"/staff/rounds/{grouped_round}/coding").text
    assert (
        f'6 suggestions of <bdi>{HARM_REDUCTION}</bdi> from <q dir="auto">needle</q> accepted.'
        in page
    )
    assert keyword_row(page, "needle") == 0 and keyword_row(page, "seringue") == 2
    assert left_on_page(page, HARM_REDUCTION) == 2

    undone = client.post(
        f"/staff/rounds/{grouped_round}/coding/undo",
        data={"csrf_token": csrf_token(page), "back": ""},
    )
    assert undone.headers["Location"].endswith("#by-keyword")
    assert tags_by_text(app, "harm_reduction") == before
    page = client.get(f"/staff/rounds/{grouped_round}/coding").text
    assert keyword_row(page, "needle") == 6 and "accepted.</span>" not in page
    assert [
        (e["keyword"], e["status"], e["count"])
        for e in audit_events(app, "themes.tag_keyword")
        if "keyword" in e
    ] == [("needle", "accepted", 6)]
    assert audit_events(app, "themes.tag_keyword")[-1] == {
        "theme": "harm_reduction",
        "status": "suggested",
        "count": 6,
    }


def test_ticked_suggestions_are_accepted_or_rejected_in_one_action_each_with_its_undo(
    app, client, auth, grouped_round
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    items = answer_items(page)
    group = next(ref for ref, item in items.items() if "5 answers say this" in item)
    police_answer = next(ref for ref, text in quoted(items).items() if "police beat us" in text)
    harm, police = theme_id(app, "harm_reduction"), theme_id(app, "police")
    # A box on each suggestion, tied to the one form at the top of the list.
    assert (
        f'<input type="checkbox" form="chosen-form" name="chosen" value="{group}.{harm}">'
        in items[group]
    )
    assert '<form method="post" action="/staff/rounds/' in page and 'id="chosen-form"' in page
    before_harm, before_police = tags_by_text(app, "harm_reduction"), tags_by_text(app, "police")
    chosen = [f"{group}.{harm}", f"{police_answer}.{police}"]
    police_text = quoted(items)[police_answer]

    def choose(action, chosen, page):
        return client.post(
            f"/staff/rounds/{grouped_round}/coding/chosen",
            data={
                "csrf_token": csrf_token(page),
                "chosen": chosen,
                "action": action,
                "back": "language=en",
            },
        )

    response = choose("accept", chosen, page)
    assert response.headers["Location"].endswith("/coding?language=en#chosen")
    harm_after, police_after = tags_by_text(app, "harm_reduction"), tags_by_text(app, "police")
    assert {harm_after[text] for _language, text in SAME} == {("accepted", False)}
    assert harm_after[REORDERED[1]] == ("suggested", False)
    assert police_after[police_text] == ("accepted", False)
    assert sum(status == "accepted" for status, _hand in police_after.values()) == 1
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    assert "6 chosen suggestions accepted." in page

    client.post(
        f"/staff/rounds/{grouped_round}/coding/undo",
        data={"csrf_token": csrf_token(page), "back": "language=en"},
    )
    assert tags_by_text(app, "harm_reduction") == before_harm
    assert tags_by_text(app, "police") == before_police

    choose("reject", chosen, page)
    harm_after = tags_by_text(app, "harm_reduction")
    assert {harm_after[text] for _language, text in SAME} == {("rejected", False)}
    assert tags_by_text(app, "police")[police_text] == ("rejected", False)
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    assert "6 chosen suggestions rejected." in page
    client.post(
        f"/staff/rounds/{grouped_round}/coding/undo",
        data={"csrf_token": csrf_token(page), "back": ""},
    )
    assert tags_by_text(app, "harm_reduction") == before_harm
    assert [(e["status"], e["count"]) for e in audit_events(app, "themes.tag_chosen")] == [
        ("accepted", 6),
        ("suggested", 6),
        ("rejected", 6),
        ("suggested", 6),
    ]

    # Nothing ticked: said so, nothing changed.
    refused = choose("accept", [], page)
    assert "Tick at least one suggestion." in client.get(refused.headers["Location"]).text
    assert tags_by_text(app, "harm_reduction") == before_harm


def test_actions_on_many_suggestions_need_the_csrf_token(app, client, auth, grouped_round):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{grouped_round}/coding?language=en").text
    group = next(ref for ref, item in answer_items(page).items() if "5 answers say" in item)
    harm = theme_id(app, "harm_reduction")
    before = tags_by_text(app, "harm_reduction")
    for path, data in (
        ("all", {"theme": harm, "action": "accept"}),
        ("keyword", {"theme": harm, "keyword": "needle", "action": "accept"}),
        ("chosen", {"chosen": f"{group}.{harm}", "action": "accept"}),
        (group, {"theme": harm, "action": "accept"}),
        ("undo", {}),
    ):
        response = client.post(f"/staff/rounds/{grouped_round}/coding/{path}", data=data)
        assert response.status_code == 400, path
    assert tags_by_text(app, "harm_reduction") == before
