"""The charts of the demo round (300 responses) in Debian's Chromium: bars that use
a 1280 px staff page, right-to-left charts that grow from the right edge, regions with their
networks set in under them, breakdowns, and the members' page still readable on a phone.
Screenshots go to test-artifacts/ to be looked at."""

import pytest
from sqlalchemy import select

from consult.extensions import db

from .browser import new_page, screenshot

pytestmark = pytest.mark.browser

SLUG = "priorities-2027"


@pytest.fixture
def demo_results(live_server):
    """The demo round with 300 released responses, closed and published to members, and a
    reviewer's account; returns the base URL."""
    from consult.accounts.operations import create_user
    from consult.demo.operations import add_synthetic_responses
    from consult.design.models import Round
    from consult.review.operations import set_publication

    app, base = live_server
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        add_synthetic_responses(round_, 300, released=True)
        set_publication(round_, True, [q.code for q in round_.questions if q.kind != "info"])
        round_.status = "closed"
        db.session.commit()
        create_user("lead@example.org", "a long enough password", "reviewer")
    return base


def log_in(page, base):
    page.goto(f"{base}/staff/login")
    page.get_by_label("E-mail").fill("lead@example.org")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Log in").click()


def boxes(page, selector):
    """[(left, right, width)] on screen, in CSS pixels, of every element ``selector`` finds."""
    return page.locator(selector).evaluate_all(
        "elements => elements.map(e => { const b = e.getBoundingClientRect();"
        " return [b.left, b.right, b.width]; })"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_bars_use_the_width_of_a_staff_page(demo_results, browser, language):
    base = demo_results
    page = new_page(browser, width=1280, height=900)
    log_in(page, base)
    page.goto(f"{base}/staff/rounds/{SLUG}/results?lang={language}")
    bars = boxes(page, "svg.chart rect.chart-bar")
    assert max(width for _left, _right, width in bars) >= 400
    # Each question's bars start at the same edge: the left one, or the right in Arabic.
    first = boxes(page, "svg[aria-labelledby^='chart-barriers-'] rect.chart-bar")
    edges = [right if language == "ar" else left for left, right, _width in first]
    assert len(first) >= 3 and max(edges) - min(edges) < 1
    widths = [width for _l, _r, width in first]
    assert widths == sorted(widths, reverse=True)  # a multiple choice: the most ticked first
    screenshot(page, f"charts-results-{language}.png", full_page=True)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_dashboard_sets_each_network_in_under_its_region(demo_results, browser, language):
    base = demo_results
    page = new_page(browser, width=1280, height=900)
    log_in(page, base)
    page.goto(f"{base}/staff/rounds/{SLUG}/dashboard?lang={language}")
    labels = page.locator("svg[aria-labelledby^='chart-networks-'] text.chart-label")
    rows = labels.evaluate_all(
        "labels => labels.map(l => { const b = l.getBoundingClientRect();"
        " return [l.textContent, b.left, b.right, l.getAttribute('font-weight')]; })"
    )
    regions = [row for row in rows if row[3] == "700"]
    # The networks' codes (EuroNPUD, INWUD…) read the same in every language.
    networks = [row for row in rows if row[0].endswith(("PUD", "WUD"))]
    assert (
        len(regions) >= 7
        and len(networks) >= 8
        and not set(map(tuple, regions)) & set(map(tuple, networks))
    )
    lefts = [left for _text, left, _right, _bold in networks]
    rights = [right for _text, _left, right, _bold in networks]
    if language == "ar":  # the start edge is the right one
        assert max(rights) < min(right for _t, _l, right, _b in regions) - 10
    else:
        assert min(lefts) > max(left for _t, left, _r, _b in regions) + 10
    screenshot(page, f"charts-dashboard-{language}.png", full_page=True)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_breakdowns_and_the_ranking_are_drawn(demo_results, browser, language):
    base = demo_results
    page = new_page(browser, width=1280, height=900)
    log_in(page, base)
    for code, by in (("decriminalisation_first", "region"), ("barriers", "language")):
        page.goto(f"{base}/staff/rounds/{SLUG}/results/{code}?by={by}&lang={language}")
        assert page.locator(f"svg[aria-labelledby^='breakdown-{code}-']").is_visible()
        screenshot(page, f"charts-breakdown-{code}-{language}.png", full_page=True)
    page.goto(f"{base}/staff/rounds/{SLUG}/results/priorities?lang={language}")
    ranking = page.locator("svg[aria-labelledby^='chart-priorities-']")
    assert ranking.locator("rect.chart-bar-score").count() >= 5
    screenshot(page, f"charts-ranking-{language}.png", full_page=True)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_members_results_keep_their_text_readable_on_a_phone(demo_results, browser, language):
    base = demo_results
    page = new_page(browser)  # 360 × 640
    page.goto(f"{base}/c/{SLUG}/results?lang={language}")
    sizes = page.locator("svg.chart").evaluate_all(
        "charts => charts.map(c => c.getBoundingClientRect().width / c.viewBox.baseVal.width"
        " * parseFloat(c.getAttribute('font-size')))"
    )
    assert sizes and min(sizes) >= 12
    assert max(right for _left, right, _width in boxes(page, "svg.chart")) <= 360
    screenshot(page, f"charts-members-{language}.png", full_page=True)
