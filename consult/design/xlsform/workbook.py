"""Opening an uploaded form safely: through the spreadsheet gate (consult.spreadsheets:
zip bombs, then the work its XML asks for) before any parsing, formulas read as text,
sheets as rows; an .xls through xlrd, and text forms through pyxform's readers."""

import time
import warnings
from io import BytesIO, StringIO

import xlrd
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from openpyxl.reader.excel import ExcelReader
from pyxform.xls2json_backends import (
    get_excel_column_headers,
    get_excel_rows,
    xls_value_to_unicode,
    xlsx_value_to_str,
)

from ... import spreadsheets
from ...spreadsheets import (
    MAX_CELL_CHARACTERS,
    TooLarge,
    check_workbook,
    too_long,
    too_many_cells,
    too_many_rows,
)
from .common import (
    EMPTY_ROWS_ENDING_A_SHEET,
    MAX_CELLS,
    MAX_FILE,
    MAX_ROWS,
    MAX_UNZIPPED,
    SHEETS,
    TEXT_FORM_SUFFIXES,
    XLSFormError,
)

#: How an .xls file (an OLE2 compound document) starts.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Budget:
    """What reading a form may still spend: characters of cell text, and seconds."""

    def __init__(self, characters, seconds):
        self.limit, self.left, self.seconds = characters, characters, seconds
        self.deadline = time.monotonic() + seconds

    def spend(self, characters):
        self.left -= characters
        if self.left < 0:
            raise TooLarge(
                ngettext(
                    "The round has more than %(limit)s character of text; a round can have at "
                    "most %(limit)s.",
                    "The round has more than %(limit)s characters of text; a round can have at "
                    "most %(limit)s.",
                    self.limit,
                    limit=format_decimal(self.limit),
                ),
                "characters",
                self.limit,
            )

    def tick(self):
        if time.monotonic() > self.deadline:
            raise TooLarge(
                ngettext(
                    "The form takes more than %(limit)s second to read; split it into several "
                    "rounds.",
                    "The form takes more than %(limit)s seconds to read; split it into several "
                    "rounds.",
                    self.seconds,
                    limit=format_decimal(self.seconds),
                ),
                "seconds",
                self.seconds,
            )


def open_workbook(file_bytes, budget, suffix="xlsx"):
    """({sheet: rows}, formula cells) of an uploaded form; ``suffix`` picks the reader of a
    text form (.csv, .md), a workbook says itself whether it is .xls or .xlsx."""
    if not isinstance(file_bytes, bytes | bytearray) or not file_bytes:
        raise XLSFormError(_("The file is empty."))
    if len(file_bytes) > MAX_FILE:
        raise XLSFormError(_("The file is larger than 10 MB, too large for a form."))
    if suffix in TEXT_FORM_SUFFIXES:
        from .textforms import read_text_form

        return read_text_form(bytes(file_bytes), suffix, budget)
    old = file_bytes[:8] == OLE_SIGNATURE  # an .xls (Excel 97-2003) file
    if not old:
        check_zip(bytes(file_bytes))
    try:
        with warnings.catch_warnings():  # openpyxl warns about the features it drops
            warnings.simplefilter("ignore")
            if old:
                return _read_xls(bytes(file_bytes), budget)
            return _read_sheets(bytes(file_bytes), budget)
    except spreadsheets.SpreadsheetRefused:
        raise
    except Exception as error:  # whatever the reader trips on, the file is unreadable
        raise XLSFormError(
            _(
                "The file could not be read as an XLSForm spreadsheet (%(error)s).",
                error=str(error)[:200],
            )
        ) from error


def check_zip(data):
    """The spreadsheet gate's zip check, in a form's words."""
    try:
        spreadsheets.check_zip(data, MAX_UNZIPPED)
    except spreadsheets.NotAWorkbook as error:
        raise XLSFormError(str(error)) from error
    except TooLarge as error:
        raise XLSFormError(
            _("The file unpacks to far more data than a form holds (a zip bomb?).")
        ) from error


def _form_sheets(titles, worksheets):
    """The sheets the form reader reads. As pyxform does: a lone sheet is the survey,
    whatever its name."""
    return [t for t in worksheets if ("survey" if len(titles) == 1 else t.lower()) in SHEETS]


def _read_sheets(data, budget):
    """{sheet: rows} as pyxform's xlsx_to_dict gives them, but with formulas as text."""
    try:
        check_workbook(data, _form_sheets, MAX_ROWS, MAX_CELLS, EMPTY_ROWS_ENDING_A_SHEET)
    except TooLarge as error:
        if error.kind != "rows":
            raise
        raise TooLarge(
            ngettext(
                "The sheet “%(sheet)s” has more than %(limit)s row; a form can have at most "
                "%(limit)s. Split it into several rounds.",
                "The sheet “%(sheet)s” has more than %(limit)s rows; a form can have at most "
                "%(limit)s. Split it into several rounds.",
                error.limit,
                sheet=error.sheet,
                limit=format_decimal(error.limit),
            ),
            "rows",
            error.limit,
            error.sheet,
        ) from None
    reader = ExcelReader(BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        reader.read()
        names = list(reader.wb.sheetnames)
        book, formulas = {"sheet_names": names}, []
        for title in names:
            # As pyxform does: a lone sheet is the survey, whatever its name.
            key = "survey" if len(names) == 1 else title.lower()
            if key in SHEETS and hasattr(reader.wb[title], "iter_rows"):
                book[key] = _sheet_rows(reader.wb[title], key, formulas, budget)
    finally:
        reader.archive.close()  # the read-only workbook reads its sheets from this archive
    return book, formulas


def _sheet_rows(sheet, key, formulas, budget):
    first = next(sheet.iter_rows(max_row=1), ())
    headers = get_excel_column_headers(None if c.value is None else str(c.value) for c in first)

    def clean(cell, row_n, column):
        if cell.data_type == "f":
            formulas.append(
                _(
                    "%(sheet)s row %(number)d (%(column)s)",
                    sheet=key,
                    number=row_n + 2,
                    column=column,
                )
            )
        value = getattr(cell.value, "text", cell.value)  # an array formula's text
        text = xlsx_value_to_str(value)
        budget.spend(len(text))  # before any copy: one text may be in many cells
        return text.strip()

    def rows():
        for row in sheet.iter_rows(min_row=2, max_col=len(headers)):
            budget.tick()
            yield row

    return get_excel_rows(headers=headers, rows=rows(), cell_func=clean)


# --- .xls --------------------------------------------------------------------------------


def _read_xls(data, budget):
    """{sheet: rows} of an .xls file, as pyxform's xls_to_dict gives them. xlrd reads a
    sheet's records only when asked (on_demand), keeps no empty or formatted-only cell
    (no formatting_info) and no padding (ragged_rows): what it holds is bounded by the
    file's 10 MB; the rows and cells of each sheet read are checked against MAX_ROWS and
    MAX_CELLS before any row becomes a dict. An .xls file keeps no formula text: a cell
    holds the value the spreadsheet program saved, as pyxform reads it."""
    book = xlrd.open_workbook(
        file_contents=data,
        on_demand=True,
        ragged_rows=True,
        formatting_info=False,
        logfile=StringIO(),  # its warnings about odd files, not for the console
    )
    try:
        names = book.sheet_names()
        result = {"sheet_names": names}
        for index, title in enumerate(names):
            key = "survey" if len(names) == 1 else title.lower()
            if key not in SHEETS:
                continue
            budget.tick()
            sheet = book.sheet_by_index(index)
            _check_xls_sheet(sheet, title)
            result[key] = _xls_rows(book, sheet, budget)
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return result, []


def _check_xls_sheet(sheet, title):
    """TooLarge if the rows read, up to EMPTY_ROWS_ENDING_A_SHEET empty ones in a row as
    pyxform stops, pass MAX_ROWS (with data) or MAX_CELLS, or a cell MAX_CELL_CHARACTERS."""
    cells, empty = 0, 0
    for index in range(sheet.nrows):
        values = sheet.row_values(index)
        cells += len(values)
        if cells > MAX_CELLS:
            raise too_many_cells(title, MAX_CELLS)
        if any(isinstance(v, str) and len(v) > MAX_CELL_CHARACTERS for v in values):
            raise too_long()
        if any(value not in ("", None) for value in values):
            if index + 1 > MAX_ROWS:  # numbered as the spreadsheet numbers it
                raise too_many_rows(title, MAX_ROWS)
            empty = 0
        elif index:
            empty += 1
            if empty > EMPTY_ROWS_ENDING_A_SHEET:
                return


def _xls_rows(book, sheet, budget):
    first = sheet.row_values(0) if sheet.nrows else []
    headers = get_excel_column_headers(None if v in ("", None) else str(v) for v in first)

    def clean(cell, row_n, column):
        value = cell.value.strip() if isinstance(cell.value, str) else cell.value
        text = xls_value_to_unicode(value, cell.ctype, book.datemode)
        budget.spend(len(text))
        return text.strip()

    def rows():
        for index in range(1, sheet.nrows):
            budget.tick()
            yield sheet.row(index)[: len(headers)]

    return get_excel_rows(headers=headers, rows=rows(), cell_func=clean)
