"""Exports, read back as a user's spreadsheet would read them: the aggregated figures with
suppression (nothing recoverable from them either), protected microdata with its codebook
(its protection: tests/test_microdata.py), formula neutralisation, and who may export what."""

import csv
import io
import itertools
import uuid
from collections import Counter

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from consult.audit import AuditEvent
from consult.extensions import db
from consult.respond.models import Answer
from consult.spreadsheets import neutralise
from consult.suppression import ALL, SMALL, Figure

from .attacker import K, recovered_cells
from .conftest import csrf_token
from .statistics_round import SLUG, create_statistics_round


@pytest.fixture
def statistics_round(app):
    with app.app_context():
        return create_statistics_round()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_xlsx(data_or_path, sheet=0):
    workbook = load_workbook(
        io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    )
    rows = list(workbook.worksheets[sheet].iter_rows(values_only=True))
    names = [ws.title for ws in workbook.worksheets]
    workbook.close()
    header, *body = rows
    return names, [dict(zip(header, row, strict=True)) for row in body]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_run_as_a_formula_is_neutralised(start):
    assert neutralise(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'
    assert neutralise("harm reduction") == "harm reduction"
    assert neutralise(-3) == -3  # numbers stay numbers


def test_aggregates_by_language_match_the_pages_and_hide_small_cells(
    app, runner, tmp_path, statistics_round
):
    output = tmp_path / "results.csv"
    result = runner.invoke(
        args=["results", "export", SLUG, "--by", "language", "--format", "csv", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    rows = read_csv(output)
    assert list(rows[0]) == [
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
    agree = {(r["answer"], r["group"]): r["count"] for r in rows if r["question"] == "agree"}
    # As worked out by hand in tests/test_results.py.
    assert agree[("strongly_disagree", "all")] == "5"
    assert agree[("strongly_disagree", "English")] == "fewer than 5"
    assert agree[("neither", "Français")] == "5"
    assert agree[("agree", "English")] == "6"
    pick = {
        (r["answer"], r["group"]): (r["count"], r["share_percent"])
        for r in rows
        if r["question"] == "pick"
    }
    assert pick[("c", "all")] == ("6", "15.0")
    # No count from 1 to 4 anywhere in the file.
    assert not any(r["count"].isdigit() and 0 < int(r["count"]) < K for r in rows)


def test_no_hidden_count_can_be_recovered_from_an_export(app, runner, tmp_path, statistics_round):
    """The attacker reads the exported breakdown of every one-value question by language and
    by network, and the whole-round figures, and solves for each hidden count."""
    for by in ("language", "network"):
        output = tmp_path / f"results-{by}.csv"
        runner.invoke(args=["results", "export", SLUG, "--by", by, "-o", str(output)])
        rows = read_csv(output)
        for question in ("gender", "agree", "rank", "police"):
            table = [r for r in rows if r["question"] == question]
            answers = list(dict.fromkeys(r["answer"] for r in table))
            groups = [g for g in dict.fromkeys(r["group"] for r in table) if g != "all"]
            # The exported answers do not include "skipped" and "not asked": the attacker
            # does not know them, so they are one more unknown row.
            leaves_axes = [answers + ["(rest)"], groups]
            figures = {}
            for r in table:
                cell = (r["answer"], ALL if r["group"] == "all" else r["group"])
                shown = r["count"].isdigit()
                figures[cell] = Figure(
                    int(r["count"]) if shown else None, K, None if shown else SMALL
                )
            truth = true_counts(app, question, by)
            # Worse than real life: the attacker knows every group's exact size too.
            known = {
                (ALL, group): sum(c for (_a, g), c in truth.items() if g == group)
                for group in groups
            }
            known[(ALL, ALL)] = sum(truth.values())
            leaves = list(itertools.product(*leaves_axes))
            assert recovered_cells(truth, leaves, [figures], known=known) == [], (by, question)


def true_counts(app, question_code, by):
    """{(answer code, group label): count} straight from the database, for the attack."""
    from consult.design.models import Question
    from consult.networks.models import Network
    from consult.respond.models import Response

    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.code == question_code))
        codes = {c.id: c.code for c in question.choices}
        networks = dict(db.session.execute(select(Network.id, Network.code)).all())
        counts = {}
        for response in db.session.scalars(select(Response)):
            answers = [a for a in response.answers if a.question_id == question.id]
            first = next((a for a in answers if a.rank in (None, 1)), None)
            answer = codes[first.choice_id] if first else "(rest)"
            if by == "language":
                group = {"en": "English", "fr": "Français"}[response.language]
            else:
                group = networks.get(response.network_id, "No network (public link)")
            counts[(answer, group)] = counts.get((answer, group), 0) + 1
        return counts


def test_aggregates_as_xlsx_hold_the_same_rows(app, runner, tmp_path, statistics_round):
    runner.invoke(
        args=["results", "export", SLUG, "--by", "network", "-o", str(tmp_path / "a.csv")]
    )
    runner.invoke(
        args=[
            "results",
            "export",
            SLUG,
            "--by",
            "network",
            "--format",
            "xlsx",
            "-o",
            str(tmp_path / "a.xlsx"),
        ]
    )
    from_csv = read_csv(tmp_path / "a.csv")
    _names, from_xlsx = read_xlsx(str(tmp_path / "a.xlsx"))
    assert len(from_csv) == len(from_xlsx) > 100

    def same(value):
        """A spreadsheet keeps 100.0 as the number 100; compare numbers as numbers."""
        text = "" if value is None else str(value)
        try:
            return float(text)
        except ValueError:
            return text

    for a, b in zip(from_csv, from_xlsx, strict=True):
        assert {k: same(v) for k, v in b.items()} == {k: same(v) for k, v in a.items()}


def test_protected_responses_from_the_command_line_with_a_codebook(
    app, runner, tmp_path, statistics_round
):
    """Protected microdata of the 40 responses (tests/test_microdata.py checks the
    protection on a larger round): weeks become months, and the five responses that came
    through no network, two in English and three in French, lose their month and language."""
    output, codebook = tmp_path / "responses.csv", tmp_path / "codebook.csv"
    result = runner.invoke(
        args=[
            "responses",
            "export",
            SLUG,
            "-o",
            str(output),
            "--codebook",
            str(codebook),
            "--language",
            "fr",
            "--purpose",
            "Checking the export",
        ]
    )
    assert result.exit_code == 0, result.output
    note, *lines = output.read_text(encoding="utf-8").splitlines()
    assert next(csv.reader([note])) == [
        "Protected microdata: every combination of network, network_region, language, month "
        "holds at least 5 responses.",
        "10 values withheld (left empty).",
        "0 responses left out.",
        "2 written answers withheld.",
    ]
    rows = list(csv.DictReader(lines))
    assert len(rows) == 40
    assert list(rows[0])[:4] == ["network", "network_region", "language", "month"]
    assert not {"week", "id", "record_key"} & set(rows[0])
    places = Counter((r["network"], r["language"], r["month"]) for r in rows)
    assert places == {
        ("EuroNPUD", "en", "2026-11"): 10,
        ("EuroNPUD", "fr", "2026-11"): 10,
        ("NAPUD", "en", "2026-11"): 8,
        ("NAPUD", "fr", "2026-11"): 7,
        ("", "", ""): 5,
    }
    # Texts: "why" in groups of six per language, kept; the two "other" texts, withheld.
    assert sorted(r["why"] for r in rows if r["why"]) == sorted(f"answer {i}" for i in range(12))
    assert {r["gender.other_text"] for r in rows} == {""}
    # Sorted by values: the withheld first, then EuroNPUD's, each with its region.
    assert [r["network"] for r in rows[:6]] == ["", "", "", "", "", "EuroNPUD"]
    assert {(r["network"], r["network_region"]) for r in rows} == {
        ("", ""),
        ("EuroNPUD", "europe"),
        ("NAPUD", "asia"),
    }
    labels = {(r["column"], r["code"]): r["label"] for r in read_csv(codebook)}
    assert labels[("gender", "woman")] == "woman"  # the French label of the fixed round
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "responses.export"))
        assert event.detail == {
            "format": "csv",
            "purpose": "Checking the export",
            "rows": 40,
            "by": "command line",
        }


def test_a_formula_in_an_answer_is_neutralised_in_both_formats(app, client, auth, statistics_round):
    with app.app_context():
        answer = db.session.scalar(
            select(Answer).where(Answer.response_id == uuid.UUID(int=1), Answer.text.is_not(None))
        )
        answer.text = '=HYPERLINK("http://evil.example","click")'
        db.session.commit()
    auth.login("admin")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/microdata").text)
    form = {"csrf_token": token, "purpose": "Checking formulas"}
    page = client.post(f"/staff/rounds/{SLUG}/responses.csv", data=form)
    assert page.status_code == 200
    _note, *lines = page.get_data(as_text=True).splitlines()
    rows = list(csv.DictReader(lines))
    # Scrubbed (the address goes) and neutralised (a leading apostrophe).
    assert '\'=HYPERLINK("[removed]","click")' in [r["why"] for r in rows]
    page = client.post(f"/staff/rounds/{SLUG}/responses.xlsx", data={**form, "language": "en"})
    assert page.status_code == 200
    workbook = load_workbook(io.BytesIO(page.get_data()))
    names = [ws.title for ws in workbook.worksheets]
    _note, header, *body = workbook.worksheets[0].iter_rows(values_only=True)
    workbook.close()
    assert names == ["Responses", "Codebook"]
    why = header.index("why")
    assert any((row[why] or "").startswith("'=") for row in body)
    _names, codebook = read_xlsx(page.get_data(), sheet=1)
    assert {
        "column": "gender",
        "question_text": "Question gender",
        "kind": "single_choice",
        "code": "woman",
        "label": "Woman",
    } in codebook
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "responses.export")
        ).all()
        assert [e.detail["format"] for e in events] == ["csv", "xlsx"]
        assert all(e.user_id is not None for e in events)


def test_protected_responses_need_an_admin_and_a_form(app, client, auth, statistics_round):
    for role in ("designer", "reviewer"):
        auth.login(role)
        token = csrf_token(client.get("/staff/").text)
        page = client.post(
            f"/staff/rounds/{SLUG}/responses.csv", data={"csrf_token": token, "purpose": "x"}
        )
        assert page.status_code == 403, role
        auth.logout()
    auth.login("admin")
    # Without the CSRF token of the page's form: refused, and nothing logged.
    page = client.post(f"/staff/rounds/{SLUG}/responses.csv", data={"purpose": "x"})
    assert page.status_code == 400
    with app.app_context():
        assert (
            db.session.scalar(select(AuditEvent).where(AuditEvent.action == "responses.export"))
            is None
        )


def test_the_results_page_offers_the_downloads(app, client, auth, statistics_round):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/results").text
    assert f'href="/staff/rounds/{SLUG}/results.csv"' in page
    assert "responses.xlsx" not in page and "/microdata" not in page
    download = client.get(f"/staff/rounds/{SLUG}/results.xlsx?by=language")
    assert download.status_code == 200
    assert "statistics-round-results-by-language.xlsx" in download.headers["Content-Disposition"]
    auth.logout()
    auth.login("admin")
    page = client.get(f"/staff/rounds/{SLUG}/results").text
    assert f'href="/staff/rounds/{SLUG}/microdata"' in page
    page = client.get(f"/staff/rounds/{SLUG}/microdata").text
    assert f'action="/staff/rounds/{SLUG}/responses.csv"' in page
    assert f'formaction="/staff/rounds/{SLUG}/responses.xlsx"' in page


def test_a_spreadsheet_splitting_on_semicolons_finds_no_formula_in_a_csv_export():
    """Much of Europe's Excel reads CSV split on ";": an unquoted "x;=1+1" becomes the
    cells "x" and "=1+1", a formula. Every field is quoted, so no cell starts a formula."""
    import csv

    from consult.review.exports import csv_lines

    text = "".join(csv_lines([["Stop it;=1+1", 5, "a,b;@SUM(A1)"]]))
    assert text == '"Stop it;\'=1+1","5","a,b;\'@SUM(A1)"\r\n'
    for delimiter in (",", ";"):
        for row in csv.reader(text.splitlines(), delimiter=delimiter):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
