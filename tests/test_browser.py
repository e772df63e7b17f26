"""A member answers the demo round in Debian's Chromium at 360×640 with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from consult.extensions import db
from consult.respond.models import Response

from .browser import ARTIFACTS, new_page, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def test_member_answers_the_demo_round_without_javascript(live_server, phone):
    app, base = live_server
    page = phone
    page.goto(f"{base}/")
    page.get_by_role("link", name="Community priorities for advocacy 2027").click()
    expect(page.get_by_role("heading", name="What we keep and what we do not")).to_be_visible()
    page.get_by_role("button", name="Start").click()

    # Page 1: a required question left blank is explained, then answered.
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Please answer this question.")).to_be_visible()
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
    screenshot(page, "member-page-4-360x640.png", full_page=True)
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(page.get_by_text("End compulsory treatment")).to_be_visible()
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()

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
    page.get_by_role("button", name="Add the question").click()
    page.get_by_label("Question", exact=True).fill("Can you get naloxone where you live?")
    page.get_by_label("Short name").fill("naloxone_access")
    page.get_by_label("An answer is required").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Can you get naloxone where you live?")).to_be_visible()

    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("Nothing you enter here is saved.")).to_be_visible()
    expect(page.get_by_role("radio", name="Yes")).to_be_visible()
    page.get_by_role("link", name="Français").last.click()
    expect(page.locator('.phone[lang="fr"]')).to_be_visible()
    screenshot(page, "builder-preview-fr.png", full_page=True)

    page.get_by_role("link", name="Back to the questionnaire").click()
    # French is not translated yet: the round cannot open.
    page.get_by_role("button", name="Open for answers").click()
    refusal = "cannot open until these languages are complete: Français"
    expect(page.get_by_text(refusal)).to_be_visible()
    page.get_by_role("link", name="Français").last.click()
    boxes = page.locator("textarea[lang=fr]")
    for index in range(boxes.count()):
        boxes.nth(index).fill(f"Texte {index}")
    page.get_by_role("button", name="Save the translations").click()
    page.goto(f"{base}/staff/rounds/naloxone/")
    page.get_by_role("button", name="Open for answers").click()
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "naloxone"))
        assert round_.status == "open"
        assert [q.code for q in round_.questions] == ["naloxone_access"]
    page.goto(f"{base}/c/naloxone/")
    expect(page.get_by_role("heading", name="Naloxone in our region")).to_be_visible()


def start_demo_round(page, base, language):
    page.goto(f"{base}/c/priorities-2027/?lang={language}")
    page.locator("button.primary").click()


def layout(page):
    """(radio button left of its label?, next button's centre x) on the first page."""
    radio = page.locator("ul.choices input[type=radio]").first.bounding_box()
    label = page.locator("ul.choices label").first.bounding_box()
    next_button = page.locator("button[value=next]").bounding_box()
    return radio["x"] < label["x"], next_button["x"] + next_button["width"] / 2


def test_the_arabic_page_mirrors_the_english_one(live_server, phone):
    app, base = live_server
    start_demo_round(phone, base, "en")
    radio_left_in_english, next_in_english = layout(phone)
    phone.context.clear_cookies()
    start_demo_round(phone, base, "ar")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    radio_left_in_arabic, next_in_arabic = layout(phone)
    assert radio_left_in_english and not radio_left_in_arabic
    assert next_in_english > 180 > next_in_arabic


@pytest.fixture
def phone_with_javascript(browser):
    # axe-core is injected by the test, so the page's CSP must let it in.
    context = browser.new_context(viewport={"width": 360, "height": 640}, bypass_csp=True)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_accessibility_violation_on_member_pages(
    live_server, phone_with_javascript, language
):
    from axe_playwright_python.sync_playwright import Axe

    app, base = live_server
    page, axe = phone_with_javascript, Axe()
    problems = {}

    def check(name):
        results = axe.run(page)
        if results.violations_count:
            problems[name] = [v["id"] for v in results.response["violations"]]

    page.goto(f"{base}/?lang={language}")
    check("home")
    page.goto(f"{base}/c/priorities-2027/")
    check("welcome")
    page.locator("button.primary").click()
    check("page 1")
    page.locator("button[value=next]").click()
    expect(page.locator("p.error[id]")).to_have_count(1)  # waits for the page sent back
    check("page 1 with an error")
    page.locator("input[type=radio]").first.check()
    page.locator("button[value=next]").click()
    page.locator("nav.languages summary").click()
    check("page 2, language menu open")
    page.locator("nav.languages summary").click()
    page.locator("button[value=next]").click()
    check("page 2 with errors")
    selects = page.locator("ol.ranking select")
    for index in range(3):
        selects.nth(index).select_option(index=index + 1)
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(4).check()
    page.locator("button[value=next]").click()
    check("page 3")
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(2).check()
    page.locator("button[value=next]").click()
    assert page.locator("#revealed").count() == 1
    check("page 3, a follow-up question added")
    page.locator("button[value=save]").click()
    check("saved")
    page.goto(f"{base}/c/priorities-2027/4")
    check("page 4")
    page.locator("button[value=next]").click()
    check("review")
    page.locator("button.primary").click()
    check("thanks")
    page.goto(f"{base}/c/priorities-2027/resume")
    check("resume")
    page.goto(f"{base}/exit")
    page.goto(f"{base}/c/priorities-2027/")
    assert page.locator("form").count() == 0
    check("neutral page after the quick exit")
    assert problems == {}


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_journey_with_condition_error_resume_double_submit_and_quick_exit(
    live_server, browser, language, javascript
):
    from consult.respond.models import Response

    app, base = live_server
    page = new_page(browser, javascript)
    page.goto(f"{base}/c/priorities-2027/?lang={language}")
    assert page.locator("a.quick-exit").get_attribute("href") == "/exit"
    page.locator("button.primary").click()

    # A validation error in the member's language, then the answer.
    page.locator("button[value=next]").click()
    expect(page.locator("p.error[id]")).to_have_count(1)  # waits for the page sent back
    assert page.locator("html").get_attribute("lang") == language
    page.locator("input[type=radio]").nth(3).check()
    page.locator("button[value=next]").click()

    # Page 2: rank three, answer the required scale.
    selects = page.locator("ol.ranking select")
    for index in range(3):
        selects.nth(index).select_option(index=index + 1)
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(4).check()
    page.locator("button[value=next]").click()

    # Page 3: the follow-up appears only after "several times" is chosen.
    assert page.locator("textarea").count() == 0
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(2).check()
    page.locator("button[value=next]").click()
    assert page.locator("textarea").count() == 1
    page.locator("textarea").fill("They sent me away.")

    # Save, and come back on another phone with the code.
    page.locator("button[value=save]").click()
    code = page.locator(".resume-code strong").inner_text()
    page.context.close()
    page = new_page(browser, javascript)
    page.goto(f"{base}/c/priorities-2027/resume?lang={language}")
    page.locator("input[name=code]").fill(code.lower())
    page.locator("button.primary").click()
    page.goto(f"{base}/c/priorities-2027/3")
    assert page.locator("textarea").input_value() == "They sent me away."
    page.locator("button[value=next]").click()
    page.locator("button[value=next]").click()

    # Review, then two quick taps on "send": one response.
    page.locator("button.primary").dblclick()
    # The second tap aborts the first tap's navigation (net::ERR_ABORTED), which
    # wait_for_url takes for a failure on a busy machine: wait for where the page ends up.
    expect(page).to_have_url(re.compile(r".*/thanks$"), timeout=30_000)
    assert page.locator("h1").count() == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    # Quick exit leaves for the neutral site; with JavaScript it replaces this page in the
    # history (tests/test_member_phone.py follows what Back shows afterwards).
    before = page.evaluate("history.length") if javascript else None
    page.locator("a.quick-exit").click()
    page.wait_for_url(app.config["QUICK_EXIT_URL"])
    if javascript:
        assert page.evaluate("history.length") == before


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_reflow_at_320_pixels_and_at_200_percent_zoom(live_server, browser, language):
    app, base = live_server
    for width, scale in ((320, 1), (640, 2)):  # 200 % zoom on a 640 px screen = 320 CSS px
        context = browser.new_context(
            viewport={"width": width // scale, "height": 640},
            device_scale_factor=scale,
            java_script_enabled=False,
        )
        page = context.new_page()
        start_demo_round(page, base, language)
        page.locator("input[type=radio]").first.check()
        page.locator("button[value=next]").click()
        page.wait_for_url("**/2")  # the second page, loaded, before it is measured
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= width // scale
        context.close()
