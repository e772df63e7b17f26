"""Tables advocacy leads can use: on the demo round (300 responses), the network breakdown of
every closed question shows a figure in nine cells of ten or more (a number, or "fewer than
5" for a small group: no cell hidden to protect another), and a share in every column whose
base is shown."""

import csv
import io

from openpyxl import load_workbook
from sqlalchemy import select

from consult.design.models import Round
from consult.extensions import db
from consult.respond.models import Response
from consult.review.groupings import grouping_by_key
from consult.review.results import question_results

CLOSED_KINDS = (
    "single_choice",
    "scale",
    "yes_no",
    "multiple_choice",
    "ranking",
    "rating",
    "matrix",
)


def breakdown_cells(round_, key):
    """[(question code, Figure, base Figure of its column)] of the breakdown of every closed
    question by ``key``, as the question pages show it."""
    grouping = grouping_by_key(round_, key, "en")
    closed = [q for q in round_.questions if q.kind in CLOSED_KINDS]
    results, _figures = question_results(round_, "en", closed, grouping=grouping)
    cells = []
    for result in results:
        tables = (
            [(row.choices + row.declined, row.bases_by_group) for row in result.rows]
            if result.rows
            else [(result.choices + result.declined, result.bases_by_group)]
        )
        for rows, bases in tables:
            for row in rows:
                for column in grouping.columns:
                    cells.append((result.question.code, row.by_group[column], bases[column]))
    return cells


def test_the_network_breakdown_of_the_demo_round_is_readable(app, runner):
    result = runner.invoke(args=["seed-demo", "--responses", "300", "--no-code"])
    assert result.exit_code == 0, result.output
    with app.test_request_context():
        round_ = db.session.scalar(select(Round))
        cells = breakdown_cells(round_, "network")
    by_question = {}
    for code, figure, base in cells:
        by_question.setdefault(code, []).append((figure, base))
    for code, figures in by_question.items():
        with_a_figure = [f for f, _base in figures if f.shown or f.hidden_because == "small"]
        assert len(with_a_figure) >= 0.9 * len(figures), code
        # A share wherever the count and its column's base are shown.
        for figure, base in figures:
            if figure.shown and base.answered.shown and base.answered.value:
                assert figure.percent is not None, code
    numbers = sum(1 for _c, f, _b in cells if f.shown)
    hidden = sum(1 for _c, f, _b in cells if not f.shown and f.hidden_because != "small")
    assert hidden == 0
    # More than two cells in three are a number; the rest are small groups, "fewer than 5".
    assert numbers > 0.66 * len(cells)


def test_the_same_figures_in_a_breakdown_a_filter_and_every_export(app, client, auth, runner):
    """Random record keys (as members get): a breakdown's column, the same group as a
    filter, and the CSV and XLSX exports of the breakdown give the same figure for every
    answer, and no file names a record key."""
    result = runner.invoke(args=["seed-demo", "--responses", "300", "--no-code"])
    assert result.exit_code == 0, result.output
    with app.test_request_context():
        round_ = db.session.scalar(select(Round))
        grouping = grouping_by_key(round_, "language", "en")
        closed = [q for q in round_.questions if q.kind in CLOSED_KINDS and q.kind != "matrix"]
        breakdown, _f = question_results(round_, "en", closed, grouping=grouping)
        filtered, _f = question_results(round_, "en", closed, grouping=grouping, column="fr")
        keys = {str(key) for key in db.session.scalars(select(Response.record_key))}

    def shown(figure):
        return str(figure.value) if figure.shown else f"fewer than {figure.threshold}"

    for whole, alone in zip(breakdown, filtered, strict=True):
        for row, same in zip(
            whole.choices + whole.declined, alone.choices + alone.declined, strict=True
        ):
            assert row.by_group["fr"] == same.count, (whole.question.code, row.label)
    auth.login("reviewer")
    csv_text = client.get(f"/staff/rounds/{round_.slug}/results.csv?by=language").get_data(
        as_text=True
    )
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    xlsx = client.get(f"/staff/rounds/{round_.slug}/results.xlsx?by=language").get_data()
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    header, *body = list(sheet.iter_rows(values_only=True))
    xlsx_rows = [dict(zip(header, values, strict=True)) for values in body]
    french = grouping.labels["fr"]
    for whole in breakdown:
        for row in whole.choices + whole.declined:
            expected = shown(row.by_group["fr"])
            in_csv = [
                r["count"]
                for r in rows
                if r["question"] == whole.question.code
                and r["answer"] == row.code
                and r["group"] == french
            ]
            in_xlsx = [
                str(r["count"])
                for r in xlsx_rows
                if r["question"] == whole.question.code
                and r["answer"] == row.code
                and r["group"] == french
            ]
            assert in_csv == in_xlsx == [expected], (whole.question.code, row.code)
    assert not keys & {value for r in rows for value in r.values()}
