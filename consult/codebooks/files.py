"""A codebook as a file: written for download, and an uploaded one read as a definition
(codebooks.definition); JSON as it is, CSV and XLSX sheets through codebooks.sheet."""

import json

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from .definition import CodebookError
from .sheet import SheetError, definition_from_table, read_table, write_csv, write_xlsx

#: Objects, lists and values of a codebook's JSON file: a codebook of as many themes as a
#: spreadsheet may hold (sheet.MAX_ROWS), in nine languages, has under 100,000.
MAX_JSON_ITEMS = 200_000
UPLOAD_SUFFIXES = ("json", "csv", "xlsx")
#: The formats a codebook is downloaded in, with their content types.
EXPORTS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def codebook_file(definition, fmt):
    """The bytes of a codebook ``definition`` as a file of format ``fmt`` (EXPORTS)."""
    if fmt == "json":
        return json.dumps(definition, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "csv":
        return write_csv(definition)
    return write_xlsx(definition)


def definition_from_upload(filename, content, code):
    """The codebook definition (JSON shape) of an uploaded .json, .csv or .xlsx file; raises
    CodebookError with the reason when the file cannot be read."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix not in UPLOAD_SUFFIXES:
        raise CodebookError([_("choose a .json, .csv or .xlsx file")])
    if suffix == "json":
        items = sum(content.count(character) for character in (b"{", b"[", b","))
        if items > MAX_JSON_ITEMS:
            # Counted before parsing: 10 MB of "{}," would take 250 MB to parse.
            raise CodebookError(
                [
                    ngettext(
                        "the file has more than %(limit)s JSON item; a codebook has far fewer",
                        "the file has more than %(limit)s JSON items; a codebook has far fewer",
                        MAX_JSON_ITEMS,
                        limit=format_decimal(MAX_JSON_ITEMS),
                    )
                ]
            )
        try:
            return json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise CodebookError([_("the file is not valid JSON")]) from None
    try:
        return definition_from_table(read_table(filename, content), code)
    except SheetError as error:
        raise CodebookError([str(error)]) from None
