"""Opening an uploaded workbook safely: size and zip-bomb checks before any parsing, formulas
read as text, sheets as rows."""

import warnings
import zipfile
from io import BytesIO

from flask_babel import gettext as _
from openpyxl.reader.excel import ExcelReader
from pyxform.xls2json_backends import get_excel_column_headers, get_excel_rows, xlsx_value_to_str

from .common import MAX_FILE, MAX_RATIO, MAX_UNZIPPED, SHEETS, XLSFormError


def open_workbook(file_bytes):
    if not isinstance(file_bytes, bytes | bytearray) or not file_bytes:
        raise XLSFormError(_("The file is empty."))
    if len(file_bytes) > MAX_FILE:
        raise XLSFormError(_("The file is larger than 10 MB, too large for a form."))
    if file_bytes[:4] == b"\xd0\xcf\x11\xe0":
        raise XLSFormError(_("This is an old .xls file: save it as .xlsx and try again."))
    _check_zip(bytes(file_bytes))
    try:
        with warnings.catch_warnings():  # openpyxl warns about the features it drops
            warnings.simplefilter("ignore")
            return _read_sheets(bytes(file_bytes))
    except Exception as error:  # whatever the reader trips on, the file is unreadable
        raise XLSFormError(
            _(
                "The file could not be read as an XLSForm spreadsheet (%(error)s).",
                error=str(error)[:200],
            )
        ) from error


def _check_zip(data):
    """Refuse zip bombs before any XML is parsed (zipfile never inflates an entry past its
    declared size, so the declared sizes bound the work)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise XLSFormError(_("The file is not an .xlsx spreadsheet.")) from error
    unzipped = sum(entry.file_size for entry in entries)
    zipped = sum(entry.compress_size for entry in entries)
    packed = [(e.file_size, e.compress_size) for e in entries] + [(unzipped, zipped)]
    inflated = any(
        size > 1024 * 1024 and size > MAX_RATIO * max(compressed, 1) for size, compressed in packed
    )
    if len(entries) > 1000 or unzipped > MAX_UNZIPPED or inflated:
        raise XLSFormError(_("The file unpacks to far more data than a form holds (a zip bomb?)."))


def _read_sheets(data):
    """{sheet: rows} as pyxform's xlsx_to_dict gives them, but with formulas as text."""
    reader = ExcelReader(BytesIO(data), read_only=True, data_only=False)
    try:
        reader.read()
        names = list(reader.wb.sheetnames)
        book, formulas = {"sheet_names": names}, []
        for title in names:
            # As pyxform does: a lone sheet is the survey, whatever its name.
            key = "survey" if len(names) == 1 else title.lower()
            if key in SHEETS and hasattr(reader.wb[title], "iter_rows"):
                book[key] = _sheet_rows(reader.wb[title], key, formulas)
    finally:
        reader.archive.close()  # the read-only workbook reads its sheets from this archive
    return book, formulas


def _sheet_rows(sheet, key, formulas):
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
        return xlsx_value_to_str(value).strip()

    rows = sheet.iter_rows(min_row=2, max_col=len(headers))
    return get_excel_rows(headers=headers, rows=rows, cell_func=clean)


# --- Languages ---------------------------------------------------------------------------
