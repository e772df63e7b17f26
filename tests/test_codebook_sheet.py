"""The codebook as a spreadsheet: written as CSV and XLSX, read back to the same definition,
tolerant of what Excel does to a file, and refusing unsafe or damaged files with a message
staff can act on."""

import csv
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from consult import spreadsheets
from consult.codebooks import sheet
from consult.codebooks.definition import FORMAT, TEXT_FIELDS
from consult.codebooks.sheet import (
    SheetError,
    codebook_table,
    definition_from_table,
    read_table,
    write_csv,
    write_xlsx,
)
from consult.codebooks.starter import starter_definition
from consult.config import LANGUAGES

STARTER = starter_definition()
HYPERLINK = '=HYPERLINK("http://example.org/x","click")'


def comparable(theme):
    """A theme with the languages that have no text left out."""
    result = {
        "code": theme["code"],
        "parent": theme.get("parent") or None,
        "strategic_direction": theme.get("strategic_direction") or None,
    }
    for field in TEXT_FIELDS:
        result[field] = {lang: text for lang, text in (theme.get(field) or {}).items() if text}
    return result


def assert_same_codebook(read, original):
    assert read["format"] == FORMAT
    assert read["code"] == original["code"]
    assert [t["code"] for t in read["themes"]] == [t["code"] for t in original["themes"]]
    for got, expected in zip(read["themes"], original["themes"], strict=True):
        assert comparable(got) == comparable(expected), expected["code"]


def one_theme(**fields):
    return {"format": FORMAT, "code": "one", "name": {}, "themes": [{"code": "t1", **fields}]}


def csv_bytes(rows, delimiter=",", encoding="utf-8-sig"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Round trips ---------------------------------------------------------------------------------


def test_the_header_has_the_fixed_columns_then_five_per_language():
    header = codebook_table(STARTER)[0]
    assert header[:3] == ["code", "parent", "strategic_direction"]
    assert header[3:8] == ["name_en", "definition_en", "include_en", "exclude_en", "keywords_en"]
    assert len(header) == 3 + 5 * len(LANGUAGES)
    assert header[-1] == f"keywords_{LANGUAGES[-1]}"


def test_the_starter_codebook_survives_csv():
    content = write_csv(STARTER)
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = read_table("starter.csv", content)
    assert len(rows) == 1 + len(STARTER["themes"])  # one row per theme
    read = definition_from_table(rows, "starter", {"en": "Starter codebook"})
    assert_same_codebook(read, STARTER)
    assert read["name"] == {"en": "Starter codebook"}


def test_the_starter_codebook_survives_xlsx():
    content = write_xlsx(STARTER)
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["themes"]
    assert workbook["themes"].freeze_panes == "A2"
    cells = [c for row in workbook["themes"].iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in cells} == {"s"}
    read = definition_from_table(read_table("starter.xlsx", content), "copy")
    assert read["code"] == "copy"
    assert_same_codebook(read, {**STARTER, "code": "copy"})


def test_a_csv_saved_by_a_french_excel_reads():
    rows = [
        ["code", "parent", "strategic_direction", "name_en", "name_fr", "keywords_fr"],
        ["logement", "", "Advocacy and Campaigning", "Housing", "Logement; abri", "logement; rue"],
        ["expulsion", "logement", "", "Eviction", "Expulsion, «sans toit»", "expulsé"],
    ]
    content = csv_bytes(rows, delimiter=";")  # Excel in French: ";" and a BOM, CRLF lines
    assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content
    themes = definition_from_table(read_table("Classeur1.csv", content), "fr")["themes"]
    assert themes[0]["name"] == {"en": "Housing", "fr": "Logement; abri"}
    assert themes[0]["keywords"] == {"fr": ["logement", "rue"]}
    assert themes[0]["strategic_direction"] == "Advocacy and Campaigning"
    assert themes[1]["parent"] == "logement"
    assert themes[1]["name"]["fr"] == "Expulsion, «sans toit»"
    assert themes[1]["strategic_direction"] is None


def test_a_csv_without_a_bom_reads():
    content = csv_bytes([["code", "name_ru"], ["жильё", "Жильё"]], encoding="utf-8")
    themes = definition_from_table(read_table("themes.csv", content), "ru")["themes"]
    assert themes == [
        {
            "code": "жильё",
            "parent": None,
            "name": {"ru": "Жильё"},
            "definition": {},
            "include": {},
            "exclude": {},
            "keywords": {},
            "strategic_direction": None,
        }
    ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_columns_in_another_order_and_extra_columns_read(suffix):
    rows = [
        ["Notes", "NAME_FR", "keywords_de", "name_en", "Code", "name_xx", "parent"],
        ["to check", "Logement", "Wohnung", "Housing", "housing", "?", ""],
        [],
        ["", "Rue", "", "Street", "street", "", "housing"],
    ]
    content = csv_bytes(rows) if suffix == "csv" else xlsx_bytes(rows)
    themes = definition_from_table(read_table(f"t.{suffix}", content), "x")["themes"]
    assert [(t["code"], t["parent"]) for t in themes] == [("housing", None), ("street", "housing")]
    assert themes[0]["name"] == {"fr": "Logement", "en": "Housing"}
    assert themes[0]["keywords"] == {}  # "de" is not one of our languages


def test_keywords_are_split_on_semicolons_and_tidied():
    rows = [["code", "keywords_en"], ["t1", "  needle ; clean syringe;; ;exchange  "]]
    themes = definition_from_table(rows, "k")["themes"]
    assert themes[0]["keywords"] == {"en": ["needle", "clean syringe", "exchange"]}
    written = codebook_table(one_theme(keywords={"en": ["needle", "clean syringe"]}))
    assert written[1][written[0].index("keywords_en")] == "needle; clean syringe"


def test_a_formula_is_written_as_text_and_read_back_as_written():
    definition = one_theme(name={"en": HYPERLINK}, keywords={"en": ["-5 days", "@home"]})

    content = write_csv(definition)
    header, row = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    assert row[header.index("name_en")] == "'" + HYPERLINK
    assert row[header.index("keywords_en")] == "'-5 days; '@home"  # ";" could start a cell
    theme = definition_from_table(read_table("f.csv", content), "f")["themes"][0]
    assert theme["name"] == {"en": HYPERLINK}
    assert theme["keywords"] == {"en": ["-5 days", "@home"]}

    content = write_xlsx(definition)
    written = load_workbook(io.BytesIO(content))["themes"]
    cell = written.cell(row=2, column=codebook_table(definition)[0].index("name_en") + 1)
    assert cell.value == HYPERLINK and cell.data_type == "s"
    theme = definition_from_table(read_table("f.xlsx", content), "f")["themes"][0]
    assert theme["name"] == {"en": HYPERLINK}


def test_an_xlsx_cell_neutralised_by_hand_and_numbers_read_as_text():
    rows = [["code", "name_en", "definition_en"], [12, "'=1+1", None]]
    theme = definition_from_table(read_table("n.xlsx", xlsx_bytes(rows)), "n")["themes"][0]
    assert theme["code"] == "12"
    assert theme["name"] == {"en": "=1+1"}
    assert theme["definition"] == {}


def test_empty_rows_are_skipped_and_a_row_without_code_is_named():
    rows = [["", ""], ["code", "name_en"], ["", ""], ["a", "A"], ["", "orphan"], ["", ""]]
    with pytest.raises(SheetError, match="row 5 has no code"):
        definition_from_table(rows, "x")
    themes = definition_from_table(rows[:4], "x")["themes"]
    assert [t["code"] for t in themes] == ["a"]


# Files refused -------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(monkeypatch):
    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the zip bomb")

    monkeypatch.setattr(spreadsheets, "load_workbook", must_not_open)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(SheetError, match="larger than 20 MB once unpacked"):
        read_table("bomb.xlsx", buffer.getvalue())


def test_a_zip_of_too_many_parts_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "load_workbook", None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(1001):
            archive.writestr(f"part{number}.xml", b"")
    with pytest.raises(SheetError, match="more than 1000 parts"):
        read_table("many.xlsx", buffer.getvalue())


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("themes.xlsx", b"code,name_en\nt1,One\n", "not an Excel workbook"),
        ("themes.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "not an Excel workbook"),
        ("themes.txt", b"code,name_en\nt1,One\n", "choose a .csv or .xlsx file"),
        ("themes", b"code,name_en\nt1,One\n", "choose a .csv or .xlsx file"),
        ("themes.csv", "code,name_fr\nt1,Réseau\n".encode("latin-1"), "not in UTF-8"),
    ],
)
def test_files_that_are_not_readable_sheets_are_refused(filename, content, message):
    with pytest.raises(SheetError, match=message):
        read_table(filename, content)


def test_a_damaged_workbook_is_refused_with_the_reason():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(SheetError, match=r"^the file could not be read \(.+\)$"):
        read_table("themes.xlsx", buffer.getvalue())


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["theme", "name_en"], ["t1", "One"]], "no column 'code'"),
        ([], "the sheet is empty"),
        ([["code", "name_en"]], "no themes below its header"),
        ([["code", "name_en", "Name_EN"], ["t1", "One", "Two"]], "'name_en' appears twice"),
    ],
)
def test_a_table_that_is_not_a_codebook_is_refused(rows, message):
    with pytest.raises(SheetError, match=message):
        definition_from_table(read_table("t.csv", csv_bytes(rows)), "x")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_too_many_rows_are_refused_with_the_limit_written_for_the_reader(app):
    rows = [["code"], *([f"t{n}"] for n in range(sheet.MAX_ROWS - 1))]
    assert len(read_table("t.csv", csv_bytes(rows))) == sheet.MAX_ROWS
    rows.append(["one too many"])
    for suffix, content in (("csv", csv_bytes(rows)), ("xlsx", xlsx_bytes(rows))):
        with app.test_request_context("/?lang=en"), pytest.raises(SheetError, match="2,000"):
            read_table(f"t.{suffix}", content)
    with app.test_request_context("/?lang=fr"), pytest.raises(SheetError, match="2\u202f000"):
        read_table("t.csv", csv_bytes(rows))


def test_trailing_empty_rows_do_not_count_but_too_many_columns_do():
    rows = [["code"], ["t1"], *([""] for _ in range(sheet.MAX_ROWS + 10))]
    assert read_table("t.csv", csv_bytes(rows)) == [["code"], ["t1"]]
    wide = [["code", *(f"note{n}" for n in range(sheet.MAX_COLUMNS))], ["t1"]]
    with pytest.raises(SheetError, match="row 1 has more than 200 columns"):
        read_table("t.xlsx", xlsx_bytes(wide))


def test_an_xlsx_that_declares_a_huge_sheet_reads_quickly():
    """The dimension a file declares is not trusted: it would pad every row to it."""
    content = xlsx_bytes([["code", "name_en"], ["t1", "One"]])
    patched = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:B2"/>' in data
                data = data.replace(b'ref="A1:B2"', b'ref="A1:XFD1048576"')
            target.writestr(item, data)
    assert read_table("t.xlsx", patched.getvalue()) == [["code", "name_en"], ["t1", "One"]]
