"""Translation exchange files for translators who work offline or in their own tools: a
round's texts for one language as gettext PO (Poedit, Weblate, Crowdin), XLIFF 1.2, or an
XLSX with source and target columns. Every format carries each text's key, the source it
was made from and the translation; reading gives back those three."""

import io
import re
from dataclasses import dataclass

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from openpyxl import Workbook
from translate.storage import xliff

from ..design.imports import MAX_QUESTIONS, MAX_ROUND_CHOICES, MAX_SECTIONS
from ..spreadsheets import (
    SpreadsheetRefused,
    TooLarge,
    check_spreadsheet,
    first_sheet_rows,
    unreadable_as,
)
from ..text import CONTROL_CHARACTERS
from .forms import MAX_TRANSLATION
from .texts import round_texts

FORMATS = {
    "po": "text/x-gettext-translation",
    "xlf": "application/x-xliff+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
HEADER = ("key", "where", "source", "translation")
#: Texts of a file, at most: as many as an imported round has in a language (its title,
#: introduction and thank-you text, each page's title and introduction, each question's
#: text and help, each choice). Counted before a file is parsed: babel reads a 10 MB PO
#: file of 265,000 texts in 7 s, into 250 MB.
MAX_ENTRIES = 3 + 2 * MAX_SECTIONS + 2 * MAX_QUESTIONS + MAX_ROUND_CHOICES
#: Cells of a spreadsheet, at most: ten columns to a text.
MAX_CELLS = 10 * (MAX_ENTRIES + 1)
#: Bytes an XLSX may unpack to: a round's texts in one language are far fewer.
MAX_UNPACKED = 50 * 1024 * 1024


class ExchangeError(ValueError):
    """The file cannot be read as a translation file."""


@dataclass
class Entry:
    key: str
    source: str
    translation: str


class _Xliff12Unit(xliff.Xliff1Unit):
    namespace = XLIFF_12


class _Xliff12File(xliff.Xliff1File):
    """translate-toolkit's XLIFF store, writing version 1.2 (it reads 1.1 and 1.2)."""

    UnitClass = _Xliff12Unit
    namespace = XLIFF_12
    #: The empty document a new store starts from: translate-toolkit's, at version 1.2.
    XMLskeleton = (
        '<?xml version="1.0" ?>\n'
        f"<xliff version='1.2' xmlns='{XLIFF_12}'>\n"
        "<file original='NoName' source-language='en' datatype='plaintext'>\n"
        "<body>\n</body>\n</file>\n</xliff>"
    )


def export(round_, language, format_):
    source = round_.source_language
    rows = [
        (t.key, t.where, t.values[source], t.values.get(language, "")) for t in round_texts(round_)
    ]
    return {"po": _write_po, "xlf": _write_xliff, "xlsx": _write_xlsx}[format_](
        rows, source, language, round_.slug
    )


def read(filename, content):
    """[Entry] from an uploaded translation file, by its extension."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    reader = {"po": _read_po, "xlf": _read_xliff, "xliff": _read_xliff, "xlsx": _read_xlsx}
    if suffix not in reader:
        raise ExchangeError(_("choose a .po, .xlf or .xlsx file"))
    # A first count, before parsing: entries of a PO file, units of an XLIFF file (a
    # spreadsheet's rows are counted on its XML, by _read_xlsx).
    found = {
        "po": lambda: len(re.findall(rb"(?m)^(?:#~ *)?msgid[ \t]", content)) - 1,  # the header
        "xlf": lambda: content.count(b"<trans-unit"),
        "xliff": lambda: content.count(b"<trans-unit"),
        "xlsx": lambda: 0,
    }[suffix]()
    if found > MAX_ENTRIES:
        raise _too_many_texts()
    with unreadable_as(ExchangeError):
        entries = reader[suffix](content)
        if len(entries) > MAX_ENTRIES:
            raise _too_many_texts()
    for entry in entries:  # what the editor refuses, a file cannot store either
        if len(entry.translation) > MAX_TRANSLATION or CONTROL_CHARACTERS.search(entry.translation):
            raise ExchangeError(
                ngettext(
                    "%(key)s: the translation is longer than %(limit)s character or holds "
                    "control characters",
                    "%(key)s: the translation is longer than %(limit)s characters or holds "
                    "control characters",
                    MAX_TRANSLATION,
                    key=entry.key[:80],
                    limit=format_decimal(MAX_TRANSLATION),
                )
            )
    return entries


def _too_many_texts():
    return ExchangeError(
        ngettext(
            "the file has more than %(limit)s text; a round has at most %(limit)s in a language",
            "the file has more than %(limit)s texts; a round has at most %(limit)s in a language",
            MAX_ENTRIES,
            limit=format_decimal(MAX_ENTRIES),
        )
    )


def _write_po(rows, source, language, slug):
    catalog = Catalog(locale=language, project=slug, fuzzy=False)
    for key, where, text, translation in rows:
        catalog.add(text, translation, context=key, auto_comments=[where])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False)
    return buffer.getvalue()


def _read_po(content):
    catalog = read_po(io.BytesIO(content))
    return [
        Entry(m.context, m.id, m.string or "")
        for m in catalog
        if m.id and m.context and isinstance(m.id, str)
    ]


def _write_xliff(rows, source, language, slug):
    store = _Xliff12File(sourcelanguage=source, targetlanguage=language)
    for key, where, text, translation in rows:
        unit = store.addsourceunit(text)
        unit.setid(key)
        unit.addnote(where, origin="developer")
        if translation:
            unit.target = translation
    return bytes(store)


def _read_xliff(content):
    store = xliff.xlifffile.parsestring(content)
    return [
        Entry(unit.getid().split("\x04")[-1], unit.source or "", unit.target or "")
        for unit in store.units
        if unit.getid()
    ]


def _write_xlsx(rows, source, language, slug):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "translations"
    sheet.append([*HEADER[:2], f"{HEADER[2]} ({source})", f"{HEADER[3]} ({language})"])
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = "s"  # a text that starts with "=" stays text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read_xlsx(content):
    try:  # the spreadsheet gate: zip bombs, then what its XML would make openpyxl do
        check_spreadsheet(
            content,
            MAX_UNPACKED,
            lambda titles, worksheets: worksheets[:1],
            max_rows=MAX_ENTRIES + 1,
            max_cells=MAX_CELLS,
        )
    except TooLarge as error:
        raise (_too_many_texts() if error.kind == "rows" else ExchangeError(str(error))) from None
    except SpreadsheetRefused as error:
        raise ExchangeError(str(error)) from None
    rows = first_sheet_rows(content)
    header = [str(cell or "").split(" (")[0].strip().lower() for cell in next(rows, ())]
    if not set(("key", "source", "translation")) <= set(header):
        raise ExchangeError(_("the first sheet needs the columns key, source and translation"))
    index = {name: header.index(name) for name in ("key", "source", "translation")}
    width = max(index.values()) + 1
    entries = []
    for row in rows:
        row = (*row, *(None,) * (width - len(row)))  # a row ends at its last filled cell
        if row[index["key"]]:
            entries.append(
                Entry(
                    str(row[index["key"]]),
                    str(row[index["source"]] or ""),
                    str(row[index["translation"]] or ""),
                )
            )
    return entries
