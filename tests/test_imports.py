"""Hostile and malformed imports: a clear report, and the database left as it was."""

import io
import json
import os
import zipfile

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from consult.design.models import Question, Round
from consult.extensions import db


def xlsx(**sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                entry.write(chunk)
    return buffer.getvalue()


HOSTILE = {
    "not-a-workbook.xlsx": lambda: b"this is plain text, not a spreadsheet",
    "zip-bomb.xlsx": zip_bomb,
    "wrong-sheets.xlsx": lambda: xlsx(people=[["name", "age"], ["x", 1]]),
    "fifty-megabytes.xlsx": lambda: os.urandom(50 * 1024 * 1024),
    "broken.xls": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(5000),
    "plain-text.xls": lambda: b"type,name,label\ntext,a,A\n",
    "broken.json": lambda: b'{"format": "consult-round/1", "sections": [',
    "deep.json": lambda: ("[" * 100_000 + "]" * 100_000).encode(),
    "wrong.json": lambda: json.dumps(
        {"format": "consult-round/1", "slug": "x", "languages": ["en"], "sections": []}
    ).encode(),
}


def database_counts(app):
    with app.app_context():
        return (
            db.session.scalar(select(func.count()).select_from(Round)),
            db.session.scalar(select(func.count()).select_from(Question)),
        )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_reason_and_writes_nothing(app, runner, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name]())
    before = database_counts(app)
    result = runner.invoke(args=["rounds", "import", str(path)])
    assert result.exit_code == 1, result.output
    assert "nothing imported" in result.output
    assert "Traceback" not in result.output
    assert database_counts(app) == before


def test_formulas_and_unknown_types_are_imported_as_text_and_reported(app, runner, tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(
        xlsx(
            survey=[
                ["type", "name", "label"],
                ["text", "q1", '=HYPERLINK("http://evil.example","click")'],
                ["hologram", "q2", "An unknown type"],
                ["integer", "q3", "Age"],
            ],
            settings=[["form_title", "form_id"], ["Hostile", "hostile"]],
        )
    )
    result = runner.invoke(args=["rounds", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "hologram" in result.output
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "hostile"))
        assert round_.status == "draft"
        texts = [q.text["en"] for q in round_.questions]
        assert texts[0].startswith("=HYPERLINK")
        assert [q.code for q in round_.questions] == ["q1", "q3"]


def test_an_xlsform_with_three_languages_imports_all_three(app, runner, tmp_path):
    path = tmp_path / "three.xlsx"
    path.write_bytes(
        xlsx(
            survey=[
                [
                    "type",
                    "name",
                    "label::English (en)",
                    "label::Français (fr)",
                    "label::العربية (ar)",
                    "required",
                ],
                ["select_one yn", "ok", "All right?", "Ça va ?", "هل أنت بخير؟", "yes"],
            ],
            choices=[
                [
                    "list_name",
                    "name",
                    "label::English (en)",
                    "label::Français (fr)",
                    "label::العربية (ar)",
                ],
                ["yn", "yes", "Yes", "Oui", "نعم"],
                ["yn", "no", "No", "Non", "لا"],
            ],
            settings=[
                ["form_title", "form_id", "default_language"],
                ["Three", "three", "English (en)"],
            ],
        )
    )
    result = runner.invoke(args=["rounds", "import", str(path)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "three"))
        assert round_.languages == ["en", "fr", "ar"]
        question = round_.questions[0]
        assert question.text == {"en": "All right?", "fr": "Ça va ?", "ar": "هل أنت بخير؟"}
        assert question.required
        assert [c.label["ar"] for c in question.choices] == ["نعم", "لا"]


@pytest.mark.parametrize("slug", ["good\n", "good\r\n", "go od", "góod", "good\u202e", ""])
def test_a_slug_with_a_trailing_newline_or_odd_character_is_refused(app, slug):
    """`$` matches before a final newline: "good\\n" must not pass as the slug "good"."""
    from consult.design.definition import DefinitionError, from_definition

    definition = {"format": "consult-round/1", "slug": slug, "languages": ["en"], "sections": []}
    with app.app_context(), pytest.raises(DefinitionError) as refused:
        from_definition(definition)
    assert "the slug must be lower-case letters, digits and hyphens" in str(refused.value.args)


def test_a_new_round_form_refuses_a_slug_with_a_trailing_newline(app, client, auth):
    from .conftest import csrf_token

    auth.login("designer")
    page = client.get("/staff/rounds/new").text
    response = client.post(
        "/staff/rounds/new",
        data={
            "csrf_token": csrf_token(page),
            "title": "A round",
            "slug": "a-round\n",
            "languages": "en",
        },
    )
    assert response.status_code == 200
    assert "Use lower-case letters, digits and hyphens." in response.text
    assert database_counts(app)[0] == 0
