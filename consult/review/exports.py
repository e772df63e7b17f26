"""Exports: the aggregated figures (suppression applied, as on the pages), and the writing
of every export's file, as CSV or XLSX. The admins' row-level file, protected microdata, is
built in ``microdata`` and written here.

Files stream: CSV line by line, XLSX through openpyxl's write-only workbook, which keeps
rows on disk. Every text cell that a spreadsheet would read as a formula is neutralised
first.
"""

import csv
import io
import tempfile

from flask_babel import gettext as _
from openpyxl import Workbook

from ..spreadsheets import neutralise
from ..suppression import ALL, SMALL
from .results import question_results

# Aggregated figures ---------------------------------------------------------------------------

AGGREGATE_HEADER = [
    "question",
    "question_text",
    "row",
    "answer",
    "answer_label",
    "group",
    "count",
    "share_percent",
    "answered",
]


def aggregate_rows(round_, language, grouping=None):
    """The header, then one row per question, matrix row, answer and group (``ALL`` first
    named "all"): the counts exactly as the results pages show them."""
    yield AGGREGATE_HEADER
    results, figures = question_results(round_, language, grouping=grouping)
    columns = [ALL] if grouping is None else [ALL, *grouping.columns]

    def group_name(column):
        return _("all") if column is ALL else grouping.labels[column]

    for result in results:
        parts = [("", "", result.choices + result.declined, result.bases_by_group)]
        parts += [
            (row.code, row.label, row.choices + row.declined, row.bases_by_group)
            for row in result.rows
        ]
        if not any(choices for _code, _label, choices, _bases in parts):
            # Numbers and texts: how many answered.
            for column in columns:
                answered = result.bases_by_group[column].answered
                yield [
                    result.question.code,
                    result.text,
                    "",
                    "",
                    "",
                    group_name(column),
                    _shown(answered),
                    "",
                    _shown(answered),
                ]
            continue
        for row_code, _row_label, choices, bases in parts:
            for choice in choices:
                for column in columns:
                    figure = choice.by_group[column]
                    share = round(figure.percent, 1) if figure.percent is not None else ""
                    yield [
                        result.question.code,
                        result.text,
                        row_code,
                        choice.code,
                        choice.label,
                        group_name(column),
                        _shown(figure),
                        share,
                        _shown(bases[column].answered),
                    ]


def _shown(figure):
    """A count as the pages show it: the number, or the words that stand for it."""
    if figure.shown:
        return figure.value
    if figure.hidden_because == SMALL:
        return _("fewer than %(k)d", k=figure.threshold)
    return _("hidden")


# Formats ------------------------------------------------------------------------------------


def csv_lines(rows):
    """Stream rows as CSV text, one line at a time, formula-neutralised."""
    buffer = io.StringIO()
    # Every field quoted: a spreadsheet that splits on ";" (as in much of Europe) cannot
    # cut a field in two and read its second half as a formula.
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_file(rows):
    """A temporary file holding ``rows`` as CSV (UTF-8), written line by line; the caller
    streams it and closes it (which deletes it). Written before the response starts, so the
    database is read while the request is still open."""
    output = tempfile.TemporaryFile()
    for line in csv_lines(rows):
        output.write(line.encode("utf-8"))
    output.seek(0)
    return output


def xlsx_file(sheets):
    """A temporary file holding an XLSX workbook of ``sheets`` [(title, rows)], written row
    by row; the caller streams it and closes it (which deletes it)."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([neutralise(value) for value in row])
    output = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(output)
    output.seek(0)
    return output


def export_file(rows, codebook, format_, title, codebook_title):
    """The temporary file of an export: CSV (one table: the codebook goes apart), or an
    XLSX workbook of ``rows`` and, if given, its codebook."""
    if format_ == "csv":
        return csv_file(rows)
    return xlsx_file([(title, rows)] + ([(codebook_title, codebook)] if codebook else []))


def file_chunks(handle, size=64 * 1024):
    """Stream an open file and close it at the end."""
    with handle:
        while chunk := handle.read(size):
            yield chunk
