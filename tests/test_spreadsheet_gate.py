"""Every spreadsheet import (a round's XLSForm, a codebook, a translation file) goes through
one gate, consult.spreadsheets, before openpyxl opens the file: a zip bomb, a part that
unpacks a hundred times over, or an archive of too many parts is refused in each, with
the importer's own words."""

import io
import zipfile

import pytest

from consult import spreadsheets
from consult.codebooks.sheet import SheetError, read_table
from consult.design.xlsform import XLSFormError, read_xlsform
from consult.design.xlsform import workbook as workbook_module
from consult.translate.exchange import ExchangeError
from consult.translate.exchange import read as read_translations

SQLITE_ONLY = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

IMPORTS = {
    "round": (lambda content: read_xlsform(content, "form.xlsx"), XLSFormError),
    "codebook": (lambda content: read_table("themes.xlsx", content), SheetError),
    "translations": (lambda content: read_translations("fr.xlsx", content), ExchangeError),
}


def archive(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, data in parts.items():
            packed.writestr(name, data)
    return buffer.getvalue()


BOMB = archive({"xl/worksheets/sheet1.xml": b"\0" * (60 * 1024 * 1024)})
#: 5 MB of one byte: within every size limit, but it unpacks about a thousand times over.
INFLATED = archive({"xl/sharedStrings.xml": b"a" * (5 * 1024 * 1024)})
MANY_PARTS = archive({f"part{n}.xml": b"" for n in range(spreadsheets.MAX_PARTS + 1)})


@pytest.fixture
def unopened(monkeypatch):
    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the file")

    monkeypatch.setattr(spreadsheets, "load_workbook", must_not_open)
    monkeypatch.setattr(workbook_module, "ExcelReader", must_not_open)


@SQLITE_ONLY
@pytest.mark.parametrize("content", [BOMB, INFLATED, MANY_PARTS], ids=["bomb", "ratio", "parts"])
@pytest.mark.parametrize("kind", IMPORTS)
def test_each_import_refuses_what_would_unpack_too_far_before_opening_it(
    app, unopened, kind, content
):
    read, refusal = IMPORTS[kind]
    assert len(content) < 200_000
    with app.test_request_context("/?lang=en"), pytest.raises(refusal) as refused:
        read(content)
    assert any(
        words in str(refused.value)
        for words in ("unpacks to far more data", "once unpacked", "parts; it is not a sheet")
    ), str(refused.value)


@SQLITE_ONLY
@pytest.mark.parametrize("kind", IMPORTS)
def test_each_import_says_a_file_that_is_no_workbook_is_not_one(app, kind):
    read, refusal = IMPORTS[kind]
    with app.test_request_context("/?lang=en"), pytest.raises(refusal) as refused:
        read(b"PK\x03\x04 not really a workbook")
    assert "not an" in str(refused.value) and "xlsx" in str(refused.value)


def test_a_formula_is_neutralised_on_writing_and_read_back_as_it_was():
    for text in ("=SUM(A1)", "+1", "-x", "@cmd", "a, =b", "plain"):
        written = spreadsheets.neutralise(text)
        assert not written.startswith(("=", "+", "-", "@"))
        assert spreadsheets.restore(written) == text
