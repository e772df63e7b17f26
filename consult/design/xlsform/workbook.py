"""Opening an uploaded workbook safely: size and zip-bomb checks before any parsing, then
bounds on the work its XML asks for (check_workbook), formulas read as text, sheets as rows.

The bounds are checked by a streaming scan of the XML (expat, no tree kept) that stops at
the first one passed, before openpyxl parses anything but the small parts that say where
the sheets are: openpyxl reads the shared texts and the styles whole when it opens a
workbook, and every sheet without a declared size to its end (to find one), so these are
scanned first; the sheets the caller reads are scanned as far as it will read them.
"""

import time
import warnings
import xml.parsers.expat
import zipfile
from io import BytesIO, StringIO

import xlrd
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from openpyxl.packaging.manifest import Manifest
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import ExcelReader, _find_workbook_part
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_CORE,
    ARC_CUSTOM,
    ARC_STYLE,
    SHARED_STRINGS,
)
from openpyxl.xml.functions import fromstring
from pyxform.xls2json_backends import (
    get_excel_column_headers,
    get_excel_rows,
    xls_value_to_unicode,
    xlsx_value_to_str,
)

from .common import (
    EMPTY_ROWS_ENDING_A_SHEET,
    MAX_CELL_CHARACTERS,
    MAX_CELLS,
    MAX_FILE,
    MAX_OTHER_ELEMENTS,
    MAX_RATIO,
    MAX_ROWS,
    MAX_SHARED_TEXTS,
    MAX_UNZIPPED,
    SHEETS,
    TEXT_FORM_SUFFIXES,
    XLSFormError,
)

#: How an .xls file (an OLE2 compound document) starts.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class TooLarge(XLSFormError):
    """A bound was passed; ``kind`` says which ("rows", "cells", "characters", "texts",
    "elements", "seconds"), for a caller that words it its own way."""

    def __init__(self, message, kind, limit, sheet=None):
        super().__init__(message)
        self.kind, self.limit, self.sheet = kind, limit, sheet


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
    except XLSFormError:
        raise
    except Exception as error:  # whatever the reader trips on, the file is unreadable
        raise XLSFormError(
            _(
                "The file could not be read as an XLSForm spreadsheet (%(error)s).",
                error=str(error)[:200],
            )
        ) from error


def check_zip(data):
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


# --- Bounds ------------------------------------------------------------------------------


def check_workbook(data, read, max_rows, max_cells, empty_run=None):
    """Raise TooLarge when opening the workbook, or reading the sheets ``read(titles,
    worksheets)`` names (from all its sheets' titles and its worksheets', in order), would
    pass a bound. A read sheet may have data in its first ``max_rows`` rows only (empty
    rows may follow, up to as many again), and ``max_cells`` cells; with ``empty_run``,
    the caller stops reading a sheet after that many empty rows, as pyxform does, and so
    does the scan. Call after the zip checks; a file that is not a workbook raises
    whatever openpyxl raises on it."""
    scan = _Scan()
    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = set(archive.namelist())
        scan.part(archive, ARC_CONTENT_TYPES)
        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
        path = _find_workbook_part(manifest).PartName[1:]
        for part in (path, get_rels_path(path)):
            if part in names:
                scan.part(archive, part)
        parser = WorkbookParser(archive, path, keep_links=False)
        parser.parse()
        sheets = [(s.name, r) for s, r in parser.find_sheets() if r.target in names]
        titles = [title for title, _rel in sheets]
        worksheets = {title: r.target for title, r in sheets if "chartsheet" not in r.Type}
        chosen = set(read(titles, list(worksheets)))
        for title, target in worksheets.items():
            if title in chosen:
                limits = (max_rows, max_cells, empty_run)
            else:  # openpyxl reads it only to find its size, if it does not declare it
                limits = None
            _SheetScan(title, limits).run(archive, target)
        # Every other part, and any worksheet's part that openpyxl also reads whole as
        # something else (the shared texts, the styles, the properties).
        strings = manifest.find(SHARED_STRINGS)
        whole = {ARC_STYLE, ARC_CORE, ARC_CUSTOM, strings.PartName[1:] if strings else None}
        for name in sorted((names - set(worksheets.values()) | whole & names) - scan.done):
            scan.part(archive, name)


def too_long(limit=MAX_CELL_CHARACTERS):
    return TooLarge(
        ngettext(
            "A cell of the file holds more than %(limit)s character; a cell can hold at most "
            "%(limit)s.",
            "A cell of the file holds more than %(limit)s characters; a cell can hold at most "
            "%(limit)s.",
            limit,
            limit=format_decimal(limit),
        ),
        "characters",
        limit,
    )


def _too_many_elements():
    return TooLarge(
        ngettext(
            "The workbook holds more than %(limit)s entry of formatting and other data besides "
            "its cells; copy its sheets into a new workbook and try again.",
            "The workbook holds more than %(limit)s entries of formatting and other data besides "
            "its cells; copy its sheets into a new workbook and try again.",
            MAX_OTHER_ELEMENTS,
            limit=format_decimal(MAX_OTHER_ELEMENTS),
        ),
        "elements",
        MAX_OTHER_ELEMENTS,
    )


class _Stop(Exception):
    """The scan has seen all that will be read."""


class _Expat:
    """A streaming expat scan of one part; subclasses count in start()."""

    def __init__(self):
        self.length = 0  # characters of the current text

    def run(self, archive, name):
        parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        try:
            with archive.open(name) as stream:
                while chunk := stream.read(1 << 16):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except _Stop:
            pass
        except xml.parsers.expat.ExpatError:
            pass  # not XML (an image...) or damaged: openpyxl says so if it reads it

    def _start(self, name, attributes):
        self.length = 0
        for value in attributes.values():
            if len(value) > MAX_CELL_CHARACTERS:
                raise too_long()
        self.start(name[name.rfind("}") + 1 :], attributes)

    def _end(self, name):
        self.length = 0
        self.end(name[name.rfind("}") + 1 :])

    def _text(self, data):
        self.length += len(data)
        if self.length > MAX_CELL_CHARACTERS:
            raise too_long()

    def start(self, name, attributes):
        pass

    def end(self, name):
        pass


class _Scan(_Expat):
    """The parts other than worksheets: their distinct texts and other elements, counted
    across the workbook."""

    def __init__(self):
        super().__init__()
        self.texts = self.elements = 0
        self.done = set()

    def part(self, archive, name):
        self.done.add(name)
        self.run(archive, name)

    def start(self, name, attributes):
        if name == "si":
            self.texts += 1
            if self.texts > MAX_SHARED_TEXTS:
                raise TooLarge(
                    ngettext(
                        "The file holds more than %(limit)s distinct text; a file can hold at "
                        "most %(limit)s.",
                        "The file holds more than %(limit)s distinct texts; a file can hold at "
                        "most %(limit)s.",
                        MAX_SHARED_TEXTS,
                        limit=format_decimal(MAX_SHARED_TEXTS),
                    ),
                    "texts",
                    MAX_SHARED_TEXTS,
                )
        elif name not in ("t", "sst"):
            self.elements += 1
            if self.elements > MAX_OTHER_ELEMENTS:
                raise _too_many_elements()


class _SheetScan(_Expat):
    """One worksheet. ``limits`` is (max_rows, max_cells, empty_run) for a sheet the caller
    reads; None for one it does not, which openpyxl still reads to its end if it declares
    no size (no <dimension> before <sheetData>), so it is then held to MAX_ROWS and
    MAX_CELLS."""

    def __init__(self, title, limits):
        super().__init__()
        self.title, self.read = title, limits is not None
        self.max_rows, self.max_cells, self.empty_run = limits or (MAX_ROWS, MAX_CELLS, None)
        self.sized = self.in_data = False
        self.row = self.cells = self.elements = 0
        self.last_data = 1  # the header row counts as the last row with data
        self.has_data = False

    def start(self, name, attributes):
        if name == "row":
            number = attributes.get("r", "")
            self.row = max(int(number) if number.isdigit() else 0, self.row + 1)
            if self.empty_run is not None and self.row - self.last_data > self.empty_run + 1:
                raise _Stop  # the reader has stopped before this row
            if self.row > 2 * self.max_rows:
                raise self.too_many_rows()
            self.has_data = False
        elif name == "c":
            self.cells += 1
            if self.cells > self.max_cells:
                raise too_many_cells(self.title, self.max_cells)
        elif name in ("v", "f", "is"):
            if not self.has_data:
                self.has_data, self.last_data = True, self.row
                if self.row > self.max_rows:
                    raise self.too_many_rows()
        elif name == "dimension" and not self.in_data:
            self.sized = True
        elif name == "sheetData":
            self.in_data = True
            if not self.read and self.sized:
                raise _Stop  # openpyxl reads no further
            if not self.sized:
                self.empty_run = None  # openpyxl reads to the end to find the size
        elif name not in ("t", "worksheet"):
            self.elements += 1
            if self.elements > MAX_OTHER_ELEMENTS:
                raise _too_many_elements()

    def end(self, name):
        if name == "sheetData" and not self.read:
            raise _Stop

    def too_many_rows(self):
        return too_many_rows(self.title, self.max_rows)


def too_many_rows(title, limit):
    return TooLarge(
        ngettext(
            "The sheet “%(sheet)s” has more than %(limit)s row; a sheet can have at most "
            "%(limit)s.",
            "The sheet “%(sheet)s” has more than %(limit)s rows; a sheet can have at most "
            "%(limit)s.",
            limit,
            sheet=title,
            limit=format_decimal(limit),
        ),
        "rows",
        limit,
        title,
    )


def too_many_cells(title, limit):
    return TooLarge(
        ngettext(
            "The sheet “%(sheet)s” has more than %(limit)s cell; a sheet can have at "
            "most %(limit)s.",
            "The sheet “%(sheet)s” has more than %(limit)s cells; a sheet can have at "
            "most %(limit)s.",
            limit,
            sheet=title,
            limit=format_decimal(limit),
        ),
        "cells",
        limit,
        title,
    )


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
