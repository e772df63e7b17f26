"""What is wrong with an imported file is said in the staff member's language: a round
definition, an XLSForm, a translation file and a codebook sheet, each refused in French
with the problem in French, located with French words."""

import io
import json

from flask_babel import gettext
from markupsafe import escape
from openpyxl import Workbook

from .conftest import post_file


def in_french(app, message, **values):
    """``message`` as a French page shows it; it must differ from the English."""
    with app.test_request_context("/?lang=fr"):
        translated = gettext(message, **values)
    assert translated != message % values if values else translated != message
    return str(escape(translated))


def workbook(*sheets):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def french_staff(client, auth, role):
    auth.login(role)
    assert '<html lang="fr"' in client.get("/staff/?lang=fr").text


def test_a_round_definition_is_refused_with_its_problems_in_french(app, client, auth):
    french_staff(client, auth, "designer")
    definition = {"format": "consult-round/1", "languages": ["en"], "slug": "x", "sections": [5]}
    response = post_file(
        client,
        "/staff/rounds/import",
        "/staff/rounds/import",
        "round.json",
        json.dumps(definition).encode(),
    )
    with app.test_request_context("/?lang=fr"):
        where = gettext("section %(number)d", number=1)
    assert in_french(app, "%(where)s is not an object", where=where) in response.text
    assert "is not an object" not in response.text


def test_an_xlsform_is_refused_in_french(app, client, auth):
    french_staff(client, auth, "designer")
    content = workbook(("questions", [["type", "name"]]), ("other", [["x"]]))
    response = post_file(
        client, "/staff/rounds/import", "/staff/rounds/import", "form.xlsx", content
    )
    expected = in_french(app, "The spreadsheet has no sheet named '%(sheet)s'.", sheet="survey")
    assert expected in response.text
    assert "has no sheet named" not in response.text


def test_a_translation_file_is_refused_in_french(app, client, auth, demo_round):
    french_staff(client, auth, "designer")
    editor = f"/staff/rounds/{demo_round}/translate/fr"
    content = workbook(("texts", [["identifier", "english", "french"]]))
    response = post_file(client, editor, f"{editor}/import", "texts.xlsx", content)
    page = client.get(response.headers["Location"]).text if response.status_code == 302 else ""
    message = "the first sheet needs the columns key, source and translation"
    assert in_french(app, message) in page
    assert message not in page


def test_a_codebook_sheet_is_refused_in_french(app, client, auth):
    french_staff(client, auth, "reviewer")
    response = post_file(
        client,
        "/staff/codebooks",
        "/staff/codebooks/upload",
        "themes.csv",
        b"name_en,definition_en\nPolice,Police stops\n",
        code="mine",
    )
    message = (
        "the header (first row) has no column 'code'; the columns are code, parent, "
        "strategic_direction, then name_en, definition_en... for each language"
    )
    assert response.status_code == 400
    assert in_french(app, message) in response.text
    assert "has no column" not in response.text
