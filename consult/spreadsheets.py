"""The one gate every uploaded spreadsheet goes through (a round's XLSForm, a codebook, a
translation file) before any reader parses it: its declared sizes against zip bombs, then
the work its XML would ask of openpyxl, counted by a streaming scan.

The scan (expat, no tree kept) stops at the first bound passed, before openpyxl parses
anything but the small parts that say where the sheets are: openpyxl reads the shared
texts and the styles whole when it opens a workbook, and every sheet without a declared
size to its end (to find one), so these are scanned first; the sheets the caller reads
are scanned as far as it will read them. Formulas are never evaluated: readers open the
workbook with data_only=False and get a formula as its text.
"""

import re
import xml.parsers.expat
import zipfile
from contextlib import contextmanager
from io import BytesIO

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.packaging.manifest import Manifest
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import _find_workbook_part
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_CORE,
    ARC_CUSTOM,
    ARC_STYLE,
    SHARED_STRINGS,
)
from openpyxl.xml.functions import fromstring

# Bounds on the work a workbook can ask of its reader. Sizes alone do not bound the work:
# 50 MB of XML is 250,000 rows, or one row of 2 million cells, or 2 million distinct texts,
# each minutes of reading and gigabytes of memory. Real files stay far below: the XLSForm
# conformance corpus (tests/conformance/xlsform) has at most 513 rows, 27,368 cells
# (formatted empty ones, mostly) and 177 distinct texts in a file.
#: Parts of the zip archive: a workbook of a few sheets has about twenty.
MAX_PARTS = 1000
#: How much more a part may unpack to than it takes packed, once it is over 1 MB.
MAX_RATIO = 100
#: Rows and cells of a sheet the caller does not read, which openpyxl still reads to its
#: end when the sheet declares no size.
MAX_ROWS = 5_000
MAX_CELLS = 200_000
#: Characters in one cell (or one text of the workbook): Excel's own limit.
MAX_CELL_CHARACTERS = 32_767
#: Distinct texts of a workbook (its shared strings), all read when it opens: about 9 µs
#: each for openpyxl.
MAX_SHARED_TEXTS = 200_000
#: Elements of everything else read whole when the workbook opens (styles, the workbook,
#: its properties) and of a sheet's other parts (merged cells, formatting rules...): about
#: 20 µs each for openpyxl. A workbook of 1,000 styles has about 5,000.
MAX_OTHER_ELEMENTS = 100_000


# Formulas: every text cell consult writes is neutralised, and read back as it was.

#: What a spreadsheet takes for the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: A formula start after a separator: a spreadsheet that splits a CSV file on the other
#: separator (";" for "," in much of Europe) starts a new cell there.
FORMULA_AFTER_SEPARATOR = re.compile(r"([;,]\s*)([=+\-@])")


def neutralise(value):
    """A text cell that cannot run as a formula: a leading apostrophe, which spreadsheets
    show as text, and one after any separator a spreadsheet might split the cell on.
    Numbers are left as numbers."""
    if not isinstance(value, str):
        return value
    value = FORMULA_AFTER_SEPARATOR.sub(r"\1'\2", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


NEUTRALISED_AFTER_SEPARATOR = re.compile(r"([;,]\s*)'([=+\-@])")


def restore(text):
    """A neutralised text cell read back (codebook sheets): its apostrophes taken off."""
    text = NEUTRALISED_AFTER_SEPARATOR.sub(r"\1\2", text)
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


class SpreadsheetRefused(ValueError):
    """An uploaded spreadsheet that is not read, with the reason for the person who sent it."""


class NotAWorkbook(SpreadsheetRefused):
    """Not a zip archive: an old .xls, a protected workbook, or no spreadsheet at all."""


class TooLarge(SpreadsheetRefused):
    """A bound was passed; ``kind`` says which ("unpacked", "rows", "cells", "characters",
    "texts", "elements", "seconds"), for a caller that words it its own way."""

    def __init__(self, message, kind, limit, sheet=None):
        super().__init__(message)
        self.kind, self.limit, self.sheet = kind, limit, sheet


def check_spreadsheet(data, max_unpacked, read, max_rows, max_cells, empty_run=None):
    """The gate: check_zip, then check_workbook."""
    check_zip(data, max_unpacked)
    check_workbook(data, read, max_rows, max_cells, empty_run)


def first_sheet_rows(data):
    """The rows of the first sheet as values, formulas as their text; call after the gate.
    The size a sheet declares is not trusted: rows would be padded out to it."""
    workbook = load_workbook(BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def check_zip(data, max_unpacked):
    """Refuse zip bombs before any XML is parsed (zipfile never inflates an entry past its
    declared size, so the declared sizes bound the work): more than ``max_unpacked`` bytes
    in all, more than MAX_PARTS parts, or a part that unpacks to over MAX_RATIO times its
    packed size."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise NotAWorkbook(_("The file is not an .xlsx spreadsheet.")) from error
    unzipped = sum(entry.file_size for entry in entries)
    zipped = sum(entry.compress_size for entry in entries)
    packed = [(e.file_size, e.compress_size) for e in entries] + [(unzipped, zipped)]
    inflated = any(
        size > 1024 * 1024 and size > MAX_RATIO * max(compressed, 1) for size, compressed in packed
    )
    if len(entries) > MAX_PARTS or unzipped > max_unpacked or inflated:
        raise TooLarge(
            _("The file unpacks to far more data than a spreadsheet of its kind holds."),
            "parts" if len(entries) > MAX_PARTS else "unpacked",
            MAX_PARTS if len(entries) > MAX_PARTS else max_unpacked,
        )


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


@contextmanager
def unreadable_as(error_class):
    """Reading a file from outside: any failure but the importer's own ``error_class``
    becomes one, with the reason in words, so that a damaged file never crashes an
    import."""
    try:
        yield
    except error_class:
        raise
    except Exception as error:
        reason = _("the file could not be read (%(error)s)", error=str(error)[:200])
        raise error_class(reason) from error
