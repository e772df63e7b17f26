"""axe-core on the secretariat's and admins' pages, in English and Arabic, at
1280 × 900: the builder, the question form with a condition by pointing, the preview, the
users page and the audit log. Screenshots go to test-artifacts/ to be looked at."""

import pytest
from sqlalchemy import select

from consult.extensions import db

from .browser import new_page, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation_on_the_builder_and_admin_pages(live_server, browser, language):
    from axe_playwright_python.sync_playwright import Axe

    from consult.accounts.operations import create_user
    from consult.design.models import Question, Round

    app, base = live_server
    with app.app_context():
        create_user(f"admin-{language}@example.org", "a long enough password", "admin")
        round_ = db.session.scalar(select(Round).where(Round.slug == "priorities-2027"))
        round_.status = "draft"
        db.session.commit()
        question = db.session.scalar(select(Question).where(Question.code == "police_stop"))
        question_id = question.id
    page, axe, problems = new_page(browser, True, 1280, 900), Axe(), {}
    page.goto(f"{base}/staff/login?lang={language}")
    page.locator("input[type=email]").fill(f"admin-{language}@example.org")
    page.locator("input[type=password]").fill("a long enough password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/staff/**")

    def check(name):
        results = axe.run(page)
        if results.violations_count:
            problems[name] = [v["id"] for v in results.response["violations"]]
        screenshot(page, f"builder-{name}-{language}.png", full_page=True)

    page.goto(f"{base}/staff/rounds/priorities-2027/")
    check("overview")
    page.goto(f"{base}/staff/rounds/priorities-2027/questions/{question_id}")
    page.locator("select[name=pointing-clauses-0-question]").select_option("region")
    page.locator("button[value=answers]").click()
    page.wait_for_selector("fieldset.answers")
    check("question-pointing")
    page.goto(f"{base}/staff/rounds/priorities-2027/preview/3")  # a conditional question
    check("preview")
    page.goto(f"{base}/staff/users")
    check("users")
    page.goto(f"{base}/staff/audit")
    check("audit")
    assert problems == {}
