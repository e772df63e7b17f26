"""An advocacy lead codes the demo round and reads the brief, in Debian's Chromium at
1280 × 900: every suggestion coded with one action per theme, requests counted;
axe-core on the coding page, the brief and the dashboard, in English and Arabic."""

import pytest
from sqlalchemy import func, select

from consult.extensions import db

from .browser import new_page, screenshot

pytestmark = pytest.mark.browser

SLUG = "priorities-2027"


@pytest.fixture
def coded_demo(live_server):
    """The demo round with 300 released responses, the starter codebook and its
    suggestions, and a reviewer's account; returns (app, base URL)."""
    from consult.accounts.operations import create_user
    from consult.codebooks.operations import seed_starter_codebook
    from consult.coding.autocoding import autocode
    from consult.coding.operations import use_codebook
    from consult.demo.operations import add_synthetic_responses
    from consult.design.models import Round

    app, base = live_server
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        add_synthetic_responses(round_, 300, released=True)
        use_codebook(round_, seed_starter_codebook())
        autocode(round_)
        create_user("lead@example.org", "a long enough password", "reviewer")
    return app, base


def log_in(page, base):
    page.goto(f"{base}/staff/login")
    page.get_by_label("E-mail").fill("lead@example.org")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Log in").click()


def suggestions_left(app):
    from consult.coding.models import Tag

    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(Tag).where(Tag.status == "suggested")
        )


def test_a_lead_codes_every_suggestion_with_one_action_per_theme(coded_demo, browser):
    from consult.design.models import Round

    from .conftest import release_later

    app, base = coded_demo
    page = new_page(browser, javascript=False, width=1280, height=900)
    log_in(page, base)
    before = suggestions_left(app)
    assert before > 100
    requests = []
    page.on("request", lambda request: requests.append(request.method))
    page.goto(f"{base}/staff/rounds/{SLUG}/coding")
    table = page.locator("#by-theme table")
    themes = table.locator("tbody tr").count()
    screenshot(page, "coding-by-theme-en.png", full_page=True)
    # Reject the first theme's suggestions, undo that, then accept every theme's.
    # Each click waits for the page it brings: the table read next is the new page's.
    with page.expect_navigation():
        table.locator("tbody tr").first.get_by_role("button", name="Reject all").click()
    with page.expect_navigation():
        page.locator("#by-theme").get_by_role("button", name="Undo").click()
    actions = 2
    while page.locator("#by-theme table").count():
        with page.expect_navigation():
            page.locator("#by-theme table tbody tr").first.get_by_role(
                "button", name="Accept all"
            ).click()
        actions += 1
    assert suggestions_left(app) == 0
    assert actions == themes + 2  # one per theme, plus the reject and its undo
    posts = requests.count("POST")
    assert posts == actions
    with app.app_context():
        release_later(db.session.scalar(select(Round).where(Round.slug == SLUG)))
    page.goto(f"{base}/staff/rounds/{SLUG}/brief")
    assert page.get_by_role("heading", name="Headline findings").is_visible()
    assert page.locator("section.brief-theme").count() >= 3
    print(f"\n{before} suggestions of {themes} themes coded in {posts} POST requests")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation_on_the_coding_page_the_brief_and_the_dashboard(
    coded_demo, browser, language
):
    from axe_playwright_python.sync_playwright import Axe

    app, base = coded_demo
    page, axe, problems = new_page(browser, True, 1280, 900), Axe(), {}
    log_in(page, base)
    for name, path in (
        ("coding", "coding"),
        ("brief", "brief"),
        ("dashboard", "dashboard"),
        ("theme-results", "themes/results"),
    ):
        page.goto(f"{base}/staff/rounds/{SLUG}/{path}?lang={language}")
        results = axe.run(page)
        if results.violations_count:
            problems[name] = [v["id"] for v in results.response["violations"]]
        screenshot(page, f"staff-{name}-{language}.png", full_page=name != "coding")
    assert problems == {}
    # Answers written alike, each group shown once with its number, and the boxes to tick.
    page.goto(f"{base}/staff/rounds/{SLUG}/coding?lang={language}&show=review#chosen")
    assert page.locator("ol.coding .group-size").count() > 0
    assert page.locator('ol.coding input[type="checkbox"][form="chosen-form"]').count() > 0
    screenshot(page, f"coding-groups-{language}.png")
