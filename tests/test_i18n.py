"""Languages: negotiation in order, right to left, and complete catalogues."""

import re

import pytest
from flask_babel import gettext

from consult.config import LANGUAGES
from consult.i18n import catalogue_problems, wtforms_messages

from .conftest import csrf_token


def html_tag(page):
    return page.split("<head>", 1)[0]


def test_explicit_choice_wins_and_is_kept_in_the_session(client, demo_round):
    page = client.get("/c/priorities-2027/?lang=ru", headers={"Accept-Language": "fr"})
    assert '<html lang="ru" dir="ltr">' in html_tag(page.text)
    later = client.get("/c/priorities-2027/", headers={"Accept-Language": "fr"})
    assert '<html lang="ru"' in html_tag(later.text)
    assert "Приоритеты сообщества" in later.text


def test_accept_language_is_used_without_a_choice(client, demo_round):
    page = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert '<html lang="es" dir="ltr">' in html_tag(page.text)


@pytest.mark.parametrize("code", ["xx", "../../etc", "ar_%00", "", "EN"])
def test_an_unsupported_or_malformed_code_is_ignored(client, demo_round, code):
    page = client.get(f"/c/priorities-2027/?lang={code}")
    assert page.status_code == 200
    assert '<html lang="en" dir="ltr">' in html_tag(page.text)


def test_arabic_pages_run_right_to_left_for_members_and_staff(client, auth, demo_round):
    member = client.get("/c/priorities-2027/?lang=ar")
    assert '<html lang="ar" dir="rtl">' in html_tag(member.text)
    assert "أولويات المجتمع للمناصرة 2027" in member.text
    auth.login("admin")
    staff = client.get("/staff/rounds/priorities-2027/results")
    assert '<html lang="ar" dir="rtl">' in html_tag(staff.text)


def test_language_switcher_names_each_language_in_its_own_script(client, demo_round):
    page = client.get("/").text
    for name in (
        "English",
        "Français",
        "Español",
        "Português",
        "Русский",
        "العربية",
        "فارسی",
        "Bahasa Indonesia",
    ):
        assert f">{name}</a>" in page
    # A round's pages offer only the round's languages (the demo has no pt, fa or id).
    round_page = client.get("/c/priorities-2027/").text
    assert 'href="/c/priorities-2027/?lang=ar"' in round_page
    offered = re.findall(r'hreflang="(\w+)"', round_page)
    assert offered == ["en", "fr", "es", "ru", "ar"]


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_catalogue_translates_the_member_pages(app, language):
    with app.test_request_context(f"/?lang={language}"):
        for source in ("Next", "Back", "Send my answers", "Please answer this question."):
            assert gettext(source) != source, (language, source)


def test_catalogue_check_finds_gaps_and_broken_placeholders(tmp_path):
    po = tmp_path / "messages.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Page %(number)d of %(count)d"\nmsgstr "Page %(numero)d sur %(count)d"\n\n'
        'msgid "Next"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Back"\nmsgstr "Retour"\n',
        encoding="utf-8",
    )
    problems = list(
        catalogue_problems(str(po), {"Next", "Back", "Page %(number)d of %(count)d", "Start"})
    )
    assert "missing from the catalogue: 'Start'" in problems
    assert "untranslated: 'Next'" in problems
    assert "fuzzy: 'Back'" in problems
    assert any(p.startswith("placeholders differ in 'Page") for p in problems)


def test_a_staff_members_profile_language_comes_after_an_explicit_choice(client, auth):
    from .conftest import csrf_token

    auth.login("reviewer")
    page = client.get("/staff/profile", headers={"Accept-Language": "es"})
    assert '<html lang="es"' in html_tag(page.text)
    client.post("/staff/profile", data={"locale": "ru", "csrf_token": csrf_token(page.text)})
    assert '<html lang="ru"' in html_tag(
        client.get("/staff/", headers={"Accept-Language": "es"}).text
    )
    assert '<html lang="ar" dir="rtl"' in html_tag(client.get("/staff/?lang=ar").text)


def test_farsi_and_arabic_run_right_to_left_and_the_others_left_to_right():
    from consult.i18n import text_direction

    assert [text_direction(code) for code in ("ar", "fa", "en", "ru", "id")] == [
        "rtl",
        "rtl",
        "ltr",
        "ltr",
        "ltr",
    ]


def test_numbers_are_formatted_for_the_locale(app):
    from flask_babel import format_decimal, format_percent

    with app.test_request_context("/?lang=en"):
        assert format_decimal(12345) == "12,345"
    with app.test_request_context("/?lang=ru"):
        assert format_decimal(12345) == "12\xa0345"
        assert format_percent(0.25) == "25\xa0%"
    with app.test_request_context("/?lang=fr"):
        assert format_decimal(1234.5) == "1\u202f234,5"


def test_plurals_follow_the_language(app):
    from flask_babel import ngettext

    with app.test_request_context("/?lang=ru"):
        forms = {
            n: ngettext(
                "Please check the answer marked below.",
                "Please check the %(num)d answers marked below.",
                n,
            )
            for n in (2, 5)
        }
    assert forms[2] != forms[5]
    assert "2" in forms[2] and "5" in forms[5]


def test_farsi_pages_run_right_to_left_for_members_and_staff(client, auth, demo_round):
    member = client.get("/?lang=fa")
    assert '<html lang="fa" dir="rtl">' in html_tag(member.text)
    # The demo round has no Farsi: its pages speak its source language around its
    # questions, and tell the member so in Farsi.
    round_page = client.get("/c/priorities-2027/").text
    assert '<html lang="en" dir="ltr">' in html_tag(round_page)
    assert '<p class="notice" lang="fa" dir="rtl">' in round_page
    auth.login("designer")
    staff = client.get("/staff/rounds/priorities-2027/")
    assert '<html lang="fa" dir="rtl">' in html_tag(staff.text)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_wtforms_own_messages_exist_in_every_interface_language(app, language):
    """WTForms has no Indonesian, and its Arabic, Farsi and Russian lack messages ("Field
    cannot be longer than 2000 characters." stayed English on Arabic staff pages):
    translations/wtforms/ fills the gaps. Every message of WTForms, every plural form."""
    from babel.messages.pofile import read_po
    from wtforms.i18n import messages_path

    with open(f"{messages_path()}/wtforms.pot", "rb") as f:
        messages = [m.id for m in read_po(f) if m.id]
    with app.test_request_context(f"/?lang={language}"):
        for message in messages:
            if isinstance(message, tuple):
                for n in range(0, 120, 7):  # reaches each plural form of each language
                    translated = wtforms_messages.ngettext(*message, n)
                    assert translated not in message, (message, n)
                    assert "%(" not in message[0] or "%(" in translated, (message, n)
            else:
                assert wtforms_messages.gettext(message) != message, message


def test_a_staff_form_says_what_is_wrong_in_indonesian(client, auth):
    auth.login("designer")
    page = client.get("/staff/rounds/new?lang=id")
    response = client.post(
        "/staff/rounds/new",
        data={"csrf_token": csrf_token(page.text), "title": "", "slug": "x", "languages": "en"},
    )
    with client.application.test_request_context("/?lang=id"):
        required = wtforms_messages.gettext("This field is required.")
    assert required == "Kolom ini wajib diisi."
    assert '<html lang="id"' in response.text and required in response.text
    assert "This field is required." not in response.text


def test_no_text_to_translate_hides_where_babel_cannot_find_it():
    """Babel's extractor does not read inside f-strings: a gettext call there never reaches
    the catalogues, and translators never see it ("Page 1, question 1" stayed English)."""
    from pathlib import Path

    inside_f_string = re.compile(r"""\bf(["'])[^"'\n]*\{\s*(?:_|_l|gettext|ngettext)\(""")
    package = Path(__file__).resolve().parent.parent / "consult"
    hidden = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside_f_string.search(line)
    ]
    assert hidden == []
