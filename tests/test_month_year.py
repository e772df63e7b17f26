"""The month-and-year kind end to end (consult/questions/months.py): designed, answered
without JavaScript (here) and with it (in Chromium), counted into a median and quartiles,
exported as YYYY-MM, and written to and read back from an XLSForm that pyxform accepts."""

import csv
import io
import uuid
from datetime import date

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pyxform.xls2xform import convert
from sqlalchemy import select

from consult.design.definition import from_definition, to_definition
from consult.design.models import Question, Round
from consult.design.xlsform import read_xlsform, write_xlsform
from consult.extensions import db
from consult.questions import months
from consult.respond.models import Answer, Response
from consult.review.releases import release_if_due

from .browser import new_page, screenshot
from .conftest import csrf_token
from .journey import post_page, start, submit

SLUG = "when-round"
DEFINITION = {
    "format": "consult-round/1",
    "slug": SLUG,
    "languages": ["en", "ar"],
    "title": {"en": "Services", "ar": "الخدمات"},
    "sections": [
        {
            "title": {"en": "Services", "ar": "الخدمات"},
            "questions": [
                {
                    "code": "last_service",
                    "kind": "month_year",
                    "text": {
                        "en": "When did you last use a harm reduction service?",
                        "ar": "متى استخدمت آخر مرة خدمة للحد من الضرر؟",
                    },
                    "required": True,
                },
                {
                    "code": "which",
                    "kind": "short_text",
                    "text": {"en": "Which service was it?", "ar": "ما هي الخدمة؟"},
                    "condition": {"question": "last_service", "op": "answered"},
                },
            ],
        }
    ],
}


def open_round(app, monkeypatch):
    """The round, open; "this month" is June 2026 whatever the machine's clock says."""
    monkeypatch.setattr(months, "_this_month", lambda: (2026, 6))
    with app.app_context():
        round_ = from_definition(DEFINITION)
        round_.status = "open"
        db.session.add(round_)
        db.session.commit()
    return SLUG


@pytest.fixture
def month_round(app, monkeypatch):
    return open_round(app, monkeypatch)


def field_name(app):
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.code == "last_service"))
        return f"question_{question.id}"


def test_a_member_answers_with_two_lists_and_no_javascript(app, client, month_round):
    start(client, slug=SLUG)
    name = field_name(app)
    page = client.get(f"/c/{SLUG}/1").text
    assert '<label for="' + name + '-month">Month</label>' in page
    assert '<option value="month:3">March</option>' in page
    assert '<option value="year:2026">2026</option>' in page
    assert "year:2027" not in page  # no year still to come

    only_the_month = post_page(client, 1, {name: ["month:3", ""]}, slug=SLUG)
    assert only_the_month.status_code == 200
    assert "Please choose both the month and the year." in only_the_month.text
    assert '<option value="month:3" selected>' in only_the_month.text  # kept as chosen

    to_come = post_page(client, 1, {name: ["month:7", "year:2026"]}, slug=SLUG)
    assert to_come.status_code == 200
    assert "Please choose this month or one before it." in to_come.text

    not_offered = post_page(client, 1, {name: ["month:13", "year:2026"]}, slug=SLUG)
    assert "Please choose the month and the year from the lists." in not_offered.text

    nothing = post_page(client, 1, {name: ["", ""]}, slug=SLUG)
    assert "Please answer this question." in nothing.text

    answered = post_page(client, 1, {name: ["month:3", "year:2025"]}, slug=SLUG)
    assert answered.status_code == 302
    review = client.get(f"/c/{SLUG}/review").text
    assert "March 2025" in review
    assert submit(client, slug=SLUG).headers["Location"].endswith("/thanks")
    with app.app_context():
        (number,) = db.session.scalars(select(Answer.number)).all()
    assert number == 2025 * 12 + 2  # months since year 0: March is the third


def test_an_arabic_page_names_the_months_in_arabic(app, client, month_round):
    start(client, slug=SLUG, lang="ar")
    name = field_name(app)
    page = client.get(f"/c/{SLUG}/1").text
    assert 'dir="rtl"' in page
    assert "مارس" in page and ">الشهر<" in page and ">السنة<" in page
    assert post_page(client, 1, {name: ["month:3", "year:2025"]}, slug=SLUG).status_code == 302
    assert "مارس 2025" in client.get(f"/c/{SLUG}/review").text


def test_answering_reveals_the_question_on_a_condition(app, client, month_round):
    start(client, slug=SLUG)
    name = field_name(app)
    post_page(client, 1, {name: ["month:1", "year:2024"]}, slug=SLUG)
    assert "Which service was it?" in client.get(f"/c/{SLUG}/review").text


def answered_round(app):
    """13 released responses, one a month from January 2024 to January 2025."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        question = next(q for q in round_.questions if q.code == "last_service")
        for i in range(13):
            response = Response(
                id=uuid.UUID(int=i + 1),
                round_id=round_.id,
                language="en",
                submitted_on=date(2026, 5, 4),
                furthest_page=0,
                record_key=0,  # no noise: the figures are the counts
            )
            response.answers = [Answer(question_id=question.id, item=0, number=2024 * 12 + i)]
            db.session.add(response)
        db.session.commit()
        release_if_due(round_, date(2026, 5, 5))


def test_the_results_give_the_median_and_quartiles_as_months(app, client, auth, month_round):
    answered_round(app)
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/results").text
    # 13 answers: the quartiles are the 4th, 7th and 10th months, April, July, October 2024.
    assert "Median: July 2024 · Quartiles: April 2024 – October 2024" in page
    assert "Answered: 13" in " ".join(page.split())


def test_exports_write_year_and_month(app, client, auth, month_round):
    answered_round(app)
    auth.login("admin")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/microdata").text)
    data = {"csrf_token": token, "purpose": "A check of the new kind", "language": "en"}
    exported = client.post(f"/staff/rounds/{SLUG}/responses.csv", data=data)
    assert exported.status_code == 200
    _note, header, *rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    column = header.index("last_service")
    assert sorted(row[column] for row in rows) == [
        f"{2024 + i // 12}-{i % 12 + 1:02d}" for i in range(13)
    ]


def test_the_xlsform_is_a_month_year_date_and_reads_back(app, month_round):
    with app.test_request_context("/"):
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        definition = to_definition(round_)
        xlsx = write_xlsform(definition)
        survey = load_workbook(io.BytesIO(xlsx))["survey"]
        header = [cell.value for cell in survey[1]]
        row = next(r for r in survey.iter_rows(values_only=True) if "last_service" in r)
        assert row[header.index("type")] == "date"
        assert row[header.index("appearance")] == "month-year"
        xform = convert(xlsform=io.BytesIO(xlsx), file_type=".xlsx").xform
        assert 'appearance="month-year"' in xform
        read, _report = read_xlsform(xlsx, "when.xlsx")
    question = read["sections"][0]["questions"][0]
    assert (question["code"], question["kind"], question["required"]) == (
        "last_service",
        "month_year",
        True,
    )


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_with_and_without_javascript(
    live_server, browser, monkeypatch, language, javascript
):
    """The two lists on a 360 × 640 screen, the member's summary in the page's language.
    Conditions are the server's (no script of consult reads answers), so both ways the
    answer reveals the follow-up question on the same page, and the second Next goes on."""
    app, base = live_server
    open_round(app, monkeypatch)
    page = new_page(browser, javascript=javascript)
    page.goto(f"{base}/c/{SLUG}/?lang={language}")
    page.locator(f"form[action$='/c/{SLUG}/start'] button").click()
    page.wait_for_url(f"**/c/{SLUG}/1")
    page.select_option("select[id$='-month']", "month:3")
    page.select_option("select[id$='-year']", "year:2025")
    page.locator("button[name=move][value=next]").click()
    follow_up = DEFINITION["sections"][0]["questions"][1]["text"][language]
    expect(page.locator("label", has_text=follow_up)).to_be_visible()
    mode = "js" if javascript else "nojs"
    screenshot(page, f"month-year-{language}-{mode}.png", full_page=True)
    page.locator("button[name=move][value=next]").click()
    page.wait_for_url(f"**/c/{SLUG}/review")
    expect(page.locator("main")).to_contain_text("مارس 2025" if language == "ar" else "March 2025")
