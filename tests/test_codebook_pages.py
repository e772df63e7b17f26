"""The codebook pages: reviewers list codebooks, download them as JSON, CSV or XLSX, upload
them back (a new code adds a codebook, an existing one is updated), and edit a theme's texts
and keywords in every language; a damaged file or form writes nothing."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.http import parse_options_header
from werkzeug.test import encode_multipart

from consult.audit import AuditEvent
from consult.codebooks.definition import CodebookError
from consult.codebooks.models import Codebook, Theme
from consult.codebooks.operations import seed_starter_codebook, update_codebook
from consult.codebooks.starter import starter_definition
from consult.config import LANGUAGES
from consult.design.imports import MAX_IMPORT_BYTES
from consult.extensions import db

from .conftest import csrf_token, post_file

THEMES = starter_definition()["themes"]
STARTER_THEMES = {theme["code"]: theme for theme in THEMES}
TEXTS = ("name", "definition", "include", "exclude")


@pytest.fixture
def starter(app):
    with app.app_context():
        seed_starter_codebook()


def count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def theme_row(app, code, codebook="starter"):
    """(name, keywords, parent code, strategic direction) of a theme, read afresh."""
    with app.app_context():
        theme = db.session.scalar(
            select(Theme).join(Codebook).where(Codebook.code == codebook, Theme.code == code)
        )
        return (
            dict(theme.name),
            dict(theme.keywords),
            theme.parent.code if theme.parent else None,
            theme.strategic_direction,
        )


def post_from(client, page_url, url, data, **kwargs):
    """POST ``data`` to ``url`` with the CSRF token of the page at ``page_url``."""
    token = csrf_token(client.get(page_url).text)
    return client.post(url, data={**data, "csrf_token": token}, **kwargs)


def upload(client, content, filename, code):
    return post_from(
        client,
        "/staff/codebooks",
        "/staff/codebooks/upload",
        {"file": (io.BytesIO(content), filename), "code": code},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def theme_form(app, code, **changes):
    """What the theme page sends for a theme of the starter codebook, with ``changes``."""
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code == code))
        data = {
            "parent": theme.parent.code if theme.parent else "",
            "strategic_direction": theme.strategic_direction or "",
        }
        for language in LANGUAGES:
            for field in TEXTS:
                data[f"{language}-{field}"] = getattr(theme, field).get(language, "")
            data[f"{language}-keywords"] = "\n".join(theme.keywords.get(language, []))
    return {**data, **changes}


def test_a_reviewer_adds_the_starter_codebook_and_sees_its_themes(app, client, auth):
    auth.login("reviewer")
    index = client.get("/staff/codebooks")
    assert index.status_code == 200
    assert "There is no codebook yet." in index.text
    response = post_from(client, "/staff/codebooks", "/staff/codebooks/seed", {})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/codebooks/starter")

    index = client.get("/staff/codebooks").text
    assert 'href="/staff/codebooks/starter"' in index
    assert f'<td class="number">{len(THEMES)}</td>' in index
    assert "Add the starter codebook" not in index

    page = client.get("/staff/codebooks/starter").text
    for theme in THEMES:
        assert theme["name"]["en"] in page
    # Overdose is listed inside harm reduction, with its keyword languages and direction.
    harm_reduction = page.index("/staff/codebooks/starter/themes/harm_reduction")
    overdose = page.index("/staff/codebooks/starter/themes/overdose")
    between = page[harm_reduction:overdose]
    assert "<ul>" in between and "</li>" not in between
    assert '<span lang="ar">العربية</span>' in page
    assert "Programming and Technical Support" in page
    # The names follow the interface language.
    french = client.get("/staff/codebooks/starter?lang=fr").text
    assert f'<bdi lang="fr" dir="auto">{STARTER_THEMES["overdose"]["name"]["fr"]}' in french


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_the_codebook_downloads_in_each_format(app, client, auth, starter, fmt):
    auth.login("reviewer")
    page = client.get("/staff/codebooks/starter").text
    assert f'href="/staff/codebooks/starter/export/{fmt}"' in page
    response = client.get(f"/staff/codebooks/starter/export/{fmt}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    # As a browser reads it (Werkzeug quotes the name only where it must).
    assert parse_options_header(disposition) == (
        "attachment",
        {"filename": f"codebook-starter.{fmt}"},
    )
    mimetype = {
        "json": "application/json",
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[fmt]
    assert response.mimetype == mimetype
    if fmt == "json":
        data = json.loads(response.data)
        themes = {theme["code"]: theme for theme in data["themes"]}
        assert "seringue" in themes["harm_reduction"]["keywords"]["fr"]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
        row = next(row for row in rows if row[0] == "harm_reduction")
        assert "seringue" in row[rows[0].index("keywords_fr")].split("; ")
    else:
        sheet = load_workbook(io.BytesIO(response.data)).active
        assert any("seringue" in (cell.value or "") for cell in sheet["A"] + sheet[4])
    assert client.get("/staff/codebooks/starter/export/pdf").status_code == 404
    assert client.get("/staff/codebooks/nowhere/export/json").status_code == 404


def edited_csv(content, code, column, value):
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    row = next(row for row in rows if row[0] == code)
    row[rows[0].index(column)] = value
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def edited_xlsx(content, code, column, value):
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == code)
    row[header.index(column)].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_edited_spreadsheet_updates_the_theme(app, client, auth, starter, fmt):
    auth.login("reviewer")
    exported = client.get(f"/staff/codebooks/starter/export/{fmt}").data
    edit = edited_csv if fmt == "csv" else edited_xlsx
    content = edit(exported, "overdose", "keywords_en", "naloxone kit; fentanyl test strips")
    themes_before = count(app, Theme)

    page = upload(client, content, f"codebook.{fmt}", "starter")
    assert page.status_code == 200
    assert "The codebook is updated: 0 theme(s) added, 1 changed." in page.text
    name, keywords, parent, direction = theme_row(app, "overdose")
    assert keywords["en"] == ["naloxone kit", "fentanyl test strips"]
    assert keywords["fr"] == STARTER_THEMES["overdose"]["keywords"]["fr"]
    assert (name, parent) == (STARTER_THEMES["overdose"]["name"], "harm_reduction")
    assert count(app, Theme) == themes_before
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "codebook.update"))
        assert event.detail == {"codebook": "starter", "added": 0, "changed": 1}


def test_an_update_adds_new_codes_at_the_end_and_keeps_the_missing_themes(
    app, client, auth, starter
):
    auth.login("reviewer")
    definition = json.loads(client.get("/staff/codebooks/starter/export/json").data)
    overdose = next(t for t in definition["themes"] if t["code"] == "overdose")
    overdose["strategic_direction"] = "Advocacy and Campaigning"
    overdose["parent"] = None
    new = {"code": "drug_checking", "parent": "harm_reduction", "name": {"en": "Drug checking"}}
    definition["themes"] = [overdose, new]

    page = upload(client, json.dumps(definition).encode(), "mine.json", "starter").text
    assert "The codebook is updated: 1 theme(s) added, 1 changed." in page
    assert "Themes not in the file are kept" in page and "decriminalisation" in page
    assert theme_row(app, "overdose")[2:] == (None, "Advocacy and Campaigning")
    assert theme_row(app, "drug_checking")[2] == "harm_reduction"
    with app.app_context():
        codes = [t.code for t in db.session.scalar(select(Codebook)).themes]
    assert codes == [t["code"] for t in THEMES] + ["drug_checking"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_uploading_a_new_code_adds_a_codebook(app, client, auth, starter, fmt):
    auth.login("reviewer")
    exported = client.get(f"/staff/codebooks/starter/export/{fmt}").data
    page = upload(client, exported, f"codebook.{fmt}", "2028")
    assert "The codebook is added." in page.text
    with app.app_context():
        copy = db.session.scalar(select(Codebook).where(Codebook.code == "2028"))
        assert [t.code for t in copy.themes] == [t["code"] for t in THEMES]
    assert theme_row(app, "overdose", "2028")[1] == STARTER_THEMES["overdose"]["keywords"]


DAMAGED = {
    "format": "consult-codebook/1",
    "code": "damaged",
    "themes": [
        {"code": "overdose", "keywords": {"en": ["changed"]}},
        {"code": "police", "name": {"en": "Police"}},
        {"code": "police", "name": {"en": "Police again"}},
        {"code": "prisons", "parent": "nowhere", "keywords": ["not per language"]},
    ],
}


@pytest.mark.parametrize(
    ("code", "filename", "content", "messages"),
    [
        (
            "starter",
            "damaged.json",
            json.dumps(DAMAGED).encode(),
            [
                "theme code &#39;police&#39; is used twice",
                "unknown parent &#39;nowhere&#39;",
                "keywords must be per language",
            ],
        ),
        ("new", "damaged.json", json.dumps(DAMAGED).encode(), ["is used twice"]),
        ("starter", "damaged.xlsx", b"PK not really a workbook", ["not an Excel workbook"]),
        ("starter", "damaged.json", b'{"format": ', ["not valid JSON"]),
        ("starter", "codebook.csv", b"name_en\r\nNo code column\r\n", ["no column &#39;code&#39;"]),
        ("starter", "codebook.pdf", b"%PDF", ["Please choose a .json, .csv or .xlsx file."]),
    ],
)
def test_a_damaged_upload_is_refused_whole(
    app, client, auth, starter, code, filename, content, messages
):
    auth.login("reviewer")
    before = [count(app, model) for model in (Codebook, Theme, AuditEvent)]
    overdose = theme_row(app, "overdose")
    page = upload(client, content, filename, code)
    assert page.status_code == 400
    for message in messages:
        assert message in page.text
    assert [count(app, model) for model in (Codebook, Theme, AuditEvent)] == before
    assert theme_row(app, "overdose") == overdose


def test_a_theme_is_edited_in_every_language(app, client, auth, starter):
    auth.login("reviewer")
    url = "/staff/codebooks/starter/themes/police"
    page = client.get(url).text
    assert '<fieldset lang="ar" dir="rtl">' in page and "<legend>العربية</legend>" in page
    assert '<fieldset lang="en" dir="ltr">' in page
    assert page.index('lang="en" dir="ltr"') < page.index('lang="fr" dir="ltr"')
    data = theme_form(
        app,
        "police",
        **{
            "fr-keywords": "  contrôle de police \n\nfouille\r\nfouille\n",
            "ar-name": "الشرطة",
            "id-keywords": "",
            "parent": "decriminalisation",
            "strategic_direction": "Network Development",
        },
    )
    response = post_from(client, url, url, data)
    assert response.status_code == 302
    name, keywords, parent, direction = theme_row(app, "police")
    assert keywords["fr"] == ["contrôle de police", "fouille"]
    assert "id" not in keywords
    assert keywords["en"] == STARTER_THEMES["police"]["keywords"]["en"]
    assert name["ar"] == "الشرطة"
    assert (parent, direction) == ("decriminalisation", "Network Development")
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "codebook.theme"))
        assert event.detail == {"codebook": "starter", "theme": "police"}
    assert "The theme is saved." in client.get(response.headers["Location"]).text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"en-keywords": "police\n" + "x" * 101}, "A keyword may have at most 100 characters."),
        ({"fr-keywords": "police; arrestation"}, "A keyword cannot contain “;”."),
        (
            {"es-keywords": "\n".join(f"palabra {n}" for n in range(101))},
            "At most 100 keywords per language.",
        ),
        ({"ru-name": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"pt-definition": "x" * 2001}, "Field cannot be longer than 2000 characters."),
        ({"parent": "overdose"}, "Not a valid choice."),
        ({"strategic_direction": "World domination"}, "Not a valid choice."),
    ],
)
def test_an_invalid_theme_is_refused_and_nothing_is_saved(
    app, client, auth, starter, changes, message
):
    auth.login("reviewer")
    url = "/staff/codebooks/starter/themes/police"
    before = theme_row(app, "police")
    data = theme_form(app, "police", **{"en-name": "Renamed", **changes})
    response = post_from(client, url, url, data)
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{next(iter(changes))}-error"' in response.text  # next to its field
    assert "Nothing was saved" in response.text
    assert theme_row(app, "police") == before


def test_a_theme_with_themes_inside_cannot_go_inside_another(app, client, auth, starter):
    auth.login("reviewer")
    url = "/staff/codebooks/starter/themes/harm_reduction"
    response = post_from(client, url, url, theme_form(app, "harm_reduction", parent="police"))
    assert response.status_code == 400
    assert "A theme with themes inside it cannot go inside another." in response.text
    assert theme_row(app, "harm_reduction")[2] is None


def test_a_reviewer_adds_a_theme(app, client, auth, starter):
    auth.login("reviewer")
    url = "/staff/codebooks/starter"
    response = post_from(client, url, f"{url}/themes", {"code": "drug_checking", "name": "Tests"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/codebooks/starter/themes/drug_checking")
    assert theme_row(app, "drug_checking")[0] == {"en": "Tests"}
    again = post_from(client, url, f"{url}/themes", {"code": "drug_checking", "name": "Again"})
    assert again.status_code == 400
    assert "This codebook has a theme with this code already." in again.text
    bad = post_from(client, url, f"{url}/themes", {"code": "a/b c", "name": "Bad"})
    assert bad.status_code == 400 and "Use letters, digits" in bad.text


def test_an_update_refuses_bad_types_and_parents_in_a_circle(app, starter):
    definition = {
        "format": "consult-codebook/1",
        "themes": [
            {"code": "harm_reduction", "parent": "overdose"},  # overdose is inside it
            {"code": "police", "name": {"en": ["not a text"]}, "strategic_direction": 3},
            {"code": "prisons", "keywords": {"en": "not a list"}},
            {"code": "x" * 61},
        ],
    }
    with app.app_context():
        codebook = db.session.scalar(select(Codebook))
        with pytest.raises(CodebookError) as refused:
            update_codebook(codebook, definition)
        assert refused.value.problems == [
            "theme 'police': name must be texts",
            "theme 'police': the strategic direction must be a text of at most 120 characters",
            "theme 'prisons': keywords must be lists of texts",
            "theme code 'xxxxxxxxxxxxxxxxxxxx'… is longer than 60 characters",
        ]
        del definition["themes"][1:]
        with pytest.raises(CodebookError) as refused:
            update_codebook(codebook, definition)
        assert refused.value.problems == [
            "theme 'harm_reduction' would be inside itself through its parents"
        ]
    assert theme_row(app, "harm_reduction")[2] is None
    assert count(app, AuditEvent) == 1  # the starter's import


PAGES = [
    ("GET", "/staff/codebooks"),
    ("POST", "/staff/codebooks/seed"),
    ("POST", "/staff/codebooks/upload"),
    ("GET", "/staff/codebooks/starter"),
    ("GET", "/staff/codebooks/starter/export/json"),
    ("POST", "/staff/codebooks/starter/themes"),
    ("GET", "/staff/codebooks/starter/themes/police"),
    ("POST", "/staff/codebooks/starter/themes/police"),
]


@pytest.mark.parametrize(("method", "url"), PAGES)
def test_designers_and_visitors_are_refused(app, client, auth, starter, method, url):
    app.config["WTF_CSRF_ENABLED"] = False  # the roles are checked, not the token
    response = client.open(url, method=method)
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    auth.login("designer")
    assert client.open(url, method=method).status_code == 403
    auth.logout()
    auth.login("admin")
    response = client.open(url, method=method)
    assert response.status_code != 403
    assert "/staff/login" not in response.headers.get("Location", "")


def test_a_post_without_the_csrf_token_is_refused(app, client, auth, starter):
    auth.login("reviewer")
    before = theme_row(app, "police")
    data = theme_form(app, "police", **{"en-keywords": "changed"})
    assert client.post("/staff/codebooks/starter/themes/police", data=data).status_code == 400
    assert theme_row(app, "police") == before
    response = client.post(
        "/staff/codebooks/upload",
        data={"file": (io.BytesIO(b"{}"), "x.json"), "code": "new"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert count(app, Codebook) == 1


def test_a_file_larger_than_a_form_but_within_the_import_limit_is_read(app, client, auth, starter):
    """The app takes forms of 1 MB; a codebook file may have up to MAX_IMPORT_BYTES."""
    auth.login("reviewer")
    definition = json.loads(client.get("/staff/codebooks/starter/export/json").data)
    definition["note"] = "x" * (2 * 1024 * 1024)
    page = upload(client, json.dumps(definition).encode(), "big.json", "big")
    assert "The codebook is added." in page.text
    # Encoded here, in memory: the test client would spool it to a file it never closes.
    definition["note"] = "x" * MAX_IMPORT_BYTES
    file = FileStorage(io.BytesIO(json.dumps(definition).encode()), filename="big.json")
    token = csrf_token(client.get("/staff/codebooks").text)
    boundary, body = encode_multipart({"csrf_token": token, "code": "bigger", "file": file})
    response = client.post(
        "/staff/codebooks/upload",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 413
    assert count(app, Codebook) == 2


def test_a_theme_too_long_is_refused_with_wtforms_words_in_french(app, client, auth, starter):
    """The theme page's language parts are subforms: their messages are translated too."""
    from consult.i18n import wtforms_messages

    auth.login("reviewer")
    page = client.get("/staff/codebooks/starter/themes/police?lang=fr")
    data = theme_form(app, "police", **{"fr-name": "x" * 201})
    response = client.post(
        "/staff/codebooks/starter/themes/police",
        data={**data, "csrf_token": csrf_token(page.text)},
    )
    with app.test_request_context("/?lang=fr"):
        too_long = wtforms_messages.ngettext(
            "Field cannot be longer than %(max)d character.",
            "Field cannot be longer than %(max)d characters.",
            200,
        ) % {"max": 200}
    assert response.status_code == 400
    assert "200" in too_long and "Field cannot be longer" not in too_long
    assert too_long in response.text


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_json_codebook_of_millions_of_items_is_refused_before_it_is_parsed(app, client, auth):
    """8 MB of "{}," would take some 200 MB to parse: counted first, refused with the
    reason, nothing written."""
    import tracemalloc

    auth.login("reviewer")
    content = b"[" + b"{}," * 2_700_000 + b"{}]"
    tracemalloc.start()
    # Encoded in memory (post_file): the test client would spool 8 MB to a file it never closes.
    response = post_file(
        client, "/staff/codebooks", "/staff/codebooks/upload", "huge.json", content, code="huge"
    )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "the file has more than 200,000 JSON items; a codebook has far fewer" in response.text
    assert peak < 100 * 1024 * 1024
    with app.app_context():
        assert db.session.scalar(select(Codebook).where(Codebook.code == "huge")) is None
