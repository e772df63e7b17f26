"""The app factory and its configuration layers."""

import pytest
from sqlalchemy import text

from consult import create_app
from consult.config import UnsafeConfigError
from consult.extensions import db


def test_test_mapping_overrides_environment_which_overrides_instance(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        'SECRET_KEY = "from-instance-file-0123456789"\n'
        "MAX_CONTENT_LENGTH = 1\nDEFAULT_MIN_CELL_SIZE = 7\n"
    )
    monkeypatch.setenv("CONSULT_MAX_CONTENT_LENGTH", "2")
    monkeypatch.setenv("CONSULT_ENV", "development")
    monkeypatch.setenv("CONSULT_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DEFAULT_MIN_CELL_SIZE": 9, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SECRET_KEY"] == "from-instance-file-0123456789"
    assert app.config["MAX_CONTENT_LENGTH"] == 2
    assert app.config["DEFAULT_MIN_CELL_SIZE"] == 9
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_database_url_selects_the_database(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@127.0.0.1:1/x")
    app = create_app({"SECRET_KEY": "k" * 32, "ENV": "testing"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@127.0.0.1:1/x"


def test_sqlite_is_the_default_in_the_instance_folder(monkeypatch, instance_folder):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": "k" * 32, "ENV": "testing"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance_folder}/consult.sqlite"


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ({}, "SECRET_KEY is missing"),
        ({"SECRET_KEY": "dev"}, "SECRET_KEY is missing or a known default"),
        ({"SECRET_KEY": "k" * 32, "DEBUG": True}, "debug mode is on"),
        ({"SECRET_KEY": "k" * 32, "SESSION_COOKIE_SECURE": False}, "SESSION_COOKIE_SECURE"),
    ],
)
def test_production_refuses_unsafe_settings(settings, complaint, monkeypatch):
    monkeypatch.delenv("CONSULT_SECRET_KEY", raising=False)
    monkeypatch.delenv("CONSULT_ENV", raising=False)
    with pytest.raises(UnsafeConfigError, match=complaint):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": None, **settings})


def test_production_with_a_real_key_starts_with_secure_cookies(monkeypatch):
    monkeypatch.delenv("CONSULT_ENV", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k" * 32})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(app):
    with app.app_context():
        connection = db.session.connection()
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_every_page_sends_the_security_headers(client, demo_round):
    response = client.get("/c/priorities-2027/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
