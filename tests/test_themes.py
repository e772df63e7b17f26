"""Coding written answers against the codebook: explained suggestions, reviewers' decisions,
quotes, theme results with small groups hidden, agreement, and the brief in each format."""

import io
import json
import re
import socket
import uuid
from datetime import date
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from sqlalchemy import func, insert, select

from consult.accounts.models import User
from consult.cellkey import new_record_key
from consult.codebooks.models import Theme
from consult.codebooks.operations import seed_starter_codebook
from consult.coding import jobs
from consult.coding.agreement import cohen_kappa
from consult.coding.answers import uncovered_answers
from consult.coding.autocoding import autocode
from consult.coding.brief import build_brief
from consult.coding.models import Quote, Tag
from consult.coding.operations import use_codebook
from consult.coding.references import answer_key_of, reference_of
from consult.coding.results import theme_results
from consult.design.models import Round
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Answer, Response

from .conftest import csrf_token, release_later
from .journey import demo_pages, field, post_page, start

# Thirteen members write about the police in English, two in French (a group under 5), and
# six about syringes, in three languages; one French answer is about none of the themes.
ANSWERS = [
    *[("en", f"The police beat us and took our money, again {i}.") for i in range(12)],
    ("fr", "La police nous frappe."),
    ("fr", "La police nous arrête tout le temps."),
    ("fr", "On manque de seringues propres."),
    ("fr", "Il faut des seringues dans chaque ville."),
    ("fr", "Merci de nous demander notre avis."),
    ("es", "Faltan jeringas en el centro."),
    ("es", "No hay jeringas limpias."),
    ("ru", "Нет шприцев в аптеке."),
    ("ru", "Шприцы стоят дорого."),
    ("en", "Call Maria on +44 7700 900123 or write to maria@example.org about the police."),
]


def add_written_answers(round_, answers, network_id=None, noise=False):
    """Responses with one written answer each to the round's long-text question. Their
    record keys are 0, so that theme figures are the counts worked out by hand, unless
    ``noise`` asks for random keys, as members get."""
    question = next(q for q in round_.questions if q.kind == "long_text")
    for language, text in answers:
        response_id, record_key = uuid.uuid4(), new_record_key() if noise else 0
        db.session.execute(
            insert(Response),
            [
                {
                    "id": response_id,
                    "round_id": round_.id,
                    "language": language,
                    "network_id": network_id,
                    "submitted_on": date(2026, 11, 1),
                    "record_key": record_key,
                }
            ],
        )
        db.session.execute(
            insert(Answer),
            [
                {
                    "response_id": response_id,
                    "question_id": question.id,
                    "item": 0,
                    "text": text,
                    "language": language,
                    "record_key": record_key,
                }
            ],
        )
    db.session.commit()
    release_later(round_)
    return question


@pytest.fixture
def coded_round(app, demo_round):
    """The demo round with ANSWERS, coded against the starter codebook; returns its slug."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        network = db.session.scalars(select(Network).order_by(Network.id)).first()
        add_written_answers(round_, ANSWERS, network.id)
        use_codebook(round_, seed_starter_codebook())
        autocode(round_)
    return demo_round


def tags_of(app, theme_code):
    with app.app_context():
        rows = db.session.execute(
            select(Answer.text, Tag.status, Tag.reasons)
            .join(
                Answer,
                (Answer.response_id == Tag.response_id)
                & (Answer.question_id == Tag.question_id)
                & (Answer.item == Tag.item),
            )
            .join(Theme, Theme.id == Tag.theme_id)
            .where(Theme.code == theme_code)
            .order_by(Answer.text)
        )
        return [tuple(row) for row in rows]


def test_suggestions_link_three_languages_to_one_theme_with_their_reasons(app, coded_round):
    tags = {text: reasons for text, _status, reasons in tags_of(app, "harm_reduction")}
    assert tags["On manque de seringues propres."] == [["seringue", 13, 22]]
    assert tags["Faltan jeringas en el centro."][0][1:] == [7, 15]  # "jeringas"
    assert "Шприцы стоят дорого." in tags and "Нет шприцев в аптеке." in tags
    police = {text for text, status, _r in tags_of(app, "police")}
    assert "La police nous frappe." in police
    assert all(status == "suggested" for _t, status, _r in tags_of(app, "police"))


def test_automatic_coding_gives_the_same_tags_every_run(app, coded_round):
    first = tags_of(app, "police") + tags_of(app, "harm_reduction")
    with app.app_context():
        autocode(db.session.scalar(select(Round).where(Round.slug == coded_round)))
    assert tags_of(app, "police") + tags_of(app, "harm_reduction") == first


def test_the_coding_screen_highlights_the_words_and_takes_decisions(app, client, auth, coded_round):
    email = auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/coding?show=review&language=fr")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "On manque de <mark" in html and ">seringues</mark> propres." in html
    with app.app_context():
        tag = db.session.scalars(
            select(Tag)
            .join(Theme)
            .join(Answer, (Answer.response_id == Tag.response_id))
            .where(Theme.code == "harm_reduction", Answer.language == "fr")
            .order_by(Tag.id)
        ).first()
        reference = reference_of(tag.response_id, tag.question_id, tag.item)
        tag_id = tag.id
    url = f"/staff/rounds/{coded_round}/coding/{reference}"
    token = csrf_token(html, required=False)
    client.post(url, data={"action": "reject", "tag": tag_id, "csrf_token": token})
    with app.app_context():
        tag = db.session.get(Tag, tag_id)
        assert tag.status == "rejected" and tag.decided_by is not None
    client.post(url, data={"action": "accept", "tag": tag_id, "csrf_token": token})
    with app.app_context():
        assert db.session.get(Tag, tag_id).status == "accepted"
        # A rejected or accepted tag survives a new run of the rules.
        autocode(db.session.scalar(select(Round).where(Round.slug == coded_round)))
        assert db.session.get(Tag, tag_id).status == "accepted"
        police = db.session.scalar(select(Theme.id).where(Theme.code == "prisons"))
    client.post(url, data={"action": "add", "theme": police, "csrf_token": token})
    client.post(url, data={"action": "memo", "memo": "Also about cost", "csrf_token": token})
    with app.app_context():
        added = db.session.scalar(select(Tag).where(Tag.theme_id == police))
        assert added.status == "accepted" and added.added_by is not None
    html = client.get(f"/staff/rounds/{coded_round}/coding?language=fr").get_data(as_text=True)
    assert "Also about cost" in html
    assert f"by {email}, added by hand" in html  # who tagged what


def test_a_quote_is_scrubbed_and_only_approved_from_a_large_enough_group(
    app, client, auth, coded_round
):
    auth.login("reviewer")
    with app.app_context():
        answer = db.session.execute(
            select(Answer).where(Answer.text.like("Call Maria%"))
        ).scalar_one()
        reference = reference_of(answer.response_id, answer.question_id, answer.item)
        police = db.session.scalar(select(Theme.id).where(Theme.code == "police"))
    page = client.get(f"/staff/rounds/{coded_round}/coding").get_data(as_text=True)
    token = csrf_token(page, required=False)
    client.post(
        f"/staff/rounds/{coded_round}/coding/{reference}",
        data={"action": "quote", "theme": police, "csrf_token": token},
    )
    with app.app_context():
        quote = db.session.scalar(select(Quote))
        assert "Maria" not in quote.text and "7700" not in quote.text
        assert "example.org" not in quote.text and "[removed]" in quote.text
        quote_id = quote.id
    response = client.post(
        f"/staff/rounds/{coded_round}/quotes",
        data={
            "quote": quote_id,
            "action": "approve",
            "text": "Call Maria about the police.",
            "translation": "",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    with app.app_context():
        quote = db.session.get(Quote, quote_id)
        assert quote.approved_by is not None
        assert quote.text == "Call [removed] about the police."  # the edit is scrubbed too


def test_a_quote_from_a_small_group_cannot_be_approved(app, client, auth, coded_round):
    auth.login("reviewer")
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        # One Indonesian answer: a language group of one, even with k readable elsewhere.
        question = add_written_answers(round_, [("id", "Polisi memukul kami di jalan.")])
        answer = db.session.scalar(select(Answer).where(Answer.language == "id"))
        db.session.add(
            Quote(
                round_id=round_.id,
                response_id=answer.response_id,
                question_id=question.id,
                item=0,
                language="id",
                text=answer.text,
                marked_by=1,
            )
        )
        db.session.commit()
        quote_id = db.session.scalar(select(Quote.id))
    page = client.get(f"/staff/rounds/{coded_round}/quotes").get_data(as_text=True)
    assert "From a group of fewer than 5" in page
    client.post(
        f"/staff/rounds/{coded_round}/quotes",
        data={
            "quote": quote_id,
            "action": "approve",
            "text": "Polisi memukul kami.",
            "csrf_token": csrf_token(page, required=False),
        },
    )
    with app.app_context():
        assert db.session.get(Quote, quote_id).approved_by is None


def accept_all(app, slug):
    """Accept every tag, and release the themes as the next day would."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        for tag in db.session.scalars(select(Tag).where(Tag.round_id == round_.id)):
            tag.status = "accepted"
        db.session.commit()
        release_later(round_)


def test_theme_results_hide_small_groups(app, client, auth, coded_round):
    accept_all(app, coded_round)
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{coded_round}/themes/results?by=language").get_data(
        as_text=True
    )
    assert "Police violence and arrest" in html
    # 13 respondents in English wrote about the police, 2 in French: fewer than 5.
    assert ">13<" in html
    assert "fewer than 5" in html


def test_kappa_on_a_hand_checked_example():
    # Agreement on 8 of 10, each reviewer says yes 5 times: chance agreement 0.5, so
    # kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6.
    first = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0]
    second = [1, 0, 0, 0, 1, 0, 1, 1, 1, 0]
    assert cohen_kappa(first, second) == pytest.approx(0.6)
    assert cohen_kappa([1, 0, 1, 0], [0, 1, 0, 1]) == pytest.approx(-1.0)
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None


def test_two_reviewers_coding_the_sample_get_kappa_per_theme(app, client, auth, coded_round):
    with app.app_context():
        police = db.session.scalar(select(Theme.id).where(Theme.code == "police"))
    for _reviewer in range(2):
        auth.login("reviewer")
        while 'name="answer"' in (
            page := client.get(f"/staff/rounds/{coded_round}/agreement").get_data(as_text=True)
        ):
            reference = page.split('name="answer" value="')[1].split('"')[0]
            with app.app_context():
                response_id, _question_id, _item = answer_key_of(reference)
                text = db.session.scalar(
                    select(Answer.text).where(Answer.response_id == response_id)
                )
            themes = [police] if "police" in text.lower() else []
            client.post(
                f"/staff/rounds/{coded_round}/agreement",
                data={"answer": reference, "theme": themes, "csrf_token": csrf_token(page, False)},
            )
        auth.logout()
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{coded_round}/agreement").get_data(as_text=True)
    assert "Cohen" in html and "1.00" in html


@pytest.fixture
def briefed_round(app, client, auth, coded_round):
    accept_all(app, coded_round)
    email = auth.login("reviewer")
    with app.app_context():
        reviewer = db.session.scalar(select(User.id).where(User.email == email))
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        answer = db.session.scalar(select(Answer).where(Answer.text.like("The police beat%")))
        police = db.session.scalar(select(Theme.id).where(Theme.code == "police"))
        db.session.add(
            Quote(
                round_id=round_.id,
                response_id=answer.response_id,
                question_id=answer.question_id,
                item=0,
                language="en",
                theme_id=police,
                text="The police beat us and took our money.",
                translation=None,
                marked_by=reviewer,
                approved_by=reviewer,
            )
        )
        db.session.commit()
    page = client.get(f"/staff/rounds/{coded_round}/brief").get_data(as_text=True)
    client.post(
        f"/staff/rounds/{coded_round}/brief",
        data={
            f"direction-{police}": "Advocacy and Campaigning",
            f"activity-{police}": "campaigns",
            "csrf_token": csrf_token(page, required=False),
        },
    )
    return coded_round


def test_the_brief_as_a_printable_page(client, briefed_round):
    html = client.get(f"/staff/rounds/{briefed_round}/brief").get_data(as_text=True)
    assert "Police violence and arrest" in html
    assert "The police beat us and took our money." in html
    assert "A member, in English" in html
    assert "Campaigns" in html and "Advocacy and Campaigning" in html
    assert 'class="no-print"' in html  # the links and the form stay off the paper
    css = (Path(__file__).parent.parent / "consult" / "static" / "staff.css").read_text()
    assert "@media print { .brief-theme" in css and "/static/staff.css" in html


def test_the_brief_as_markdown(client, briefed_round):
    response = client.get(f"/staff/rounds/{briefed_round}/brief.md")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/markdown"
    assert "### Police violence and arrest" in text
    assert "> The police beat us and took our money." in text
    assert "<" not in text.replace("<bdi>", "")  # no HTML: it reads as plain Markdown


def test_the_brief_as_json(client, briefed_round):
    data = json.loads(client.get(f"/staff/rounds/{briefed_round}/brief.json").get_data())
    police = next(theme for theme in data["themes"] if theme["code"] == "police")
    assert police["respondents"]["count"] == 15
    assert police["activity"] == "campaigns"
    assert police["quotes"] == [
        {"text": "The police beat us and took our money.", "language": "en", "translation": None}
    ]
    # The 15 about the police are the 13 who wrote in English and two more: by language, the
    # two would stand out, so the theme is shown in total only, and says why.
    assert police["shown_in_total_only"] == "close to another"
    french = next(group for group in police["by_language"] if group["group"] == "fr")
    assert french["count"] is None and french["fewer_than"] is None
    # Who answered, with small groups hidden too: two respondents wrote in Spanish.
    spanish = next(g for g in data["respondents"]["by_language"] if g["group"] == "es")
    assert spanish["count"] is None and spanish["fewer_than"] == 5
    assert data["respondents"]["count"] == len(ANSWERS)


def word_document(response):
    """The blocks of a .docx download in order: ("Heading 1", text), ("List Bullet", text)...
    for paragraphs, ("table", [[cell, ...], ...]) for tables."""
    from docx import Document
    from docx.table import Table

    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    blocks = []
    for block in Document(io.BytesIO(response.data)).iter_inner_content():
        if isinstance(block, Table):
            blocks.append(("table", [[cell.text for cell in row.cells] for row in block.rows]))
        elif block.text:
            blocks.append((block.style.name, block.text))
    return blocks


def test_the_brief_as_a_word_document_has_the_pages_words_and_figures(client, briefed_round):
    """Read back with python-docx: the headings, the figures of the JSON, the approved quote,
    and no table for a theme shown in total only."""
    blocks = word_document(client.get(f"/staff/rounds/{briefed_round}/brief.docx"))
    data = json.loads(client.get(f"/staff/rounds/{briefed_round}/brief.json").get_data())
    headings = [text for style, text in blocks if style.startswith("Heading") or style == "Title"]
    assert headings[0].startswith("Advocacy brief: ")
    assert headings.index("Who answered") < headings.index("What members wrote about")
    assert ("Normal", f"Responses: {data['respondents']['count']}") in blocks
    regions = next(rows for kind, rows in blocks if kind == "table" and rows[0][0] == "Region")
    expected = [
        [g["label"], str(g["count"]) if g["count"] is not None else f"fewer than {g['fewer_than']}"]
        for g in data["respondents"]["by_region"]
    ]
    assert regions == [["Region", "Respondents"], *expected]
    police = blocks.index(("Heading 2", "Police violence and arrest"))
    after = blocks[police + 1 : police + 8]
    police_json = next(t for t in data["themes"] if t["code"] == "police")
    count = police_json["respondents"]["count"]
    percent = round(police_json["respondents"]["percent"])
    assert ("Normal", f"Respondents who wrote about it: {count} ({percent}%)") in after
    assert (
        "Normal",
        "Strategic direction: Advocacy and Campaigning · Advocacy activity: Campaigns",
    ) in after
    assert ("Quote", "The police beat us and took our money.") in after
    assert ("Normal", "A member, in English") in after
    # Shown in total only: no breakdown table before the next theme.
    next_theme = next(
        (i for i, (style, _t) in enumerate(blocks) if i > police and style == "Heading 2"),
        len(blocks),
    )
    assert not [kind for kind, _rows in blocks[police:next_theme] if kind == "table"]


def test_the_brief_as_a_word_document_reads_right_to_left_in_arabic(client, briefed_round):
    from docx import Document
    from docx.enum.table import WD_TABLE_DIRECTION

    response = client.get(f"/staff/rounds/{briefed_round}/brief.docx?lang=ar")
    document = Document(io.BytesIO(response.data))
    assert document.paragraphs[0].text.startswith("موجز المناصرة")
    body = document.element.body.xml
    paragraphs = [p for p in document.paragraphs if p.text]
    assert all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
    assert all(run.font.rtl for p in paragraphs for run in p.runs)
    assert all(t.table_direction == WD_TABLE_DIRECTION.RTL for t in document.tables)
    assert "<w:bidi/>" in body


def test_themes_too_few_members_raised_are_named_in_one_line(app, client, auth, coded_round):
    """Women's issues tagged on two answers: fewer than 5 members, so no section of "fewer
    than 5" tables, one line instead, in the page, the Markdown, the JSON and Word."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        women = db.session.scalar(select(Theme.id).where(Theme.code == "women"))
        for answer in db.session.scalars(
            select(Answer).where(Answer.text.like("La police%")).order_by(Answer.text)
        ):
            db.session.add(Tag(**Tag.about(round_, answer), theme_id=women))
        db.session.commit()
    accept_all(app, coded_round)
    auth.login("reviewer")
    line = "Also raised, by fewer than 5 members each: Women who use drugs."
    html = client.get(f"/staff/rounds/{coded_round}/brief").get_data(as_text=True)
    assert f'<p class="few-themes">{line}</p>' in html
    assert "<h3><bdi>Women who use drugs</bdi></h3>" not in html
    markdown = client.get(f"/staff/rounds/{coded_round}/brief.md").get_data(as_text=True)
    assert line in markdown and "### Women" not in markdown
    data = json.loads(client.get(f"/staff/rounds/{coded_round}/brief.json").get_data())
    assert data["raised_by_fewer_than_minimum"] == ["Women who use drugs"]
    assert "women" not in [theme["code"] for theme in data["themes"]]
    blocks = word_document(client.get(f"/staff/rounds/{coded_round}/brief.docx"))
    assert ("Normal", line) in blocks


def test_the_brief_in_the_reviewers_language(client, briefed_round):
    html = client.get(f"/staff/rounds/{briefed_round}/brief?lang=fr").get_data(as_text=True)
    assert "Violences policières" in html or "police" in html.lower()
    assert 'lang="fr"' in html


def test_long_runs_go_outside_the_request_and_show_progress(app, client, auth, coded_round):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/themes").get_data(as_text=True)
    response = client.post(
        f"/staff/rounds/{coded_round}/themes",
        data={"action": "autocode", "csrf_token": csrf_token(page, required=False)},
    )
    job_url = response.headers["Location"]

    html = client.get(job_url).get_data(as_text=True)
    # The count of answers read, and the way on to what the run made.
    assert f"Done: {len(ANSWERS)} answers read." in html and 'http-equiv="refresh"' not in html
    assert f'href="/staff/rounds/{coded_round}/coding?show=review">Review the suggestions' in html


def test_the_cli_codes_a_round_with_a_progress_bar(app, runner, coded_round):
    result = runner.invoke(args=["themes", "autocode", coded_round, "--codebook", "starter"])
    assert result.exit_code == 0, result.output
    assert "Coding written answers" in result.output
    assert f"{len(ANSWERS)} written answers" in result.output


def test_the_theme_pipeline_needs_no_network(app, coded_round, monkeypatch):
    """Every connection is refused but the one to the test database (PostgreSQL is reached
    through a socket): coding, emergent themes and the brief still run."""
    with app.app_context():
        url = db.engine.url
    database = (url.host, url.port or 5432) if url.host else None
    connect, getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect_to_the_database_only(self, address):
        if database is None or tuple(address[:2]) != database:
            raise OSError(f"no network in the theme pipeline: {address}")
        return connect(self, address)

    def resolve_the_database_only(host, *args, **kwargs):
        if database is None or host != database[0]:
            raise OSError(f"no name lookup in the theme pipeline: {host}")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect_to_the_database_only)
    monkeypatch.setattr(socket, "getaddrinfo", resolve_the_database_only)
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        assert autocode(round_).suggested > 0
        uncovered = db.session.scalar(
            select(func.count()).select_from(uncovered_answers(round_.id).subquery())
        )
        assert jobs.suggest_emergent_themes(round_)["answers"] == uncovered == 1
        themes = list(db.session.scalars(select(Theme).order_by(Theme.position)))
        assert build_brief(round_, themes, "en").results.responses.value == len(ANSWERS)


def test_every_box_a_member_writes_in_asks_for_no_names(app, client, demo_round):
    start(client)
    pages = demo_pages(app)
    for number in (1, 2):
        assert post_page(client, number, pages[number - 1]).status_code == 302
    html = client.get(f"/c/{demo_round}/3").get_data(as_text=True)
    with app.app_context():
        one_change = field("one_change")
    note = f'id="{one_change}-names">Please write no names, phone numbers or addresses'
    assert note in html
    assert re.search(f'<input[^>]*aria-describedby="[^"]*{one_change}-names"', html) or re.search(
        f'<textarea[^>]*aria-describedby="[^"]*{one_change}-names"', html
    )
    arabic = client.get(f"/c/{demo_round}/3?lang=ar").get_data(as_text=True)
    assert f'id="{one_change}-names">Please' not in arabic  # translated, like every text


def test_the_demo_comes_coded_against_the_starter_codebook(app, runner):
    result = runner.invoke(args=["seed-demo", "--responses", "40"])
    assert "themes suggested" in result.output, result.output
    with app.app_context():
        round_ = db.session.scalar(select(Round))
        assert round_.codebook.code == "starter"
        assert db.session.scalar(select(func.count()).select_from(Tag)) > 0


def test_an_emergent_group_becomes_a_theme_in_one_step(app, client, auth, coded_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        add_written_answers(
            round_,
            [
                ("en", f"The bus ticket to the centre costs too much, fares went up {i}.")
                for i in range(8)
            ]
            + [
                ("en", f"Mobile phone credit is expensive, we cannot call outreach {i}.")
                for i in range(8)
            ],
        )
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{coded_round}/themes/emergent").get_data(as_text=True)
    token = csrf_token(page, required=False)
    response = client.post(
        f"/staff/rounds/{coded_round}/themes/emergent", data={"csrf_token": token}
    )
    html = client.get(f"/staff/rounds/{coded_round}/themes/emergent").get_data(as_text=True)
    assert "The bus ticket to the centre costs too much" in html
    assert "Mobile phone credit is expensive" in html
    response = client.post(
        f"/staff/rounds/{coded_round}/themes/emergent/0", data={"csrf_token": token}
    )
    assert "/staff/codebooks/starter/themes/emergent-" in response.headers["Location"]
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code.like("emergent-%")))
        assert theme.keywords["en"] and set(theme.keywords) == {"en"}
        assert theme.position == len(theme.codebook.themes) - 1


def theme_rows(app, slug, by=None):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        themes = list(db.session.scalars(select(Theme).order_by(Theme.position)))
        results = theme_results(round_, themes, by)
        return {row.theme.code: row for row in results.rows}, results.together


def test_a_theme_whose_respondents_change_by_fewer_than_k_is_shown_in_total_only(app, coded_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        add_written_answers(round_, [("en", f"Naloxone in every pharmacy, {i}.") for i in range(8)])
        autocode(round_)
    accept_all(app, coded_round)
    rows, _together = theme_rows(app, coded_round, "language")
    harm_reduction = rows["harm_reduction"]
    overdose = harm_reduction.children[0]
    assert (harm_reduction.count.value, overdose.count.value) == (14, 8)
    assert harm_reduction.total_only is None and overdose.total_only is None
    # The two French answers about syringes were not about harm reduction after all: 12
    # with the theme. By group, the 12 beside the 14 shown before would point at the groups
    # of those two: the new version is shown in total only, with the reason.
    with app.app_context():
        syringes = db.session.scalars(
            select(Tag)
            .join(Theme)
            .join(Answer, Answer.response_id == Tag.response_id)
            .where(Theme.code == "harm_reduction", Answer.language == "fr")
        ).all()
        assert len(syringes) == 2
        for tag in syringes:
            tag.status = "rejected"
        db.session.commit()
        # Nothing changes before the next release.
    rows, _together = theme_rows(app, coded_round, "language")
    assert rows["harm_reduction"].count.value == 14 and rows["harm_reduction"].waiting
    with app.app_context():
        release_later(db.session.scalar(select(Round).where(Round.slug == coded_round)))
    for by in ("network", "region", "language"):
        rows, _together = theme_rows(app, coded_round, by)
        harm_reduction = rows["harm_reduction"]
        overdose = harm_reduction.children[0]
        assert (harm_reduction.count.value, overdose.count.value) == (12, 8)
        assert harm_reduction.total_only == "close to another"
        assert not any(figure.shown for figure in harm_reduction.by_group.values())
        assert overdose.total_only is None
        assert any(figure.shown for figure in overdose.by_group.values())


def test_two_themes_written_about_together_by_few_are_hidden(app, coded_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == coded_round))
        add_written_answers(round_, [("en", "The police take our syringes.")])
        autocode(round_)
    accept_all(app, coded_round)
    _rows, together = theme_rows(app, coded_round)
    pairs = {(a.code, b.code): figure for a, b, figure in together}
    # One respondent wrote about both: the pair is not listed, as it would not be if nobody
    # had, so a reviewer cannot learn whether two answers they chose are one member's.
    assert ("police", "harm_reduction") not in pairs
    assert ("harm_reduction", "police") not in pairs


@pytest.mark.parametrize(
    ("written", "markdown"),
    [
        ("A drop-in centre (public link), open 9-5!", "A drop-in centre (public link), open 9-5!"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("-5 degrees", "-5 degrees"),
        ("1. not a list", "1\\. not a list"),
        ("a *b* _c_ [x](y) <b> | ~", "a \\*b\\* \\_c\\_ \\[x\\](y) \\<b\\> \\| \\~"),
        ("two\nlines", "two lines"),
    ],
)
def test_markdown_escapes_only_what_markdown_would_read(written, markdown):
    """Backslashes show when the brief is pasted into a word processor: only marks that
    would change the text are escaped."""
    from consult.coding.brief_views import markdown_text

    assert markdown_text(written) == markdown


def test_ranked_priorities_list_the_most_ranked_first_and_hidden_ones_last():
    from consult.coding.results import most_first
    from consult.review.results import ChoiceRow
    from consult.suppression import Figure

    def row(label, value):
        return ChoiceRow(label=label, count=Figure(value, 5, None if value else "small"))

    rows = [row("HIV", 24), row("hidden", None), row("Police violence", 28), row("Funding", 24)]
    assert [r.label for r in most_first(rows)] == ["Police violence", "HIV", "Funding", "hidden"]


def test_the_brief_leaves_out_breakdowns_whose_every_cell_is_hidden(client, briefed_round):
    """The police theme is shown in total only (by language, two French members would stand
    out): no table of "hidden" rows under it, in the page or in Markdown."""
    html = client.get(f"/staff/rounds/{briefed_round}/brief").get_data(as_text=True)
    police = html.split("<h3><bdi>Police violence and arrest</bdi></h3>")[1].split("</section>")[0]
    assert "<table>" not in police
    text = client.get(f"/staff/rounds/{briefed_round}/brief.md").get_data(as_text=True)
    police = text.split("### Police violence and arrest")[1].split("### ")[0]
    assert "| Language |" not in police and "| Region |" not in police


def test_the_brief_leads_with_headline_findings_that_match_the_answers(
    app, client, auth, demo_round
):
    """Computed here from the raw answers: the share agreeing that decriminalisation should
    be the main campaign, within the cell-key noise; the same figures, in the same order,
    in the page, the Markdown and the JSON."""
    from html import unescape

    from consult.demo.operations import add_synthetic_responses
    from consult.design.models import Question

    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        add_synthetic_responses(round_, 300, released=True)
        use_codebook(round_, seed_starter_codebook())
        scale = db.session.scalar(
            select(Question).where(Question.code == "decriminalisation_first")
        )
        points = [c.id for c in scale.options if c.role == "option"]
        counts = dict(
            db.session.execute(
                select(Answer.choice_id, func.count())
                .where(Answer.question_id == scale.id)
                .group_by(Answer.choice_id)
            ).all()
        )
        in_order = [counts.get(point, 0) for point in points]
        agreeing = 100 * sum(in_order[(len(in_order) + 1) // 2 :]) / sum(in_order)
        text = scale.text["en"]
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{demo_round}/brief").get_data(as_text=True)
    assert html.index("Headline findings") < html.index("Who answered")
    shown = [
        (percent, said, unescape(question))
        for percent, said, question in re.findall(
            r"<li><strong>(\d+)%</strong> (.*?) <bdi>(.*?)</bdi></li>", html
        )
    ]
    percents = [int(p) for p, _said, _q in shown]
    assert percents == sorted(percents, reverse=True) and len(shown) >= 3
    (agree,) = [int(p) for p, said, q in shown if q == text]
    assert abs(agree - agreeing) <= 3
    assert all(said == "agree:" for _p, said, q in shown if q == text)
    data = json.loads(client.get(f"/staff/rounds/{demo_round}/brief.json").get_data())
    assert [f["percent"] for f in data["findings"]] == percents
    markdown = client.get(f"/staff/rounds/{demo_round}/brief.md").get_data(as_text=True)
    assert f"- **{agree}%** agree: {text}" in markdown
    blocks = word_document(client.get(f"/staff/rounds/{demo_round}/brief.docx"))
    start = blocks.index(("Heading 1", "Headline findings")) + 1
    end = next(i for i, (style, _t) in enumerate(blocks) if i >= start and "Heading" in style)
    bullets = [text for style, text in blocks[start:end] if style == "List Bullet"]
    assert [int(b.split("%")[0]) for b in bullets] == percents
    assert f"{agree}% agree: {text}" in bullets
