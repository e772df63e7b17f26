"""Imports take files of up to MAX_IMPORT_BYTES (10 MB); every other form, a member's page
or a staff form, stays at MAX_CONTENT_LENGTH (1 MB). The larger limit is set before the
CSRF check reads the body, so a file between the two is read and imported."""

from sqlalchemy import func, select

from consult.design.imports import MAX_IMPORT_BYTES
from consult.design.models import Round
from consult.extensions import db

from .conftest import csrf_token, post_file

TWO_MB = 2 * 1024 * 1024


def round_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Round))


def test_a_round_file_larger_than_a_form_is_imported(app, client, auth, demo_round):
    auth.login("designer")
    definition = client.get(f"/staff/rounds/{demo_round}/export.json").data
    padded = definition + b" " * TWO_MB  # still valid JSON
    assert app.config["MAX_CONTENT_LENGTH"] < len(padded) < MAX_IMPORT_BYTES
    response = post_file(
        client, "/staff/rounds/import", "/staff/rounds/import", "big.json", padded, slug="big"
    )
    assert response.status_code == 200, response.text[:500]
    assert "The round was imported as a draft" in response.text
    assert round_count(app) == 2


def test_a_translation_file_larger_than_a_form_is_imported(app, client, auth, demo_round):
    auth.login("designer")
    editor = f"/staff/rounds/{demo_round}/translate/fr"
    exported = client.get(f"{editor}/texts.po").data
    padded = (b"# " + b"x" * 1000 + b"\n") * (TWO_MB // 1000) + exported
    response = post_file(client, editor, f"{editor}/import", "big.po", padded)
    assert response.status_code == 200, response.text[:500]
    assert "Nothing was imported" not in response.text


def test_other_staff_forms_keep_the_form_limit(app, client, auth):
    auth.login("designer")
    token = csrf_token(client.get("/staff/rounds/new").text)
    response = client.post(
        "/staff/rounds/new",
        data={"csrf_token": token, "title": "x" * TWO_MB, "slug": "too-big", "languages": "en"},
    )
    assert response.status_code == 413
    assert "Too much to send at once" in response.text
    assert round_count(app) == 0


def test_a_file_over_the_import_limit_is_refused_with_the_staff_wording(app, client, auth):
    auth.login("designer")
    content = b"{" + b" " * MAX_IMPORT_BYTES + b"}"
    response = post_file(
        client, "/staff/rounds/import", "/staff/rounds/import", "big.json", content
    )
    assert response.status_code == 413
    assert "A file to import may have up to 10 MB" in response.text
    assert "shorten your answers" not in response.text
    assert round_count(app) == 0
