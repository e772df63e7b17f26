"""A member's safety: resume codes without identity, quick exit, discreet mode, nothing
left in the browser's cache."""

import re

from sqlalchemy import func, select

from consult import create_app
from consult.design.models import Round
from consult.errors import DATABASE_UNAVAILABLE, STAFF_MESSAGES
from consult.extensions import db
from consult.respond.models import Draft, Response
from consult.respond.resume import ALPHABET, new_code, normalise

from .conftest import csrf_token, make_test_config
from .journey import choice_id, demo_pages, field, post_page, start, submit

CODE = re.compile(r'<p class="resume-code" dir="ltr"><strong>([0-9A-Z-]+)</strong>')


def test_resume_codes_are_easy_to_write_and_forgiving_to_type():
    code = new_code()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}", code)
    assert not set(code.replace("-", "")) & set("ILOU")
    assert normalise(code.lower().replace("-", " ")) == code.replace("-", "")
    assert normalise("k7q4-m9xr-2t".replace("1", "l")) == "K7Q4M9XR2T"
    assert normalise("too-short") is None
    assert len(ALPHABET) == 32


def test_save_then_resume_on_another_phone_and_submit_once(app, client, demo_round):
    start(client)
    pages = demo_pages(app, one_change="Safe supply.")
    post_page(client, 1, pages[0])
    saved = post_page(client, 2, pages[1], move="save")
    assert saved.headers["Location"].endswith("/c/priorities-2027/saved")
    page = client.get("/c/priorities-2027/saved")
    assert page.headers["Cache-Control"] == "no-store"
    code = CODE.search(page.text).group(1)
    assert client.get("/c/priorities-2027/saved").status_code == 302  # shown only once
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0
        stored = db.session.scalar(select(Draft.resume_hash))
        assert stored and code not in stored and code.replace("-", "") not in stored

    other_phone = app.test_client()
    wrong = other_phone.get("/c/priorities-2027/resume")
    refused = other_phone.post(
        "/c/priorities-2027/resume",
        data={"code": "AAAA-BBBB-CC", "csrf_token": csrf_token(wrong.text)},
    )
    assert "This code does not open a saved questionnaire" in refused.text
    opened = other_phone.post(
        "/c/priorities-2027/resume",
        data={"code": code.lower(), "csrf_token": csrf_token(wrong.text)},
    )
    assert opened.status_code == 302
    with app.app_context():
        region = field("region")
        africa = choice_id("region", "africa")
    assert f'value="{africa}" checked' in other_phone.get("/c/priorities-2027/1").text
    assert region
    post_page(other_phone, 3, pages[2])
    post_page(other_phone, 4, pages[3])
    submit(other_phone)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0


def test_every_member_page_has_a_quick_exit_and_is_not_cached(client, demo_round):
    for path in ("/", "/c/priorities-2027/", "/c/priorities-2027/resume"):
        page = client.get(path)
        assert 'class="quick-exit" href="/exit" rel="noreferrer"' in page.text
        assert "quick-exit.js" in page.text
        assert page.headers["Cache-Control"] == "no-store"


def test_discreet_mode_shows_a_neutral_title_and_no_name(app, client, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        round_.discreet = True
        key = round_.member_key
        db.session.commit()
    assert client.get("/c/priorities-2027/").status_code == 404
    page = client.get(f"/c/{key}/").text
    assert "<title>Community survey</title>" in page
    assert "<h1>Community survey</h1>" in page
    assert 'class="brand"' not in page
    assert "priorities" not in page.lower() and "Community priorities" not in page
    home = client.get("/").text
    assert f'href="/c/{key}/">Community survey</a>' in home
    assert "priorities" not in home.lower()


def test_the_quick_exit_ends_the_visit_and_every_member_address_goes_neutral(
    app, client, demo_round
):
    start(client)
    with client.session_transaction() as session:
        assert session["drafts"]
    leaving = client.get("/exit")
    assert leaving.status_code == 302
    assert leaving.headers["Location"] == app.config["QUICK_EXIT_URL"]
    with client.session_transaction() as session:
        assert "drafts" not in session
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    for path in ("/", "/c/priorities-2027/", "/c/priorities-2027/1", "/c/priorities-2027/resume"):
        page = client.get(path)
        assert page.status_code == 200
        assert "<h1>Nothing to show</h1>" in page.text
        assert "Community priorities" not in page.text and "quick-exit" not in page.text
    # Nothing is taken, nor named, from a form kept open before the exit.
    refused = client.post("/c/priorities-2027/start")
    assert refused.status_code in (200, 400) and "Community priorities" not in refused.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0


def test_a_link_on_another_site_to_the_exit_throws_no_draft_away(app, client, demo_round):
    """The quick exit is a GET: a page elsewhere linking to it must not delete a member's
    unsent answers nor end their visit; the member's own button (same site) does."""
    start(client)
    leaving = client.get("/exit", headers={"Sec-Fetch-Site": "cross-site"})
    assert leaving.headers["Location"] == app.config["QUICK_EXIT_URL"]
    with client.session_transaction() as session:
        assert session["drafts"] and "away_until" not in session
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 1
    client.get("/exit", headers={"Sec-Fetch-Site": "same-origin"})
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0


def test_the_neutral_pages_end_after_the_hours_set(app, client, demo_round):
    from datetime import UTC, datetime, timedelta

    client.get("/exit")
    with client.session_transaction() as session:
        until = datetime.fromisoformat(session["away_until"])
        hours = (until - datetime.now(UTC)) / timedelta(hours=1)
        assert app.config["QUICK_EXIT_HOURS"] - 0.1 < hours <= app.config["QUICK_EXIT_HOURS"]
        session["away_until"] = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    page = client.get("/c/priorities-2027/")
    assert "Community priorities for advocacy 2027" in page.text
    with client.session_transaction() as session:
        assert "away_until" not in session


def test_the_cookie_names_no_round(app, client, demo_round):
    """The session cookie is signed, not encrypted: it keys drafts by number, not address."""
    start(client)
    with client.session_transaction() as session:
        assert "priorities-2027" not in str(dict(session))


def test_a_filled_honeypot_stores_nothing_and_says_nothing(app, client, demo_round):
    start(client)
    for number, data in enumerate(demo_pages(app), 1):
        post_page(client, number, data)
    review = client.get("/c/priorities-2027/review")
    assert 'name="website"' in review.text and 'tabindex="-1"' in review.text
    response = client.post(
        "/c/priorities-2027/review",
        data={"csrf_token": csrf_token(review.text), "website": "http://spam.example"},
    )
    assert response.headers["Location"].endswith("/thanks")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_the_cookie_ends_when_the_round_closes_and_says_nothing_else(app, client, demo_round):
    from datetime import timedelta

    from consult.design.models import utcnow

    closes = (utcnow() + timedelta(days=3)).replace(microsecond=0)
    with app.app_context():
        db.session.scalar(select(Round).where(Round.slug == demo_round)).closes_at = closes
        db.session.commit()
    welcome = client.get("/c/priorities-2027/")
    assert "Expires" not in welcome.headers.get("Set-Cookie", "")
    response = client.post(
        "/c/priorities-2027/start", data={"csrf_token": csrf_token(welcome.text)}
    )
    cookie = response.headers["Set-Cookie"]
    assert closes.strftime("%d %b %Y") in cookie
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_drafts_of_a_closed_round_are_purged(app, client, runner, demo_round):
    start(client)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 1
    assert "0 draft(s) deleted" in runner.invoke(args=["drafts", "purge"]).output
    with app.app_context():
        db.session.scalar(select(Round).where(Round.slug == demo_round)).status = "closed"
        db.session.commit()
    assert "1 draft(s) deleted" in runner.invoke(args=["drafts", "purge"]).output


def test_a_database_that_is_down_gets_a_friendly_503_in_the_members_language(tmp_path):
    """Nothing listens on port 9: every query fails to connect, as while PostgreSQL
    restarts. The member gets a page in their language that says nothing was lost."""
    app = create_app(
        make_test_config(
            "postgresql+psycopg://postgres@127.0.0.1:9/none?connect_timeout=2",
            {},
            WTF_CSRF_ENABLED=False,
        )
    )
    response = app.test_client().get("/", headers={"Accept-Language": "fr"})
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert 'lang="fr"' in html and "Traceback" not in html
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert str(DATABASE_UNAVAILABLE[1]) in html  # "… your saved answers are kept", in French
    # A staff page says nothing of saved answers, which staff pages do not have.
    staff = app.test_client().post(
        "/staff/login",
        data={"email": "someone@example.org", "password": "a password of some length"},
        headers={"Accept-Language": "fr"},
    )
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert staff.status_code == 503 and str(STAFF_MESSAGES["database"][1]) in staff.text
        assert str(DATABASE_UNAVAILABLE[1]) not in staff.text


def test_a_draft_ends_after_the_days_set_even_when_its_round_never_closes(
    app, client, runner, demo_round
):
    """The demo round has no closing time: a draft still ends DRAFT_DAYS after it began,
    unreachable from that day and deleted by the purge."""
    from datetime import timedelta

    from consult.respond.operations import today

    start(client)
    post_page(client, 1, demo_pages(app)[0], move="save")
    code = client.get("/c/priorities-2027/saved").text
    code = re.search(r'class="resume-code" dir="ltr"><strong>([^<]+)<', code).group(1)
    with app.app_context():
        draft = db.session.scalars(select(Draft)).one()
        assert draft.expires_on == today() + timedelta(days=app.config["DRAFT_DAYS"])
        draft.expires_on = today() - timedelta(days=1)
        db.session.commit()
    assert client.get("/c/priorities-2027/1").headers["Location"].endswith("/c/priorities-2027/")
    other = app.test_client()
    page = other.get("/c/priorities-2027/resume").text
    refused = other.post(
        "/c/priorities-2027/resume", data={"csrf_token": csrf_token(page), "code": code}
    )
    assert "This code does not open a saved questionnaire" in refused.text
    assert "1 draft(s) deleted" in runner.invoke(args=["drafts", "purge"]).output
