"""Protected microdata, read back as the admin who downloads it and the reviewer who may not:
k-anonymity checked with pycanon on the CSV and the XLSX, nothing that points at a response,
written answers only from groups of at least k and scrubbed, a purpose in the audit log, the
same rows from the command line."""

import csv
import io
import json
from collections import Counter
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from pycanon.anonymity import k_anonymity
from sqlalchemy import select

from consult.audit import AuditEvent
from consult.demo.operations import add_synthetic_responses
from consult.design.definition import DefinitionError, from_definition, to_definition
from consult.design.models import Question, Round
from consult.extensions import db
from consult.respond.models import Answer, Response
from consult.review.releases import release_if_due

from .conftest import csrf_token

#: The place, language and time columns a file may keep, all quasi-identifiers.
STRUCTURAL = ("network", "network_region", "language", "week", "month")
PHONE = "+44 20 7946 0958"
SMALL_GROUP_TEXT = "a text in a language few wrote in"


def exports(app):
    with app.app_context():
        return db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "responses.export")
        ).all()


@pytest.fixture
def demo_responses(app, demo_round):
    """The demo round with 300 responses; its "where do you live" question is identifying.
    One written answer holds a phone number, and three are the only ones in Persian."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        region = next(q for q in round_.questions if q.code == "region")
        region.identifying = True
        db.session.commit()
        add_synthetic_responses(round_, 300)
        texts = db.session.scalars(
            select(Answer)
            .join(Question, Question.id == Answer.question_id)
            .where(Question.code == "one_change", Answer.language == "en")
            .order_by(Answer.response_id)
        ).all()
        texts[0].text = f"Call the outreach worker on {PHONE} for clean needles"
        for answer in texts[1:4]:
            answer.text, answer.language = SMALL_GROUP_TEXT, "fa"
        db.session.commit()
    return demo_round


def read_csv_file(text):
    """(note row, header, rows as lists of strings)."""
    note, header, *rows = list(csv.reader(io.StringIO(text)))
    return note, header, rows


def read_xlsx_file(data):
    workbook = load_workbook(io.BytesIO(data))
    sheets = [ws.title for ws in workbook.worksheets]
    note, header, *rows = [
        ["" if value is None else str(value) for value in row]
        for row in workbook.worksheets[0].iter_rows(values_only=True)
    ]
    codebook = list(workbook.worksheets[1].iter_rows(values_only=True))
    workbook.close()
    return sheets, note, [h for h in header if h], rows, codebook


def quasi_identifiers(header, round_codes):
    """What the test takes as quasi-identifiers, from the header alone: the place, language
    and time columns present, and the identifying question's column."""
    return [c for c in header if c in STRUCTURAL] + [c for c in header if c in round_codes]


def ask_for_microdata(client, slug, format_, purpose="A funder's question on regions"):
    token = csrf_token(client.get(f"/staff/rounds/{slug}/microdata").text)
    return client.post(
        f"/staff/rounds/{slug}/responses.{format_}",
        data={"csrf_token": token, "purpose": purpose, "language": "en"},
    )


def test_a_reviewer_gets_no_row_level_responses(app, client, auth, demo_responses):
    auth.login("reviewer")
    results = client.get(f"/staff/rounds/{demo_responses}/results").text
    token = csrf_token(results)
    assert "responses.csv" not in results and "responses.xlsx" not in results
    assert "/microdata" not in results
    for format_ in ("csv", "xlsx"):
        refused = client.post(
            f"/staff/rounds/{demo_responses}/responses.{format_}",
            data={"csrf_token": token, "purpose": "curious", "language": "en"},
        )
        assert refused.status_code == 403
    assert client.get(f"/staff/rounds/{demo_responses}/microdata").status_code == 403
    assert exports(app) == []


def test_an_admin_must_say_why(app, client, auth, demo_round):
    auth.login("admin")
    results = client.get(f"/staff/rounds/{demo_round}/results").text
    assert f'href="/staff/rounds/{demo_round}/microdata"' in results
    page = client.get(f"/staff/rounds/{demo_round}/microdata").text
    token = csrf_token(page)
    for purpose in ("", "   ", "x" * 301):
        answer = client.post(
            f"/staff/rounds/{demo_round}/responses.csv",
            data={"csrf_token": token, "purpose": purpose},
            headers={"Accept-Language": "fr"},
        )
        assert answer.status_code == 400
        assert answer.mimetype == "text/html"
        assert "Content-Disposition" not in answer.headers
        assert 'name="purpose"' in answer.text and 'aria-invalid="true"' in answer.text
        # WTForms' own message, in the admin's language.
        assert "Ce champ est requis." in answer.text or "300 caractères" in answer.text
    assert exports(app) == []


def test_most_rows_are_unique_before_protection(app, demo_responses):
    """What the protection is for: on network, language, week and where the member lives,
    most of the 300 responses are alone."""
    with app.app_context():
        region = db.session.scalar(select(Question).where(Question.code == "region"))
        lives = dict(
            db.session.execute(
                select(Answer.response_id, Answer.choice_id).where(Answer.question_id == region.id)
            ).all()
        )
        combinations = Counter(
            (r.network_id, r.language, date.isocalendar(r.submitted_on).week, lives.get(r.id))
            for r in db.session.scalars(select(Response))
        )
    unique = sum(1 for count in combinations.values() if count == 1)
    assert unique > 200


def test_protected_microdata_is_k_anonymous_in_both_formats(app, client, auth, demo_responses):
    auth.login("admin")
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_responses))
        k = round_.min_cell_size
        codes = {q.code for q in round_.questions if q.identifying}
        responses = db.session.execute(select(Response.id, Response.record_key)).all()
        answer_keys = set(db.session.scalars(select(Answer.record_key)))
    assert codes == {"region"}
    from_csv = ask_for_microdata(client, demo_responses, "csv")
    assert from_csv.status_code == 200
    assert "attachment" in from_csv.headers["Content-Disposition"]
    note, header, rows = read_csv_file(from_csv.get_data(as_text=True))
    from_xlsx = ask_for_microdata(client, demo_responses, "xlsx", purpose="Board report")
    assert from_xlsx.status_code == 200
    sheets, xlsx_note, xlsx_header, xlsx_rows, codebook = read_xlsx_file(from_xlsx.get_data())
    assert sheets == ["Responses", "Codebook"]
    assert xlsx_note == note + [""] * (len(xlsx_note) - len(note))
    assert xlsx_header == header
    assert [row[: len(header)] for row in xlsx_rows] == rows

    # Nearly every response kept, and the file says how many were not.
    assert len(rows) >= 0.9 * len(responses)
    left_out = len(responses) - len(rows)
    assert f"{left_out} response" in " ".join(note)

    qis = quasi_identifiers(header, codes)
    assert "language" in qis and "region" in qis
    for table in (rows, [row[: len(header)] for row in xlsx_rows]):
        frame = pd.DataFrame(table, columns=header, dtype=str)
        assert k_anonymity(frame, qis) >= k

    # Nothing that points at a response: no id, no record key, rows in the order of values.
    assert not {"id", "response_id", "uuid", "record_key"} & {h.lower() for h in header}
    secrets = {str(response_id) for response_id, _key in responses}
    secrets |= {response_id.hex for response_id, _key in responses}
    secrets |= {str(key) for _id, key in responses} | {str(key) for key in answer_keys}
    cells = {value for row in rows for value in row} | {v for row in xlsx_rows for v in row}
    assert not cells & secrets
    assert rows == sorted(rows)

    # Written answers: only groups of at least k in one language, scrubbed.
    text = from_csv.get_data(as_text=True)
    assert "7946" not in text and "[removed]" in text
    assert SMALL_GROUP_TEXT not in text
    language = header.index("language")
    for column in ("one_change", "health_care_what_happened", "campaign_idea"):
        index = header.index(column)
        shown = Counter(row[language] for row in rows if row[index])
        assert shown and all(count >= k for count in shown.values()), column

    # The codebook explains the empty marker of the quasi-identifiers.
    assert any(row[0] == "language" and "withheld" in (row[4] or "") for row in codebook)

    events = exports(app)
    assert [(e.detail["format"], e.detail["purpose"], e.detail["rows"]) for e in events] == [
        ("csv", "A funder's question on regions", len(rows)),
        ("xlsx", "Board report", len(rows)),
    ]
    assert all(e.user_id is not None for e in events)


def test_the_command_line_writes_the_same_rows(app, client, auth, runner, tmp_path, demo_responses):
    auth.login("admin")
    web = read_csv_file(ask_for_microdata(client, demo_responses, "csv").get_data(as_text=True))
    output = tmp_path / "microdata.csv"
    refused = runner.invoke(args=["responses", "export", demo_responses, "-o", str(output)])
    assert refused.exit_code != 0 and "--purpose" in refused.output
    result = runner.invoke(
        args=[
            "responses",
            "export",
            demo_responses,
            "--purpose",
            "Annual report to the board",
            "-o",
            str(output),
        ]
    )
    assert result.exit_code == 0, result.output
    assert read_csv_file(output.read_text(encoding="utf-8")) == web
    event = exports(app)[-1]
    assert event.detail == {
        "format": "csv",
        "purpose": "Annual report to the board",
        "rows": len(web[2]),
        "by": "command line",
    }


def test_responses_that_cannot_be_protected_are_left_out(app, client, auth, demo_round):
    """Seven responses, released, then k raised to 10: no combination can hold ten, so none
    is written. (Microdata, like every figure, holds released responses only.)"""
    with app.app_context():
        round_ = db.session.scalar(select(Round))
        add_synthetic_responses(round_, 7)
        assert release_if_due(round_).responses == 7
        round_.min_cell_size = 10
        db.session.commit()
    auth.login("admin")
    note, header, rows = read_csv_file(
        ask_for_microdata(client, demo_round, "csv").get_data(as_text=True)
    )
    assert rows == [] and "language" in header
    assert "7 responses left out." in note
    assert exports(app)[0].detail["rows"] == 0


def test_identifying_questions_travel_in_the_round_definition(app, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round))
        next(q for q in round_.questions if q.code == "region").identifying = True
        definition = to_definition(round_)
        questions = [q for s in definition["sections"] for q in s["questions"]]
        assert [q["code"] for q in questions if q.get("identifying")] == ["region"]
        # Written only when true.
        assert sum("identifying" in q for q in questions) == 1
        copy = from_definition(json.loads(json.dumps(definition)), slug="a-copy")
        assert [q.code for q in copy.questions if q.identifying] == ["region"]
        questions[0]["identifying"] = "yes"
        with pytest.raises(DefinitionError) as error:
            from_definition(definition, slug="another-copy")
        assert "“identifying”" in str(error.value)
        db.session.rollback()


def test_the_builder_offers_the_identifying_box(app, client, auth, demo_round):
    auth.login("designer")
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.code == "region"))
        url = f"/staff/rounds/{demo_round}/questions/{question.id}"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="identifying"' in page.text
