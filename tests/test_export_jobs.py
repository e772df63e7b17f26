"""Large exports of protected microdata are built by the worker: the admin's
request queues it, the page shows the file when it is ready, the file is the one a request
would have streamed, only that admin can download it, and it is deleted after a day."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from werkzeug.http import parse_options_header

from consult.audit import AuditEvent
from consult.demo.operations import add_synthetic_responses
from consult.design.models import Round
from consult.extensions import db
from consult.review.models import ExportJob

from .conftest import csrf_token


@pytest.fixture
def answered_round(app, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        add_synthetic_responses(round_, 300, released=True)
    return demo_round


def export(client, slug, format_="xlsx"):
    token = csrf_token(client.get(f"/staff/rounds/{slug}/microdata").text)
    return client.post(
        f"/staff/rounds/{slug}/responses.{format_}",
        data={"csrf_token": token, "purpose": "Planning the campaign", "language": "en"},
    )


def sheets(content):
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    rows = {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
    workbook.close()
    return rows


def test_a_large_export_is_built_by_the_worker_and_downloaded_when_ready(
    app, client, auth, answered_round
):
    auth.login("admin")
    direct = export(client, answered_round)  # 300 responses: built in the request
    assert direct.status_code == 200 and direct.mimetype.endswith("spreadsheetml.sheet")
    app.config["EXPORT_JOB_FROM"] = 300
    queued = export(client, answered_round)
    assert queued.status_code == 302
    page_url = queued.headers["Location"]
    assert "/exports/" in page_url
    page = client.get(page_url).text
    assert "Ready: 300 responses kept." in page  # tests run jobs at once (QUEUE_IMMEDIATE)
    assert "kept for you alone, for 24 hours" in page
    download = client.get(f"{page_url}/file")
    assert download.status_code == 200
    assert parse_options_header(download.headers["Content-Disposition"]) == (
        "attachment",
        {"filename": f"{answered_round}-responses.xlsx"},
    )
    # The same file as the request's: the same sheets, the same rows.
    assert sheets(download.data) == sheets(direct.data)
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "responses.export")
        ).all()
        assert events[-1].detail["purpose"] == "Planning the campaign"
        assert events[-1].detail["job"] == int(page_url.rsplit("/", 1)[1])


def log_in(client, email):
    token = csrf_token(client.get("/staff/login").text)
    client.post(
        "/staff/login",
        data={"email": email, "password": "a long enough password", "csrf_token": token},
    )


def test_only_the_admin_who_asked_gets_the_file_and_only_for_a_day(
    app, client, auth, make_user, answered_round
):
    app.config["EXPORT_JOB_FROM"] = 1
    asked = auth.login("admin")
    page_url = export(client, answered_round, "csv").headers["Location"]
    assert client.get(f"{page_url}/file").status_code == 200
    auth.logout()
    log_in(client, make_user("admin"))  # another admin
    assert client.get(page_url).status_code == 404
    assert client.get(f"{page_url}/file").status_code == 404
    auth.logout()
    log_in(client, asked)
    with app.app_context():
        job = db.session.scalars(select(ExportJob)).one()
        job.finished_at = job.finished_at - timedelta(hours=25)
        db.session.commit()
    # The daily command deletes it even if nobody opens an export page again.
    result = app.test_cli_runner().invoke(args=["responses", "purge-exports"])
    assert result.output == "1 export file(s) deleted\n"
    assert "This file has been deleted." in client.get(page_url).text
    assert client.get(f"{page_url}/file").status_code == 404
    with app.app_context():
        assert db.session.scalars(select(ExportJob)).one().content is None
