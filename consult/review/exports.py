"""Exports: the aggregated figures (suppression applied, as on the pages) and the anonymised
responses (one row per response, for admins and reviewers), as CSV or XLSX.

Both stream: CSV line by line, XLSX through openpyxl's write-only workbook, which keeps
rows on disk, so 100,000 responses export in bounded memory. Every text cell that a
spreadsheet would read as a formula is neutralised first.
"""

import csv
import io
import tempfile
from datetime import date

from flask_babel import gettext as _
from openpyxl import Workbook
from sqlalchemy import select

from ..design.models import NUMBER_KINDS, TEXT_KINDS
from ..extensions import db
from ..i18n import pick
from ..networks.models import Network
from ..respond.models import Answer, Response
from ..suppression import ALL, SMALL
from .results import question_results

#: What a spreadsheet takes for the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Rows fetched at a time while streaming responses.
BATCH = 2000


def neutralise(value):
    """A text cell that cannot run as a formula: a leading apostrophe, which spreadsheets
    show as text. Numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


# Responses -------------------------------------------------------------------------------------


def response_columns(round_):
    """[(column name, question, how to read the column from a response's answers)]: one
    column per question, per choice of a multiple choice or a ranking, per matrix row, and
    one for the text of "other"."""
    columns = []
    for question in round_.questions:
        code = question.code
        if question.kind == "info":
            continue
        if question.kind in ("multiple_choice", "ranking"):
            for choice in question.choices:
                columns.append((f"{code}.{choice.code}", question, ("choice", choice.id)))
        elif question.kind == "matrix":
            for row in question.rows:
                columns.append((f"{code}.{row.code}", question, ("row", row.id)))
        else:
            columns.append((code, question, ("value", None)))
        if any(c.role == "other" for c in question.choices):
            columns.append((f"{code}.other_text", question, ("other", None)))
    return columns


def response_rows(round_):
    """The header, then one row per response, in the order of their random ids (which says
    nothing about when they arrived). A response's week, not its day, limits what it could
    be matched against."""
    # Plain values, read once: attribute access on ORM objects, 100,000 times a column, is
    # most of an export's time.
    columns = [
        (name, question.id, question.kind, how, key)
        for name, question, (how, key) in response_columns(round_)
    ]
    choice_codes = {c.id: c.code for q in round_.questions for c in q.choices}
    networks = dict(db.session.execute(select(Network.id, Network.code)).all())
    yield ["network", "language", "week", *(column[0] for column in columns)]
    query = (
        select(
            Response.id,
            Response.network_id,
            Response.language,
            Response.submitted_on,
            Answer.question_id,
            Answer.choice_id,
            Answer.row_id,
            Answer.rank,
            Answer.number,
            Answer.text,
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        .where(Response.round_id == round_.id)
        .order_by(Response.id, Answer.question_id, Answer.item)
        .execution_options(yield_per=BATCH)
    )
    current, answers = None, []
    for row in db.session.execute(query):
        if current is not None and row.id != current.id:
            yield _response_row(current, answers, columns, choice_codes, networks)
            answers = []
        current = row
        if row.question_id is not None:
            answers.append(row)
    if current is not None:
        yield _response_row(current, answers, columns, choice_codes, networks)


def _response_row(response, answers, columns, choice_codes, networks):
    by_question = {}
    for answer in answers:
        by_question.setdefault(answer.question_id, []).append(answer)
    week = date.isocalendar(response.submitted_on)
    row = [
        networks.get(response.network_id, ""),
        response.language,
        f"{week.year}-W{week.week:02d}",
    ]
    for _name, question_id, kind, how, key in columns:
        given = by_question.get(question_id, [])
        row.append(neutralise(_cell(kind, given, how, key, choice_codes)))
    return row


def _cell(kind, given, how, key, choice_codes):
    if how == "choice":
        chosen = next((a for a in given if a.choice_id == key), None)
        if kind == "ranking":
            return chosen.rank if chosen else ""
        return 1 if chosen else (0 if given else "")
    if how == "row":
        rated = next((a for a in given if a.row_id == key), None)
        return choice_codes.get(rated.choice_id, "") if rated else ""
    if how == "other":
        return next((a.text for a in given if a.text and a.choice_id), "") or ""
    if not given:
        return ""
    if kind in NUMBER_KINDS:
        number = given[0].number
        return int(number) if number is not None and number.is_integer() else number
    if kind in TEXT_KINDS:
        return given[0].text
    return choice_codes.get(given[0].choice_id, "")


def codebook_rows(round_, language):
    """The second sheet: what each column and code means, in ``language``."""
    fallback = round_.source_language
    yield ["column", "question_text", "kind", "code", "label"]
    for name, question, (how, key) in response_columns(round_):
        text = pick(question.text, language, fallback)
        if how == "value" and question.choices:
            for choice in question.choices:
                label = pick(choice.label, language, fallback)
                yield [name, text, question.kind, choice.code, label]
        elif how == "row":
            row = next(c for c in question.choices if c.id == key)
            for choice in question.options:
                label = pick(choice.label, language, fallback)
                yield [
                    name,
                    f"{text}: {pick(row.label, language, fallback)}",
                    question.kind,
                    choice.code,
                    label,
                ]
        elif how == "choice":
            choice = next(c for c in question.choices if c.id == key)
            meaning = (
                _("rank given, empty if not ranked")
                if question.kind == "ranking"
                else _("1 chosen, 0 not chosen, empty if not answered")
            )
            yield [
                name,
                text,
                question.kind,
                "",
                f"{pick(choice.label, language, fallback)}: {meaning}",
            ]
        else:
            yield [name, text, question.kind, "", ""]


# Formats ------------------------------------------------------------------------------------


def csv_lines(rows):
    """Stream rows as CSV text, one line at a time, formula-neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
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


def file_chunks(handle, size=64 * 1024):
    """Stream an open file and close it at the end."""
    with handle:
        while chunk := handle.read(size):
            yield chunk
