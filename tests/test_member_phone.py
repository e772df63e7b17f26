"""A member on a phone, in Chromium: the quick exit leaves nothing to go back to,
a discreet round names nothing, the question or Start is on the first screen, a follow-up
question is announced, and every member page is photographed for a person to look at."""

import base64
import json
import zlib

import pytest
from sqlalchemy import func, select

from consult.design.models import Round
from consult.extensions import db
from consult.respond.models import Draft

from .browser import new_page, screenshot

pytestmark = pytest.mark.browser

SLUG = "priorities-2027"


def wait_for_the_neutral_site(page, app):
    page.wait_for_url(app.config["QUICK_EXIT_URL"])
    assert page.locator("p").inner_text() == "A search site"


def start(page, base, language, address=SLUG):
    page.goto(f"{base}/c/{address}/?lang={language}")
    page.locator("form.start button.primary").click()
    page.wait_for_url("**/1")


def answer_page_1(page):
    page.locator("input[type=radio]").nth(3).check()
    page.locator("button[value=next]").click()
    page.wait_for_url("**/2")


def answer_page_2(page):
    selects = page.locator("ol.ranking select")
    for index in range(3):
        selects.nth(index).select_option(index=index + 1)
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(4).check()
    page.locator("button[value=next]").click()
    page.wait_for_url("**/3")


def is_neutral(page):
    """The neutral page: its heading, and no form, no answer, no round."""
    return (
        page.locator("main h1").inner_text() in ("Nothing to show", "لا شيء لعرضه")
        and page.locator("form").count() == 0
        and page.locator("a.quick-exit").count() == 0
    )


MEMBER_PATHS = ("/", "/c/{a}/", "/c/{a}/1", "/c/{a}/2", "/c/{a}/3", "/c/{a}/4", "/c/{a}/review")
MEMBER_PATHS += ("/c/{a}/saved", "/c/{a}/resume", "/c/{a}/thanks")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_after_the_quick_exit_back_and_every_member_address_show_the_neutral_page(
    live_server, browser, language, javascript
):
    app, base = live_server
    page = new_page(browser, javascript)
    start(page, base, language)
    answer_page_1(page)
    page.locator("ol.ranking select").first.select_option(index=1)
    if javascript:
        # The keyboard shortcut: Escape three times.
        history = page.evaluate("history.length")
        for _ in range(3):
            page.keyboard.press("Escape")
    else:
        page.locator("a.quick-exit").click()
    wait_for_the_neutral_site(page, app)
    if javascript:
        assert page.evaluate("history.length") == history  # page 2 was replaced, not left

    page.go_back()
    assert page.url.startswith(base)
    assert is_neutral(page), page.content()
    assert "Community" not in page.content() and "المجتمع" not in page.content()
    for path in MEMBER_PATHS:
        page.goto(base + path.format(a=SLUG))
        assert is_neutral(page), path
        assert page.title() in ("Page", "الصفحة"), path
    # The draft had no resume code: it is gone from the database, not only from the cookie.
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    page.context.close()


def test_a_draft_with_a_resume_code_outlives_the_quick_exit_behind_its_code(live_server, browser):
    app, base = live_server
    page = new_page(browser)
    start(page, base, "en")
    answer_page_1(page)
    page.locator("button[value=save]").click()
    code = page.locator(".resume-code strong").inner_text()
    page.locator("a.quick-exit").click()
    wait_for_the_neutral_site(page, app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 1
    page.goto(f"{base}/c/{SLUG}/resume")
    assert is_neutral(page)  # not in this browser, for now
    other = new_page(browser)
    other.goto(f"{base}/c/{SLUG}/resume")
    other.locator("input[name=code]").fill(code)
    other.locator("button.primary").click()
    other.wait_for_url("**/1")
    assert other.locator("input[type=radio]").nth(3).is_checked()
    page.context.close()
    other.context.close()


def title_words(app):
    """Every word of the round's title, in each of its languages."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        return {word.lower() for text in round_.title.values() for word in text.split()}


def make_discreet(app):
    """The demo round in discreet mode, with a title that shares no word with its questions
    (the questions are the secretariat's to word), so any word of it found is a leak."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        round_.discreet = True
        round_.neutral_label = "questionnaire"
        round_.title = {
            "en": "Heroin Kathmandu Harmreduction",
            "fr": "Héroïne Katmandou Réductiondesrisques",
            "es": "Heroína Katmandú Reducciónderiesgos",
            "ru": "Героин Катманду Снижениевреда",
            "ar": "الهيروين كاتماندو الحدمنالضرر",
        }
        db.session.commit()
        return round_.member_key


def session_cookie(page, app):
    """The session cookie's contents: signed, not encrypted, so whoever holds the phone can
    read it."""
    name = app.config["SESSION_COOKIE_NAME"]
    value = next(c["value"] for c in page.context.cookies() if c["name"] == name)
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.loads(zlib.decompress(raw) if compressed else raw)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_discreet_round_names_nothing_on_any_page_title_or_address(
    live_server, browser, language
):
    app, base = live_server
    key = make_discreet(app)
    words = title_words(app) | {SLUG}
    page = new_page(browser)
    seen = []

    def look(name):
        seen.append(name)
        html, title, url = page.content().lower(), page.title().lower(), page.url.lower()
        for word in words:
            assert word not in html, (name, word)
            assert word not in title, (name, word)
            assert word not in url, (name, word)

    page.goto(f"{base}/?lang={language}")
    look("home")
    page.locator("ul.rounds a").click()
    look("welcome")
    assert page.url == f"{base}/c/{key}/"
    assert page.locator("h1").inner_text() in ("Questionnaire", "الاستبيان")
    page.locator("form.start button.primary").click()
    page.wait_for_url("**/1")
    look("page 1")
    answer_page_1(page)
    look("page 2")
    answer_page_2(page)
    look("page 3")
    cookie = session_cookie(page, app)
    readable = json.dumps(cookie, ensure_ascii=False).lower()
    assert cookie["drafts"] and not {word for word in words if word in readable}
    page.locator("button[value=save]").click()
    look("saved")
    code = page.locator(".resume-code strong").inner_text()
    page.locator("a[href$='/resume']").click()
    look("resume")
    page.locator("input[name=code]").fill(code)
    page.locator("button.primary").click()
    page.wait_for_url("**/1")
    page.goto(f"{base}/c/{key}/4")
    look("page 4")
    page.locator("button[value=next]").click()
    look("review")
    page.locator("button.primary").click()
    page.wait_for_url("**/thanks")
    look("thanks")
    # The slug no longer opens the round: it would spell out the topic in the history.
    assert page.goto(f"{base}/c/{SLUG}/").status == 404
    assert len(seen) == 10
    page.context.close()


def inside_first_screen(page, locator):
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("width", "height", "scale"), [(360, 640, 1), (180, 320, 2)], ids=["360x640", "200%"]
)
def test_start_and_the_first_question_are_on_the_first_screen(
    live_server, browser, language, width, height, scale
):
    """At 360 × 640, and zoomed to 200 % (the same phone showing 180 × 320 CSS pixels)."""
    app, base = live_server
    page = new_page(browser, width=width, height=height, scale=scale)
    page.goto(f"{base}/c/{SLUG}/?lang={language}")
    assert inside_first_screen(page, page.locator("form.start button.primary"))
    assert inside_first_screen(page, page.locator("a.quick-exit"))
    page.locator("form.start button.primary").click()
    page.wait_for_url("**/1")
    assert inside_first_screen(page, page.locator("fieldset.question legend").first)
    answer_page_1(page)
    assert inside_first_screen(page, page.locator("fieldset.question legend").first)
    # Nothing wider than the screen, and Back not clipped at either edge.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    back = page.locator("button[value=back]")
    back.scroll_into_view_if_needed()
    assert inside_first_screen(page, back)
    page.context.close()


@pytest.mark.parametrize(
    ("language", "javascript"), [("en", False), ("ar", True)], ids=["en-no-js", "ar-js"]
)
def test_a_follow_up_question_is_announced_and_holds_focus(
    live_server, browser, language, javascript
):
    app, base = live_server
    page = new_page(browser, javascript)
    start(page, base, language)
    answer_page_1(page)
    answer_page_2(page)
    assert page.locator("textarea").count() == 0  # "one change" is a one-line box
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(2).check()
    page.locator("button[value=next]").click()
    page.wait_for_load_state("load")
    notice = page.locator("#revealed")
    assert notice.is_visible()
    assert page.evaluate("document.activeElement.id") == "revealed"
    added = notice.locator("a")
    assert added.count() == 1
    assert page.locator("textarea").count() == 1
    # Its link leads to the new question.
    target = added.get_attribute("href").lstrip("#")
    assert page.locator(f"[id='{target}'] textarea").count() == 1
    # Shown once: the next visit to the page has no notice.
    page.reload()
    assert page.locator("#revealed").count() == 0
    page.context.close()


def test_a_ranking_keeps_its_valid_ranks_after_an_error(live_server, browser):
    app, base = live_server
    page = new_page(browser)
    start(page, base, "en")
    answer_page_1(page)
    selects = page.locator("ol.ranking select")
    selects.nth(0).select_option(index=1)  # rank 1
    selects.nth(1).select_option(index=1)  # rank 1 again: an error
    selects.nth(2).select_option(index=2)  # rank 2
    page.locator("button[value=next]").click()
    page.wait_for_load_state("load")
    assert page.locator(".notice.error").is_visible()
    values = [selects.nth(i).evaluate("s => s.selectedIndex") for i in range(4)]
    assert values == [1, 1, 2, 0]
    page.context.close()


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_screenshots_of_every_member_page(live_server, browser, language):
    """Each member page's first screen at 360 × 640, written to test-artifacts/ to be looked
    at; the language menu holds only the round's languages."""
    app, base = live_server
    page = new_page(browser)

    def shot(name):
        page.wait_for_load_state()  # a click that navigates returns before the next page
        page.wait_for_function("document.documentElement !== null")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
        screenshot(page, f"member-{language}-{name}.png")

    page.goto(f"{base}/?lang={language}")
    shot("01-home")
    page.goto(f"{base}/c/{SLUG}/")
    shot("02-welcome")
    page.locator("nav.languages summary").click()
    names = page.locator("nav.languages li").all_inner_texts()
    assert names == ["English", "Français", "Español", "Русский", "العربية"]  # not fa, pt, id
    shot("03-language-menu")
    page.locator("nav.languages summary").click()
    page.locator("form.start button.primary").click()
    page.locator("button[value=next]").click()
    shot("04-page-1-error")
    answer_page_1(page)
    shot("05-page-2")
    answer_page_2(page)
    shot("06-page-3")
    page.locator("fieldset.question").nth(1).locator("input[type=radio]").nth(2).check()
    page.locator("button[value=next]").click()
    shot("07-page-3-follow-up")
    page.locator("textarea").first.fill("They sent me away.")
    page.locator("button[value=save]").click()
    shot("08-saved")
    page.locator("a[href$='/resume']").click()
    shot("09-resume")
    page.locator("input[name=code]").fill("WRONG-CODE")
    page.locator("button.primary").click()
    shot("10-resume-error")
    page.goto(f"{base}/c/{SLUG}/4")
    shot("11-page-4")
    page.locator("button[value=next]").click()
    shot("12-review")
    page.locator("button.primary").click()
    page.wait_for_url("**/thanks")
    shot("13-thanks")
    page.locator("a.quick-exit").click()
    wait_for_the_neutral_site(page, app)
    page.goto(f"{base}/c/{SLUG}/")
    shot("14-after-quick-exit")
    page.context.close()


def test_a_member_whose_language_the_round_lacks_gets_the_round_language_and_a_note(
    live_server, browser
):
    """Farsi chosen, the round has none: menus in the round's language around its questions
    (no right-to-left frame around English), and a note in Farsi on every page."""
    app, base = live_server
    page = new_page(browser)
    page.goto(f"{base}/c/{SLUG}/?lang=fa")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    note = page.locator('p.notice[lang="fa"]')
    assert note.get_attribute("dir") == "rtl"
    assert "English" in note.inner_text()
    page.locator("form.start button.primary").click()
    page.wait_for_url("**/1")
    assert page.locator('p.notice[lang="fa"]').count() == 1
    assert page.locator("button[value=next]").inner_text() == "Next"
    page.context.close()
