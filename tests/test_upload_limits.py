"""Imports take files of up to MAX_IMPORT_BYTES (10 MB); every other form, a member's page
or a staff form, stays at MAX_CONTENT_LENGTH (1 MB). The larger limit is set before the
CSRF check reads the body, so a file between the two is read and imported. Within that
size, what an import can make is bounded too (rows, questions, choices, languages, texts,
seconds), before the work starts."""

import html
import io
import json
import time
import tracemalloc
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from consult import spreadsheets
from consult.codebooks import sheet
from consult.codebooks.sheet import SheetError
from consult.design import imports, operations
from consult.design.imports import (
    MAX_CHOICES,
    MAX_IMPORT_BYTES,
    MAX_JSON_ITEMS,
    MAX_LANGUAGES,
    MAX_QUESTIONS,
    MAX_SECTIONS,
)
from consult.design.models import Round
from consult.design.xlsform import XLSFormError, read_xlsform, reading
from consult.design.xlsform import workbook as workbook_module
from consult.design.xlsform.common import MAX_FILE, MAX_ROWS, MAX_UNZIPPED
from consult.extensions import db
from consult.translate import exchange
from consult.translate.exchange import MAX_ENTRIES

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


# Bounds on what an import can make ---------------------------------------------------------
#
# Sizes alone let a 7.5 MB form that unpacks to 50 MB through: 250,000 rows, a 176 s import
# and a server grown by 2 GB. The bounds of consult/design/imports.py and
# consult/design/xlsform/common.py are checked before the work starts.

ROWS = 250_000
SQLITE_ONLY = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def huge_form(path):
    """An XLSForm of ROWS survey rows, a little under the zip limits (as the one reported),
    written row by row."""
    workbook = Workbook(write_only=True)
    survey = workbook.create_sheet("survey")
    survey.append(["type", "name", "label::English (en)"])
    for number in range(ROWS):
        survey.append(["text", f"q{number}", f"Question {number}: your view?"])
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "form_title"])
    settings.append(["huge", "Huge"])
    workbook.save(path)
    content = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        unzipped = sum(entry.file_size for entry in archive.infolist())
    assert len(content) < MAX_FILE and 45 * 1024 * 1024 < unzipped < MAX_UNZIPPED
    return content


def post_import(client, filename, content, **fields):
    """The import as a designer posts it: (response, seconds of the request alone)."""
    token = csrf_token(client.get("/staff/rounds/import").text)
    file = FileStorage(io.BytesIO(content), filename=filename)
    boundary, body = encode_multipart({"csrf_token": token, **fields, "file": file})
    started = time.perf_counter()
    response = client.post(
        "/staff/rounds/import",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    return response, time.perf_counter() - started


@SQLITE_ONLY
def test_a_form_of_250000_rows_is_refused_at_once_in_little_memory(app, client, auth, tmp_path):
    content = huge_form(tmp_path / "huge.xlsx")
    auth.login("designer")
    response, seconds = post_import(client, "huge.xlsx", content)
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert (
        "The sheet “survey” has more than 5,000 rows; a form can have at most 5,000. "
        "Split it into several rounds." in response.text
    ), response.text[-1500:]
    assert round_count(app) == 0
    assert seconds < 2, f"the refusal took {seconds:.1f} s"
    # Memory, on the same request again: tracemalloc counts every allocation Python makes
    # (openpyxl's and expat's included), so its peak is the request's own growth, the same
    # from run to run, whatever the tests before left; ru_maxrss would give only the
    # process's peak so far, and nothing if an earlier test went higher. Measured apart
    # from the time, which tracing slows.
    tracemalloc.start()
    try:
        response, _ = post_import(client, "huge.xlsx", content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "has more than 5,000 rows" in response.text
    assert peak < 400 * 1024 * 1024, f"the refusal took {peak / 2**20:.0f} MB"
    assert round_count(app) == 0


def json_round(questions=1, choices=0, languages=("en",), sections=1):
    """A valid round definition of the given size (choices of every choice question)."""

    def texts(text):
        return {language: text for language in languages}

    def question(number):
        if not choices:
            return {"code": f"q{number}", "kind": "short_text", "text": texts(f"Q{number}")}
        return {
            "code": f"q{number}",
            "kind": "single_choice",
            "text": texts(f"Q{number}"),
            "choices": [{"code": f"c{n}", "label": texts(f"C{n}")} for n in range(choices)],
        }

    pages = [{"title": texts("Page"), "questions": []} for _ in range(sections)]
    for number in range(questions):
        pages[number % sections]["questions"].append(question(number))
    return {
        "format": "consult-round/1",
        "slug": "bounded",
        "languages": list(languages),
        "source_language": languages[0],
        "title": texts("A round"),
        "sections": pages,
    }


def language_codes(count):
    return [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"][
        :count
    ]


def test_a_json_round_at_the_bounds_is_imported(app, client, auth):
    auth.login("designer")
    definition = json_round(questions=2, choices=MAX_CHOICES, languages=language_codes(2))
    definition["languages"] = language_codes(MAX_LANGUAGES)
    response, _ = post_import(client, "round.json", json.dumps(definition).encode())
    assert "The round was imported as a draft" in response.text, response.text[-1500:]
    assert round_count(app) == 1


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (
            dict(questions=MAX_QUESTIONS + 1),
            "The round has more than 1,000 questions; a round can have at most 1,000. "
            "Split it into several rounds.",
        ),
        (
            dict(questions=2, choices=MAX_CHOICES + 1),
            "section 1, question 1: more than 1,000 choices; a question can have at most 1,000.",
        ),
        (
            dict(questions=21, choices=MAX_CHOICES),
            "The round has more than 20,000 choices in all; a round can have at most 20,000.",
        ),
        (
            dict(languages=language_codes(MAX_LANGUAGES + 1)),
            "The round has more than 50 languages; a round can have at most 50.",
        ),
        (
            dict(questions=MAX_SECTIONS + 1, sections=MAX_SECTIONS + 1),
            "The round has more than 500 pages; a round can have at most 500. "
            "Split it into several rounds.",
        ),
        (
            dict(questions=20, choices=MAX_CHOICES, languages=language_codes(5)),
            "The round has more than 100,000 texts, counting each language; a round can have "
            "at most 100,000.",
        ),
    ],
    ids=["questions", "choices", "round-choices", "languages", "pages", "texts"],
)
def test_a_json_round_past_a_bound_is_refused_and_nothing_written(
    app, client, auth, monkeypatch, size, message
):
    def must_not_build(*args, **kwargs):
        raise AssertionError("the round was built before its size was checked")

    monkeypatch.setattr(operations, "from_definition", must_not_build)
    auth.login("designer")
    response, _ = post_import(client, "round.json", json.dumps(json_round(**size)).encode())
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert message in response.text, response.text[-1500:]
    assert round_count(app) == 0


def test_json_texts_too_long_in_all_are_refused(app, client, auth, monkeypatch):
    monkeypatch.setattr(imports, "MAX_CHARACTERS", 1_000)
    auth.login("designer")
    definition = json_round(questions=40, languages=language_codes(3))
    definition["title"] = {"aa": "x" * 1_000}
    response, _ = post_import(client, "round.json", json.dumps(definition).encode())
    assert "The round has more than 1,000 characters of text" in response.text
    assert round_count(app) == 0


def test_a_json_file_of_a_million_items_is_refused_before_it_is_parsed(
    app, client, auth, monkeypatch
):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    auth.login("designer")
    monkeypatch.setattr(imports, "json", SimpleNamespace(loads=must_not_parse))
    content = b'{"format": "consult-round/1", "sections": [' + b"{}," * MAX_JSON_ITEMS + b"{}]}"
    assert len(content) < MAX_IMPORT_BYTES
    response, _ = post_import(client, "round.json", content)
    assert "The file has more than 1,000,000 JSON items" in response.text
    assert round_count(app) == 0


def test_the_refusal_is_in_the_staff_language(app, client, auth):
    auth.login("designer")
    client.get("/?lang=fr")
    definition = json_round(questions=MAX_QUESTIONS + 1)
    response, _ = post_import(client, "round.json", json.dumps(definition).encode())
    with app.test_request_context("/?lang=fr"):
        from flask_babel import format_decimal, ngettext

        french = ngettext(
            "The round has more than %(limit)s question; a round can have at most %(limit)s. "
            "Split it into several rounds.",
            "The round has more than %(limit)s questions; a round can have at most %(limit)s. "
            "Split it into several rounds.",
            MAX_QUESTIONS,
            limit=format_decimal(MAX_QUESTIONS),
        )
    assert "Split it into" not in french
    assert html.unescape(french) in html.unescape(response.text), response.text[-1500:]


# The XLSForm reader's other bounds, each on a small file: the limit is lowered where a file
# past the real one would take long to build. openpyxl must not have read the file.

CORPUS = Path(__file__).parent / "conformance" / "xlsform"


def form_bytes(write_only=False, **sheets):
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_part(content, name, old, new):
    """``content`` with ``old`` replaced by ``new`` in its part ``name``."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == name:
                assert old in data
                data = data.replace(old, new)
            target.writestr(item, data)
    return buffer.getvalue()


@pytest.fixture
def unopened(monkeypatch):
    """openpyxl's reader fails the test if a refused file gets to it."""

    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the file")

    monkeypatch.setattr(workbook_module, "ExcelReader", must_not_open)


def refusal(app, content, name="form.xlsx"):
    with app.test_request_context("/?lang=en"), pytest.raises(XLSFormError) as refused:
        read_xlsform(content, name)
    return str(refused.value)


@SQLITE_ONLY
def test_a_row_of_too_many_cells_is_refused_unread(app, monkeypatch, unopened):
    monkeypatch.setattr(workbook_module, "MAX_CELLS", 100)
    content = form_bytes(survey=[["type", "name", "label"], ["text", "a", "A", *range(100)]])
    assert refusal(app, content) == (
        "The sheet “survey” has more than 100 cells; a sheet can have at most 100."
    )


@SQLITE_ONLY
def test_a_cell_longer_than_excel_allows_is_refused_unread(app, unopened):
    content = form_bytes(survey=[["type", "name", "label"], ["text", "a", "LONG"]])
    # Written by hand: openpyxl itself cuts a text to Excel's limit.
    content = with_part(content, "xl/worksheets/sheet1.xml", b"LONG", b"x" * 32_768)
    assert refusal(app, content) == (
        "A cell of the file holds more than 32,767 characters; a cell can hold at most 32,767."
    )


@SQLITE_ONLY
def test_too_many_distinct_texts_are_refused_unread(app, monkeypatch, unopened):
    monkeypatch.setattr(spreadsheets, "MAX_SHARED_TEXTS", 100)  # the file has 177
    content = (CORPUS / "flat_xlsform_test.xlsx").read_bytes()
    assert refusal(app, content) == (
        "The file holds more than 100 distinct texts; a file can hold at most 100."
    )


@SQLITE_ONLY
def test_too_much_formatting_is_refused_unread(app, monkeypatch, unopened):
    monkeypatch.setattr(spreadsheets, "MAX_OTHER_ELEMENTS", 50)  # its theme alone has 287
    content = (CORPUS / "yes_or_no_question.xlsx").read_bytes()
    assert refusal(app, content).startswith(
        "The workbook holds more than 50 entries of formatting and other data besides its cells"
    )


@SQLITE_ONLY
def test_a_sheet_the_form_does_not_use_is_bounded_when_it_declares_no_size(app):
    """openpyxl reads a sheet without a declared size (as its write-only mode saves them)
    to its end on opening, to find the size, even one the reader then ignores."""
    survey = [["type", "name", "label"], ["text", "a", "A"]]
    notes = [["note"]] * (MAX_ROWS + 1)
    sized = form_bytes(survey=survey, notes=notes)
    with app.test_request_context("/?lang=en"):
        definition, report = read_xlsform(sized)
    assert "sheet 'notes' ignored" in report.notes
    unsized = form_bytes(write_only=True, survey=survey, notes=notes)
    assert refusal(app, unsized).startswith("The sheet “notes” has more than 5,000 rows")


@SQLITE_ONLY
def test_too_many_characters_in_all_are_refused(app, monkeypatch):
    monkeypatch.setattr(reading, "MAX_CHARACTERS", 1_000)
    rows = [["type", "name", "label"], *(["text", f"q{n}", "x" * 100] for n in range(10))]
    assert refusal(app, form_bytes(survey=rows)) == (
        "The round has more than 1,000 characters of text; a round can have at most 1,000."
    )


@SQLITE_ONLY
def test_a_form_that_takes_too_long_to_read_is_refused(app, monkeypatch):
    monkeypatch.setattr(reading, "MAX_SECONDS", -1)
    rows = [["type", "name", "label"], ["text", "a", "A"]]
    assert refusal(app, form_bytes(survey=rows)).endswith(
        "seconds to read; split it into several rounds."
    )


@SQLITE_ONLY
@pytest.mark.parametrize(
    ("sheets", "message"),
    [
        (
            dict(
                survey=[["type", "name", "label"], *(["text", f"q{n}", "Q"] for n in range(1001))]
            ),
            "The round has more than 1,000 questions; a round can have at most 1,000. "
            "Split it into several rounds.",
        ),
        (
            dict(
                survey=[["type", "name", "label"], ["select_one big", "q", "Q"]],
                choices=[
                    ["list_name", "name", "label"],
                    *(["big", f"c{n}", "C"] for n in range(1001)),
                ],
            ),
            "survey row 2 (select_one big 'q'): more than 1,000 choices; a question can have at "
            "most 1,000.",
        ),
        (
            # One list of 1,000 choices, copied for each of 21 questions.
            dict(
                survey=[
                    ["type", "name", "label"],
                    *(["select_one big", f"q{n}", "Q"] for n in range(21)),
                ],
                choices=[
                    ["list_name", "name", "label"],
                    *(["big", f"c{n}", "C"] for n in range(1000)),
                ],
            ),
            "The round has more than 20,000 choices in all; a round can have at most 20,000.",
        ),
    ],
    ids=["questions", "choices", "round-choices"],
)
def test_a_form_past_a_round_bound_is_refused_as_it_is_read(app, sheets, message):
    assert refusal(app, form_bytes(**sheets)) == message


@SQLITE_ONLY
def test_an_xlsform_of_too_many_languages_is_refused_before_anything_is_built(
    app, client, auth, monkeypatch
):
    def must_not_build(*args, **kwargs):
        raise AssertionError("the round was built before its size was checked")

    monkeypatch.setattr(operations, "from_definition", must_not_build)
    codes = language_codes(MAX_LANGUAGES + 1)
    rows = [["type", "name", *(f"label::{code} ({code})" for code in codes)], ["text", "a", *codes]]
    auth.login("designer")
    response, _ = post_import(client, "languages.xlsx", form_bytes(survey=rows))
    assert "The round has more than 50 languages; a round can have at most 50." in response.text
    assert round_count(app) == 0


# Translation files and codebooks -------------------------------------------------------------


@SQLITE_ONLY
def test_a_translation_file_of_too_many_texts_is_refused_before_it_is_parsed(app, monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(exchange, "read_po", must_not_parse)
    monkeypatch.setattr(spreadsheets, "load_workbook", must_not_parse)
    entry = 'msgctxt "question.{n}.text"\nmsgid "Q"\nmsgstr "T"\n\n'
    po = 'msgid ""\nmsgstr ""\n\n' + "".join(entry.format(n=n) for n in range(MAX_ENTRIES + 1))
    rows = [
        list(exchange.HEADER),
        *([f"question.{n}.text", "", "Q", "T"] for n in range(MAX_ENTRIES + 1)),
    ]
    too_many = f"the file has more than {MAX_ENTRIES:,} texts; a round has at most {MAX_ENTRIES:,}"
    for name, content in (("t.po", po.encode()), ("t.xlsx", form_bytes(write_only=True, t=rows))):
        with (
            app.test_request_context("/?lang=en"),
            pytest.raises(exchange.ExchangeError) as refused,
        ):
            exchange.read(name, content)
        assert str(refused.value).startswith(too_many), (name, str(refused.value))


@SQLITE_ONLY
def test_a_translation_spreadsheet_within_the_bound_is_read(app):
    rows = [
        list(exchange.HEADER),
        *([f"question.{n}.text", "", "Q", "T"] for n in range(3)),
        ["question.9.text", "", "Q"],
    ]
    with app.test_request_context("/?lang=en"):
        entries = exchange.read("t.xlsx", form_bytes(write_only=True, t=rows))
    assert [(e.key, e.translation) for e in entries][-2:] == [
        ("question.2.text", "T"),
        ("question.9.text", ""),
    ]


@SQLITE_ONLY
def test_a_codebook_workbook_of_too_much_formatting_is_refused_unread(app, monkeypatch):
    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the file")

    monkeypatch.setattr(spreadsheets, "MAX_OTHER_ELEMENTS", 50)
    monkeypatch.setattr(spreadsheets, "load_workbook", must_not_open)
    content = form_bytes(themes=[["code", "name_en"], ["t1", "One"]])
    with app.test_request_context("/?lang=en"), pytest.raises(SheetError) as refused:
        sheet.read_table("themes.xlsx", content)
    assert str(refused.value).startswith("The workbook holds more than 50 entries of formatting")
