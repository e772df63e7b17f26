"""A codebook as a spreadsheet, so that staff can write and edit its themes in Excel or
LibreOffice instead of JSON: one theme a row, and one column per field and language.

The columns are ``code``, ``parent`` and ``strategic_direction``, then for each interface
language L: ``name_L``, ``definition_L``, ``include_L``, ``exclude_L`` and ``keywords_L``
(keywords and phrases separated by ";"). An empty cell means no text in that language.

Files come from outside, so reading is defensive: CSV (UTF-8, "," or ";" as Excel saves it
in each locale) or XLSX (checked against zip bombs, and what its XML asks of the reader
bounded, before openpyxl opens it), within limits on rows and columns; anything wrong
becomes a SheetError whose message staff can act on.
"""

import csv
import io

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..config import LANGUAGES
from ..spreadsheets import (
    FORMULA_STARTS,
    NotAWorkbook,
    TooLarge,
    check_spreadsheet,
    first_sheet_rows,
    neutralise,
    restore,
    unreadable_as,
)
from .definition import FORMAT, TEXT_FIELDS

#: Fields that are one text per language; keywords are a list per language.
PER_LANGUAGE_TEXTS = tuple(field for field in TEXT_FIELDS if field != "keywords")
FIXED_COLUMNS = ("code", "parent", "strategic_direction")
HEADER = [
    *FIXED_COLUMNS,
    *(
        f"{field}_{language}"
        for language in LANGUAGES
        for field in (*PER_LANGUAGE_TEXTS, "keywords")
    ),
]
KEYWORD_SEPARATOR = ";"

MAX_ROWS = 2000  # spreadsheet rows, the header included
MAX_COLUMNS = 200
#: Zip bomb limits for an XLSX: the declared sizes bound what zipfile will inflate.
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024

XLSX_SHEET_TITLE = "themes"


class SheetError(ValueError):
    """A codebook spreadsheet that cannot be read; the message says why, for staff."""


# Writing -------------------------------------------------------------------------------------


def codebook_table(definition) -> list[list[str]]:
    """The header, then one row per theme of a codebook ``definition`` (the JSON shape)."""
    rows = [list(HEADER)]
    for theme in definition.get("themes") or []:
        row = [theme.get("code") or "", theme.get("parent") or ""]
        row.append(theme.get("strategic_direction") or "")
        for language in LANGUAGES:
            for field in PER_LANGUAGE_TEXTS:
                row.append((theme.get(field) or {}).get(language) or "")
            keywords = (theme.get("keywords") or {}).get(language) or []
            row.append(f"{KEYWORD_SEPARATOR} ".join(keywords))
        rows.append(row)
    return rows


def write_csv(definition) -> bytes:
    """The codebook as CSV, one row per theme. UTF-8 with a byte order mark, without which
    Excel reads the file in the computer's legacy encoding and garbles every non-Latin
    text."""
    buffer = io.StringIO(newline="")
    # Every field quoted: a spreadsheet that splits on ";" (as in much of Europe) cannot
    # cut a field in two and read its second half as a formula.
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    for row in codebook_table(definition):
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(definition) -> bytes:
    """The codebook as a workbook with one sheet "themes", its header row frozen. Every cell
    is typed as text, so a theme text such as "=HYPERLINK(...)" shows as written and never
    runs as a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = XLSX_SHEET_TITLE
    for row_number, row in enumerate(codebook_table(definition), 1):
        for column_number, value in enumerate(row, 1):
            if not value:
                continue  # an empty text is no cell at all: what a spreadsheet writes too
            cell = sheet.cell(row=row_number, column=column_number, value=value)
            cell.data_type = "s"
            if value.startswith(FORMULA_STARTS):
                # Excel's own mark for "text that looks like a formula": the cell stays text
                # even when someone edits it and presses Enter.
                cell.quotePrefix = True
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for column_number, name in enumerate(HEADER, 1):
        width = 18 if name in FIXED_COLUMNS or name.startswith("name_") else 40
        sheet.column_dimensions[get_column_letter(column_number)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Reading -------------------------------------------------------------------------------------


def read_table(filename, content) -> list[list[str]]:
    """The rows of an uploaded .csv or .xlsx file as texts, cells neutralised on writing
    restored. Item i is the spreadsheet's row i + 1 (empty rows inside are kept as [], so
    messages can name rows as staff see them); trailing empty cells and rows are dropped."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    readers = {"csv": _csv_rows, "xlsx": _xlsx_rows}
    if suffix not in readers:
        raise SheetError(_("choose a .csv or .xlsx file"))
    with unreadable_as(SheetError):
        return _collect(readers[suffix](content))


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")  # with or without the BOM Excel adds
    except UnicodeDecodeError:
        raise SheetError(
            _(
                "the file is not in UTF-8: in Excel, save it as “CSV UTF-8 (comma delimited)”; "
                "in LibreOffice, choose the character set “Unicode (UTF-8)”"
            )
        ) from None
    # Excel separates with ";" where "," is the decimal mark (French, Spanish, Portuguese,
    # Russian...). Only the header decides: column names hold neither character, whereas
    # theme texts are full of commas.
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(content):
    """The first sheet's rows, once the spreadsheet gate has let the file through: not a zip
    bomb, and no more XML than a codebook's sheet needs to be read."""
    try:
        check_spreadsheet(
            content,
            MAX_UNCOMPRESSED_BYTES,
            lambda titles, worksheets: worksheets[:1],
            max_rows=MAX_ROWS,
            max_cells=MAX_ROWS * MAX_COLUMNS,
        )
    except NotAWorkbook:
        raise SheetError(
            _(
                "the file is not an Excel workbook (.xlsx); an old .xls or a protected "
                "workbook must be saved again as .xlsx or as CSV UTF-8"
            )
        ) from None
    except TooLarge as error:
        if error.kind == "rows":
            raise _too_many_rows() from None
        if error.kind == "parts":
            raise SheetError(
                ngettext(
                    "the workbook has more than %(num)d part; it is not a sheet",
                    "the workbook has more than %(num)d parts; it is not a sheet",
                    error.limit,
                )
            ) from None
        if error.kind == "unpacked":
            limit = MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
            raise SheetError(
                _("the workbook is larger than %(limit)d MB once unpacked", limit=limit)
            ) from None
        raise SheetError(str(error)) from None
    yield from first_sheet_rows(content)


def _too_many_rows():
    return SheetError(
        ngettext(
            "the sheet has more than %(limit)s row",
            "the sheet has more than %(limit)s rows",
            MAX_ROWS,
            limit=format_decimal(MAX_ROWS),
        )
    )


def _collect(rows):
    """Rows of texts, within the limits; stops at the first row past them, so that a huge
    file is not read to its end."""
    table = []
    for number, raw in enumerate(rows, 1):
        if number > 2 * MAX_ROWS:  # empty rows past the limit, as many again at most
            raise _too_many_rows()
        row = [_cell_text(value) for value in raw]
        while row and not row[-1]:
            row.pop()
        if not row:
            if number <= MAX_ROWS:
                table.append(row)
            continue
        if number > MAX_ROWS:
            raise _too_many_rows()
        if len(row) > MAX_COLUMNS:
            raise SheetError(
                ngettext(
                    "row %(number)d has more than %(num)d column",
                    "row %(number)d has more than %(num)d columns",
                    MAX_COLUMNS,
                    number=number,
                )
            )
        table.append(row)
    while table and not table[-1]:
        table.pop()
    return table


def _cell_text(value):
    """A cell as text: numbers as str(), nothing as "", surrounding spaces dropped, and the
    apostrophe that ``neutralise`` puts before a formula character taken off again."""
    if value is None:
        return ""
    return restore(str(value).strip())


# Back to a definition ------------------------------------------------------------------------


def definition_from_table(rows, code, name=None) -> dict:
    """The codebook definition (JSON shape, format included) that ``rows`` describe: the first
    non-empty row is the header, in any column order; unknown columns and languages are
    ignored; empty rows are skipped. ``name`` is {language: text} (a plain text is taken as
    the English name). Raises SheetError; import_codebook checks the themes themselves."""
    rows = [[str(cell if cell is not None else "").strip() for cell in row] for row in rows]
    numbered = [(number, row) for number, row in enumerate(rows, 1) if any(row)]
    if not numbered:
        raise SheetError(_("the sheet is empty"))
    (header_number, header), *body = numbered
    columns = _columns(header)
    if not body:
        raise SheetError(
            _("the sheet has no themes below its header (row %(number)d)", number=header_number)
        )

    themes, problems = [], []
    for number, row in body:
        row = row + [""] * (len(header) - len(row))

        def cell(column, row=row):
            return row[columns[column]] if column in columns else ""

        if not cell("code"):
            problems.append(_("row %(number)d has no code", number=number))
            continue
        theme = {"code": cell("code"), "parent": cell("parent") or None}
        for field in PER_LANGUAGE_TEXTS:
            texts = {lang: cell(f"{field}_{lang}") for lang in LANGUAGES}
            theme[field] = {lang: text for lang, text in texts.items() if text}
        keywords = {lang: _split_keywords(cell(f"keywords_{lang}")) for lang in LANGUAGES}
        theme["keywords"] = {lang: words for lang, words in keywords.items() if words}
        theme["strategic_direction"] = cell("strategic_direction") or None
        themes.append(theme)
    if problems:
        raise SheetError("; ".join(problems))

    if isinstance(name, str):
        name = {"en": name} if name.strip() else {}
    return {"format": FORMAT, "code": code, "name": dict(name or {}), "themes": themes}


def _columns(header):
    """{column name: index} for the columns this sheet knows; raises SheetError when the
    header lacks ``code`` or names a known column twice."""
    known = set(HEADER)
    columns = {}
    for index, title in enumerate(header):
        title = title.lower()
        if title not in known:
            continue  # a note column of the editor's, or a language we do not offer
        if title in columns:
            raise SheetError(
                _("the column %(column)s appears twice in the header", column=repr(title))
            )
        columns[title] = index
    if "code" not in columns:
        raise SheetError(
            _(
                "the header (first row) has no column 'code'; the columns are code, parent, "
                "strategic_direction, then name_en, definition_en... for each language"
            )
        )
    return columns


def _split_keywords(cell):
    return [word.strip() for word in cell.split(KEYWORD_SEPARATOR) if word.strip()]
