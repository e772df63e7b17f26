"""Anonymity by construction: what a request carries about the member is kept nowhere."""

import logging
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from werkzeug.serving import make_server

from consult import create_app
from consult.extensions import db
from consult.privacy import HideClientDetails
from consult.respond.models import Response

from .conftest import make_test_config
from .journey import answer_demo_round

DISTINCTIVE_ADDRESS = "203.0.113.77"
DISTINCTIVE_BROWSER = "Mozilla/5.0 (consult-anonymity-probe 4242)"


def test_response_table_has_no_column_for_a_person_device_or_time(app):
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("response")}
    # furthest_page is the position of the last page answered (0 to the number of pages):
    # it says how far the questionnaire went, nothing about who, where from or when.
    # record_key is a random number for the noise on figures (consult/cellkey.py), and
    # release_number the release of figures that first counted the response: releases are
    # cut at day boundaries, so it says no more than submitted_on.
    assert columns == {
        "id",
        "round_id",
        "network_id",
        "language",
        "submitted_on",
        "furthest_page",
        "record_key",
        "release_number",
    }


def test_nothing_about_the_members_request_is_stored(app, client, demo_round):
    headers = {
        "User-Agent": DISTINCTIVE_BROWSER,
        "X-Forwarded-For": DISTINCTIVE_ADDRESS,
        "Referer": "https://referrer.example/secret-page",
    }
    client.environ_base.update(
        {
            "REMOTE_ADDR": DISTINCTIVE_ADDRESS,
            **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
        }
    )
    answer_demo_round(app, client)
    with app.app_context():
        assert db.session.scalar(select(Response.id)) is not None
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table)).all()
            dump = repr(rows)
            for needle in (DISTINCTIVE_ADDRESS, "anonymity-probe", "referrer.example"):
                assert needle not in dump, (table.name, needle)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_sqlite_stores_responses_without_an_arrival_counter(app):
    with app.app_context():
        sql = (
            db.session.execute(
                text("SELECT sql FROM sqlite_master WHERE name IN ('response', 'answer', 'draft')")
            )
            .scalars()
            .all()
        )
    assert len(sql) == 3 and all("WITHOUT ROWID" in s for s in sql)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_server_log_has_no_address_and_no_time(app, demo_round, caplog):
    """A real werkzeug server, as `make run` starts it: its request lines lose the client
    address and the exact time."""
    import urllib.request

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            url = f"http://127.0.0.1:{server.server_port}/c/priorities-2027/"
            request = urllib.request.Request(url, headers={"User-Agent": DISTINCTIVE_BROWSER})
            with urllib.request.urlopen(request) as response:
                assert response.status == 200
    finally:
        server.shutdown()
        thread.join()
    lines = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert any("GET /c/priorities-2027/" in line for line in lines)
    for line in lines:
        assert "127.0.0.1" not in line
        assert "anonymity-probe" not in line
        assert "[" not in line  # werkzeug's "[26/Nov/2026 10:01:02]"


def test_the_filter_drops_address_and_time():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '10.1.2.3 - - [26/Nov/2026 10:01:02] "%s" %s %s',
        ("GET / HTTP/1.1", "200", "-"),
        None,
    )
    HideClientDetails().filter(record)
    assert record.getMessage() == '"GET / HTTP/1.1" 200 -'


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_whole_journey_leaves_no_trace_of_the_member_in_tables_or_logs(app, demo_round, caplog):
    """Through a real server behind a (trusted) proxy, with a distinctive address in both
    X-Forwarded-For and the socket's place, and a distinctive browser: every log record and
    every row is searched for them."""
    import urllib.request
    from http.cookiejar import CookieJar

    from .conftest import csrf_token
    from .journey import demo_pages

    app.config["RATELIMIT_ENABLED"] = True
    app.config["PROXY_FIX_X_FOR"] = 1
    from werkzeug.middleware.proxy_fix import ProxyFix

    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)
    pages = demo_pages(app)
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/c/priorities-2027"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    headers = {
        "User-Agent": DISTINCTIVE_BROWSER,
        "X-Forwarded-For": DISTINCTIVE_ADDRESS,
        "Referer": "https://referrer.example/secret-page",
    }

    def fetch(path, data=None):
        from urllib.parse import urlencode

        body = urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(base + path, data=body, headers=headers)
        with opener.open(request) as response:
            return response.read().decode()

    try:
        with caplog.at_level(logging.DEBUG):
            token = csrf_token(fetch("/"))
            fetch("/start", {"csrf_token": token})
            for number, data in enumerate(pages, 1):
                fetch(f"/{number}", {**data, "move": "next", "csrf_token": token})
            fetch("/review", {"csrf_token": token})
    finally:
        server.shutdown()
        thread.join()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "POST /c/priorities-2027/review" in logged
    for needle in (DISTINCTIVE_ADDRESS, "anonymity-probe", "referrer.example", "127.0.0.1 -"):
        assert needle not in logged
    with app.app_context():
        assert db.session.scalar(select(Response.id)) is not None
        dump = repr([db.session.execute(select(t)).all() for t in db.metadata.sorted_tables])
    for needle in (DISTINCTIVE_ADDRESS, "anonymity-probe", "referrer.example"):
        assert needle not in dump


def test_the_sqlite_file_is_its_owners_alone_and_deleted_rows_are_overwritten(tmp_path):
    """The database holds every answer: nobody but its owner reads the file (or its WAL),
    and a deleted row (a submitted draft and its token) leaves no copy in free pages."""
    path = tmp_path / "consult.sqlite"
    path.touch()
    path.chmod(0o644)  # as a umask of 022 would make it
    app = create_app(make_test_config(f"sqlite:///{path}", {}))
    with app.app_context():
        db.create_all()
        assert db.session.execute(text("PRAGMA secure_delete")).scalar() == 1
        for name in (path.name, path.name + "-wal"):
            if (tmp_path / name).exists():
                assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
        db.engine.dispose()


def test_the_secret_key_file_is_written_for_its_owner_alone(tmp_path):
    """`make run` writes instance/config.py, which holds SECRET_KEY, readable by its owner
    alone whatever the umask."""
    root = Path(__file__).resolve().parent.parent
    subprocess.run(  # noqa: S603 (our own Makefile)
        [
            shutil.which("make"),
            "-s",
            "-f",
            str(root / "Makefile"),
            "instance/config.py",
            f"BIN={sys.prefix}/bin",
        ],
        cwd=tmp_path,
        check=True,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    written = tmp_path / "instance" / "config.py"
    assert "SECRET_KEY = " in written.read_text()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
