"""Fixtures: ``app`` (on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set), ``client``,
``runner``, ``auth``, and factories that return functions."""

import io
import itertools
import os
import re
import uuid

import pytest
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.exc import ProgrammingError
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from consult import create_app
from consult.demo.operations import create_demo_round
from consult.extensions import db
from consult.networks.operations import ensure_member_networks

CSRF_FIELD = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'type="hidden" name="csrf_token" value="([^"]+)"'
)


#: {TEST_DATABASE_URL: the URL of this test process's database}, once made.
_worker_databases = {}


def worker_database(url):
    """TEST_DATABASE_URL itself, or under pytest-xdist a database of the worker's own beside
    it (``test`` gives ``test_gw0``, ``test_gw1``...), created when missing."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    if url in _worker_databases:
        return _worker_databases[url]
    base = make_url(url)
    own = base.set(database=f"{base.database}_{worker}")
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}
            )
            if not exists:
                try:
                    connection.execute(text(f'CREATE DATABASE "{own.database}"'))
                except ProgrammingError as error:  # made meanwhile by another run
                    if "already exists" not in str(error):
                        raise
    finally:
        engine.dispose()
    _worker_databases[url] = own.render_as_string(hide_password=False)
    return _worker_databases[url]


def postgres_url_or_skip():
    """The PostgreSQL URL (of this worker's database under pytest-xdist), after checking the
    server answers. Under CI=true an unreachable server fails the test: it is never skipped
    silently."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but TEST_DATABASE_URL is not set")
        pytest.skip("TEST_DATABASE_URL is not set")
    try:
        url = worker_database(url)
        engine = create_engine(url)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as error:  # noqa: BLE001 - any failure to connect is reported the same way
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at TEST_DATABASE_URL is unreachable: {error}")
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL is unreachable: {error}")
    return url


DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(params=DATABASES)
def database(request, tmp_path):
    """(URI, engine options) of an empty database; on PostgreSQL, a schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'consult.sqlite'}", {}
        return
    url = postgres_url_or_skip()
    schema = f"consult_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    # A commit does not wait for its WAL record to reach the disk (what is visible to whom
    # is unchanged; only a crash of the server could lose the last commits): half the time
    # of making the tables, and of every commit the tests make.
    options = f"-csearch_path={schema} -csynchronous_commit=off"
    yield url, {"connect_args": {"options": options}}
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def make_test_config(uri, engine_options, **overrides):
    return {
        "TESTING": True,
        "ENV": "testing",
        "SECRET_KEY": "a-key-for-tests-only-" + "x" * 20,
        "SQLALCHEMY_DATABASE_URI": uri,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, **engine_options},
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",  # cheap hashing in tests
        "RATELIMIT_ENABLED": False,  # tests/test_ratelimit.py turns the limits on
        # auth.login("admin") logs in with a password alone; tests/test_staff_security.py
        # turns the admins' two-step login back on.
        "STAFF_TWO_FACTOR_REQUIRED_FOR_ADMINS": False,
        # Jobs run at once, in the request that queues them; tests/test_job_queue.py runs
        # them in a real worker, and kills it.
        "QUEUE_IMMEDIATE": True,
        **overrides,
    }


@pytest.fixture(autouse=True)
def instance_folder(tmp_path, monkeypatch):
    """Tests never read or write the developer's instance/ folder, nor take settings from
    the developer's environment."""
    for name in list(os.environ):
        if name.startswith("CONSULT_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    folder = tmp_path / "instance"
    folder.mkdir()
    monkeypatch.setenv("CONSULT_INSTANCE_PATH", str(folder))
    return folder


@pytest.fixture
def app(database):
    """The app on an empty schema with the member networks. No app context stays pushed
    while requests run: each request gets its own, as in production (Flask-Login and
    Flask-Babel cache per context). Tests that read the database use ``app.app_context()``."""
    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        db.create_all()
        ensure_member_networks()
    yield app
    # No drop_all: ``database`` throws the database away (the schema dropped with its tables
    # in one statement; the SQLite file in the test's own tmp_path).
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(html, required=True):
    match = CSRF_FIELD.search(html)
    if match is None and not required:
        return ""
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


def post_file(client, page_url, url, filename, content, **fields):
    """Upload ``content`` as ``filename`` with the CSRF token of the page at ``page_url``;
    the body is encoded here, in memory (the test client would spool a large one to a file
    it never closes)."""
    file = FileStorage(io.BytesIO(content), filename=filename)
    token = csrf_token(client.get(page_url).text)
    boundary, body = encode_multipart({"csrf_token": token, **fields, "file": file})
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.fixture
def make_user(app):
    """Returns a function that creates a staff account and returns its e-mail."""
    from consult.accounts.operations import create_user

    def make(role="reviewer", email=None, password="a long enough password"):
        with app.app_context():
            user = create_user(
                email or f"{role}-{uuid.uuid4().hex[:6]}@example.org", password, role
            )
            return user.email

    return make


class AuthActions:
    def __init__(self, client, make_user):
        self._client = client
        self._make_user = make_user

    def login(self, role="reviewer"):
        email = self._make_user(role)
        page = self._client.get("/staff/login").get_data(as_text=True)
        response = self._client.post(
            "/staff/login",
            data={
                "email": email,
                "password": "a long enough password",
                "csrf_token": csrf_token(page, required=self._csrf_on()),
            },
        )
        assert response.status_code == 302, "login failed"
        return email

    def logout(self):
        page = self._client.get("/staff/").get_data(as_text=True)
        token = csrf_token(page, required=self._csrf_on())
        return self._client.post("/staff/logout", data={"csrf_token": token})

    def _csrf_on(self):
        return self._client.application.config.get("WTF_CSRF_ENABLED", True)


@pytest.fixture
def auth(client, make_user):
    return AuthActions(client, make_user)


@pytest.fixture
def demo_round(app):
    """The demo round, open, without responses; returns its slug."""
    with app.app_context():
        return create_demo_round().slug


def set_status(app, slug, status):
    from consult.design.models import Round

    with app.app_context():
        db.session.scalar(select(Round).where(Round.slug == slug)).status = status
        db.session.commit()


def release_next_day(app, slug):
    """The round's figures released as they would be the next day (review.releases): a
    release takes the days before its own while the round is open."""
    from datetime import timedelta

    from consult.design.models import Round
    from consult.respond.operations import today
    from consult.review.releases import release_if_due

    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        return release_if_due(round_, today() + timedelta(days=1))


_later_days = itertools.count(1)


def release_later(round_):
    """Release a round's responses and themes as a later day would (review.releases,
    coding.releases): each call is a day after the last, so every call may release."""
    from datetime import timedelta

    from consult.coding.releases import release_themes_if_due
    from consult.respond.operations import today

    release_themes_if_due(round_, today() + timedelta(days=next(_later_days)))


# The browser tests' fixtures, for every module that drives Chromium.
from .browser import browser, chromium, live_server  # noqa: E402, F401
