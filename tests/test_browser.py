"""A member answers the demo round in Debian's Chromium at 360×640 with JavaScript off."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from consult import create_app
from consult.demo.operations import create_demo_round
from consult.extensions import db
from consult.respond.models import Response

from .conftest import make_test_config

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Debian's chromium is not installed: run 'apt-get install chromium'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def live_server(tmp_path):
    app = create_app(make_test_config(f"sqlite:///{tmp_path / 'browser.sqlite'}", {}))
    with app.app_context():
        db.create_all()
        create_demo_round()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def phone():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(
            viewport={"width": 360, "height": 640}, java_script_enabled=False
        )
        context.set_default_timeout(10_000)
        yield context.new_page()
        context.close()
        browser.close()


def test_member_answers_the_demo_round_without_javascript(live_server, phone):
    app, base = live_server
    page = phone
    page.goto(f"{base}/")
    page.get_by_role("link", name="Community priorities for advocacy 2027").click()
    assert page.get_by_role("heading", name="What we keep and what we do not").is_visible()
    page.get_by_role("button", name="Start").click()

    # Page 1: a required question left blank is explained, then answered.
    page.get_by_role("button", name="Next").click()
    assert page.get_by_text("Please answer this question.").is_visible()
    page.get_by_label("Africa", exact=True).check()
    page.get_by_role("button", name="Next").click()

    # Page 2: rank three priorities with drop-downs, a scale, several choices.
    page.get_by_label("Decriminalisation of drug use").select_option(label="1")
    page.get_by_label("Overdose prevention and naloxone").select_option(label="2")
    page.get_by_label("Funding for user-led networks").select_option(label="3")
    decriminalisation = page.get_by_role("group", name="Decriminalisation should be")
    decriminalisation.get_by_label("Strongly agree", exact=True).check()
    page.get_by_label("Fear of the police").check()
    page.get_by_label("Staff who judge us").check()
    page.get_by_role("button", name="Next").click()

    page.get_by_label("If you could change one law or policy").fill("End compulsory treatment")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What should the network campaign on in 2027").fill("Decriminalisation.")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "member-page-4-360x640.png"), full_page=True)
    page.get_by_role("button", name="Next").click()

    assert page.get_by_role("heading", name="Check your answers").is_visible()
    assert page.get_by_text("End compulsory treatment").is_visible()
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("heading", name="Thank you").is_visible()

    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_designer_builds_previews_and_opens_a_round_in_the_browser(live_server, phone):
    from consult.accounts.operations import create_user
    from consult.design.models import Round

    app, base = live_server
    with app.app_context():
        create_user("designer@example.org", "a long enough password", "designer")
    page = phone
    page.goto(f"{base}/staff/login")
    page.get_by_label("E-mail").fill("designer@example.org")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="New round").click()
    page.get_by_label("Title").fill("Naloxone in our region")
    page.get_by_label("Address").fill("naloxone")
    page.get_by_label("Languages").fill("en, fr")
    page.get_by_role("button", name="Create the round").click()

    page.get_by_label("Add a question of type").select_option("yes_no")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_label("Question", exact=True).fill("Can you get naloxone where you live?")
    page.get_by_label("Short name").fill("naloxone_access")
    page.get_by_label("An answer is required").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Can you get naloxone where you live?").is_visible()

    page.get_by_role("link", name="Preview").click()
    assert page.get_by_text("Nothing you enter here is saved.").is_visible()
    assert page.get_by_role("radio", name="Yes").is_visible()
    page.get_by_role("link", name="Français").last.click()
    assert page.locator('.phone[lang="fr"]').is_visible()
    page.screenshot(path=str(ARTIFACTS / "builder-preview-fr.png"), full_page=True)

    page.get_by_role("link", name="Back to the questionnaire").click()
    page.get_by_role("button", name="Open for answers").click()
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "naloxone"))
        assert round_.status == "open"
        assert [q.code for q in round_.questions] == ["naloxone_access"]
    page.goto(f"{base}/c/naloxone/")
    assert page.get_by_role("heading", name="Naloxone in our region").is_visible()
