"""XLSForms written as text (.csv and .md), read by pyxform's own readers behind the same
bounds as a workbook: the file's size, rows and cells of a sheet, characters of a cell and
of the whole form, and the seconds reading may take.

A text form has no zip to inflate, but its reader holds every cell it parses, so the cells
are counted on the bytes (each separator may start one) before pyxform reads anything.
Cells are text: "=B2" in a .csv file is the characters "=B2", never a formula."""

import re
from io import BytesIO

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from pyxform.errors import PyXFormReadError
from pyxform.xls2json_backends import csv_to_dict, md_to_dict

from ...spreadsheets import MAX_CELL_CHARACTERS, TooLarge, too_long, too_many_cells, too_many_rows
from .common import (
    MAX_CELLS,
    MAX_ROWS,
    SHEETS,
    XLSFormError,
)

#: The readers, by file suffix (common.TEXT_FORM_SUFFIXES), and the character that
#: separates cells in each.
READERS = {"csv": (csv_to_dict, ","), "md": (md_to_dict, "|")}
#: A text form holds its sheets in one file: survey, choices and settings of MAX_CELLS each.
MAX_TEXT_FORM_CELLS = 3 * MAX_CELLS
#: pyxform's Markdown reader looks for a comment after the last "|" of a line with a
#: pattern that backtracks from each "#" to the next "|": this many steps in all is far
#: beyond any form (a "#" is rare in a form) and still well under a second.
MAX_MARKDOWN_COMMENT_STEPS = 5_000_000


def read_text_form(data, suffix, budget):
    """({sheet: rows}, no formulas) of a .csv or .md XLSForm, as pyxform's readers give it."""
    reader, separator = READERS[suffix]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise XLSFormError(
            _("The file is not UTF-8 text: save it from the spreadsheet as CSV UTF-8.")
        ) from None
    cells = text.count(separator) + text.count("\n") + 1
    if cells > MAX_TEXT_FORM_CELLS:
        raise _too_many_cells_in_the_file()
    if suffix == "md" and _comment_search_steps(text) > MAX_MARKDOWN_COMMENT_STEPS:
        raise XLSFormError(
            _(
                "The file has too many “#” marks for a Markdown form (in a table, each starts a "
                "comment); save the form as .xlsx instead."
            )
        )
    budget.tick()
    try:
        book = reader(BytesIO(text.encode("utf-8")))
    except PyXFormReadError:
        raise XLSFormError(
            _(
                "The file could not be read as an XLSForm: a .%(suffix)s form has a line "
                "with a sheet's name (survey, choices, settings), then its rows.",
                suffix=suffix,
            )
        ) from None
    result = {"sheet_names": book.get("sheet_names", [])}
    for key in SHEETS:
        if key in book:
            result[key] = _checked(book[key], key, budget)
    return result, []


def _checked(rows, sheet, budget):
    """The sheet's rows, once they are within the bounds a workbook's sheet is held to."""
    if len(rows) + 1 > MAX_ROWS:  # numbered as a spreadsheet numbers them, header first
        raise too_many_rows(sheet, MAX_ROWS)
    if sum(len(row) for row in rows) > MAX_CELLS:
        raise too_many_cells(sheet, MAX_CELLS)
    for row in rows:
        budget.tick()
        for value in row.values():
            if len(value) > MAX_CELL_CHARACTERS:
                raise too_long(MAX_CELL_CHARACTERS)
            budget.spend(len(value))
    return rows


def _comment_search_steps(text):
    """How far pyxform's inline-comment pattern scans, counted until it passes the bound:
    from each "#" to the next "|" or the end of its line."""
    steps = 0
    for line in text.split("\n"):
        for cell in line.split("|"):
            for mark in re.finditer("#", cell):
                steps += len(cell) - mark.start()
                if steps > MAX_MARKDOWN_COMMENT_STEPS:
                    return steps
    return steps


def _too_many_cells_in_the_file():
    return TooLarge(
        ngettext(
            "The file has more than %(limit)s cell; a form has far fewer.",
            "The file has more than %(limit)s cells; a form has far fewer.",
            MAX_TEXT_FORM_CELLS,
            limit=format_decimal(MAX_TEXT_FORM_CELLS),
        ),
        "cells",
        MAX_TEXT_FORM_CELLS,
    )
