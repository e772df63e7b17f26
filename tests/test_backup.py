"""`flask backup` and `flask restore`: a SQLite backup restored into a new database holds
every row of every table; restores that would lose data or load something else are refused;
on PostgreSQL both commands say how to use pg_dump and pg_restore."""

import sqlite3
import uuid
from datetime import date

import pytest
from flask_migrate import stamp, upgrade
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from consult import create_app
from consult.access_codes.operations import ensure_network_codes, make_invitation_codes
from consult.accounts.operations import create_user
from consult.coding.models import BriefTheme, ThemeJob
from consult.coding.operations import add_tag, code_blind, mark_quote, write_memo
from consult.design.models import Round
from consult.extensions import db
from consult.maintenance.backup import current_revision, postgresql_commands
from consult.respond.models import Answer, Draft
from consult.review.models import ExportJob
from consult.review.operations import set_reach_targets
from consult.translate.operations import assign_translator

from .conftest import make_test_config, release_later
from .test_migrations import TABLES

PASSWORD = "a long enough password"
#: The tables ``seed`` writes to: every table but the staff's recovery codes, and Alembic's.
SEEDED_TABLES = (TABLES - {"recovery_code"}) | {"alembic_version"}


@pytest.fixture
def make_app(tmp_path):
    """Returns a function that builds an app on a new SQLite file with the models' tables,
    stamped at the migrations' head as `flask db upgrade` leaves it (``migrate=False``: a
    file that does not exist yet). create_all + stamp rather than upgrade, so these tests
    check backups, not migrations (tests/test_migrations.py)."""
    apps = []

    def make(name, migrate=True):
        app = create_app(make_test_config(f"sqlite:///{tmp_path / name}", {}))
        if migrate:
            with app.app_context():
                db.create_all()
                stamp()
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def seed(app, responses=30):
    """The demo round with its responses and coded answers, plus a row in every other
    table a round can have: tag decided by hand, memo, quote, double coding, codes, reach
    target, translator, brief choice, theme run, export built by the worker, draft."""
    result = app.test_cli_runner().invoke(args=["seed-demo", "--responses", str(responses)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        reviewer = create_user(f"reviewer-{uuid.uuid4().hex[:6]}@example.org", PASSWORD, "reviewer")
        translator = create_user(f"tr-{uuid.uuid4().hex[:6]}@example.org", PASSWORD, "translator")
        round_ = db.session.scalar(select(Round))
        answer = db.session.scalar(
            select(Answer).where(Answer.text.is_not(None)).order_by(Answer.response_id).limit(1)
        )
        theme = round_.codebook.themes[0]
        add_tag(round_, answer, theme, reviewer)
        write_memo(round_, answer, "Worth quoting.", reviewer)
        mark_quote(round_, answer, reviewer, theme)
        code_blind(round_, answer, [theme.id], reviewer)
        ensure_network_codes(round_)
        make_invitation_codes(round_, 3)
        set_reach_targets(round_, {("language", "fr"): 10})
        assign_translator(round_, translator.email, "fr")
        db.session.add(BriefTheme(round_id=round_.id, theme_id=theme.id, activity="campaigns"))
        db.session.add(ThemeJob(round_id=round_.id, kind="autocode", state="done", done=1))
        db.session.add(
            ExportJob(
                round_id=round_.id,
                user_id=reviewer.id,
                format="xlsx",
                language="en",
                interface_language="en",
                state="done",
                rows=1,
                content=b"PK\x03\x04 a file",
            )
        )
        db.session.add(
            Draft(
                token="a-draft-token",
                round_id=round_.id,
                language="en",
                answers={"1": "x"},
                expires_on=date(2030, 1, 1),
            )
        )
        db.session.commit()
        release_later(round_)  # the theme tagged by hand gets a released version


def snapshot(app):
    """{table: [row, …]} of every table of the metadata and alembic_version, each table's
    rows sorted by primary key."""
    with app.app_context():
        engine = create_engine(db.engine.url)
        try:
            with engine.connect() as connection:
                tables = {
                    table.name: connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    ).all()
                    for table in db.metadata.sorted_tables
                }
                tables["alembic_version"] = connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).all()
        finally:
            engine.dispose()
    return tables


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_a_backup_restored_into_a_new_database_holds_every_row(make_app, tmp_path):
    source = make_app("source.sqlite")
    seed(source)
    backup = tmp_path / "backup.sqlite"

    result = invoke(source, "backup", str(backup))

    assert result.exit_code == 0, result.output
    assert f"Wrote {backup}" in result.output
    assert "rows: round 1, response 30, answer " in result.output
    assert "integrity check ok" in result.output
    assert backup.stat().st_mode & 0o077 == 0, "a backup is readable by its owner only"

    target = make_app("target.sqlite")
    result = invoke(target, "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert "rows: round 1, response 30" in result.output

    expected, restored = snapshot(source), snapshot(target)
    assert set(restored) == set(expected)
    for name, rows in expected.items():
        assert restored[name] == rows, name
    # The comparison is not of empty tables: the seeding reached all these.
    empty = {name for name, rows in expected.items() if not rows}
    assert not empty & SEEDED_TABLES, f"tables the seeding leaves empty: {sorted(empty)}"
    assert expected["alembic_version"] == [(current_revision(),)]

    # The restored database works for the app.
    with target.app_context():
        assert db.session.scalar(select(Round)).slug == "priorities-2027"


def test_a_restore_into_a_database_file_not_created_yet(make_app, tmp_path):
    source = make_app("source.sqlite")
    seed(source, responses=5)
    backup = tmp_path / "backup.sqlite"
    assert invoke(source, "backup", str(backup)).exit_code == 0
    target = make_app("new.sqlite", migrate=False)

    result = invoke(target, "restore", str(backup))

    assert result.exit_code == 0, result.output
    assert snapshot(target) == snapshot(source)


def test_a_backup_is_taken_while_a_write_is_in_progress(make_app, tmp_path):
    """The online backup does not wait for a writer (WAL) and copies only what is committed."""
    source = make_app("source.sqlite")
    seed(source, responses=5)
    writer = sqlite3.connect(tmp_path / "source.sqlite", timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE round SET slug = 'uncommitted'")
        result = invoke(source, "backup", str(tmp_path / "backup.sqlite"))
    finally:
        writer.rollback()
        writer.close()

    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(tmp_path / "backup.sqlite")
    try:
        assert copy.execute("SELECT slug FROM round").fetchall() == [("priorities-2027",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        copy.close()


def test_a_backup_never_replaces_a_file_without_force(make_app, tmp_path):
    source = make_app("source.sqlite")
    seed(source, responses=5)
    existing = tmp_path / "backup.sqlite"
    existing.write_bytes(b"an older backup")

    result = invoke(source, "backup", str(existing))

    assert result.exit_code != 0
    assert "already exists" in result.output and "--force" in result.output
    assert existing.read_bytes() == b"an older backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".consult-backup")] == []

    result = invoke(source, "backup", "--force", str(existing))
    assert result.exit_code == 0, result.output
    assert existing.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_restore_into_a_database_with_data_is_refused_and_changes_nothing(make_app, tmp_path):
    source = make_app("source.sqlite")
    seed(source, responses=10)
    backup = tmp_path / "backup.sqlite"
    assert invoke(source, "backup", str(backup)).exit_code == 0
    target = make_app("target.sqlite")
    seed(target, responses=6)
    before = snapshot(target)

    result = invoke(target, "restore", str(backup))

    assert result.exit_code != 0
    assert "is not empty (round: 1 rows, response: 6 rows): nothing restored" in result.output
    assert "--force" in result.output
    assert snapshot(target) == before

    result = invoke(target, "restore", "--force", str(backup))
    assert result.exit_code == 0, result.output
    assert snapshot(target) == snapshot(source)


def _not_sqlite(path, backup):
    path.write_bytes(b"round,response\n1,2\n" * 100)


def _corrupt(path, backup):
    data = bytearray(backup.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page but the first, header kept
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def _truncated(path, backup):
    path.write_bytes(backup.read_bytes()[: 4096 * 3 + 100])


def _inconsistent_index(path, backup):
    """Readable, but an index no longer matches its table."""
    path.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_audit_event_at ON audit_event (at, at)' "
        "WHERE name = 'ix_audit_event_at'"
    )
    connection.commit()
    connection.close()


def _without_alembic_version(path, backup):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE round (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()


def _older_revision(path, backup):
    path.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0009'")
    connection.commit()
    connection.close()


def _unknown_revision(path, backup):
    _older_revision(path, backup)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (_not_sqlite, "is not a readable SQLite database"),
        # SQLite names the damage by the page it meets first (image or schema): the refusal is one.
        (_corrupt, "is not a readable SQLite database ("),
        (_truncated, "is not a readable SQLite database (database disk image is malformed)"),
        (_inconsistent_index, "fails SQLite's integrity check: row 1 missing from index"),
        (_without_alembic_version, "has no alembic_version table"),
        (_older_revision, "Run flask db upgrade on a copy of the backup first"),
        (_unknown_revision, "which this version of consult does not know"),
        (None, "There is no file"),
    ],
)
def test_a_file_that_is_not_a_sound_backup_at_this_revision_is_refused(
    make_app, tmp_path, make_file, message
):
    source = make_app("source.sqlite")
    seed(source, responses=5)
    backup = tmp_path / "backup.sqlite"
    assert invoke(source, "backup", str(backup)).exit_code == 0
    bad = tmp_path / "bad.sqlite"
    if make_file is not None:
        make_file(bad, backup)
    target = make_app("target.sqlite")
    before = snapshot(target)

    result = invoke(target, "restore", str(bad))

    assert result.exit_code != 0, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(target) == before


def test_the_upgrade_advice_works(make_app, tmp_path, monkeypatch):
    """A backup of an older schema: the commands the refusal prints make it restorable."""
    source = make_app("source.sqlite", migrate=False)
    with source.app_context():
        upgrade(revision="0009")
    backup = tmp_path / "old.sqlite"
    assert invoke(source, "backup", str(backup)).exit_code == 0
    target = make_app("target.sqlite")
    refused = invoke(target, "restore", str(backup))
    assert refused.exit_code != 0
    copy = tmp_path / "upgraded-old.sqlite"
    assert f"cp {backup} {copy}" in refused.output
    assert f"DATABASE_URL=sqlite:///{copy} flask --app consult db upgrade" in refused.output

    copy.write_bytes(backup.read_bytes())
    upgraded = make_app("upgraded-old.sqlite", migrate=False)
    with upgraded.app_context():
        upgrade()  # `flask db upgrade` on the copy
    result = invoke(target, "restore", str(copy))
    assert result.exit_code == 0, result.output
    assert "schema revision " + current_revision() in result.output


def test_the_postgresql_commands_leave_the_password_out():
    url = make_url(
        "postgresql+psycopg://consult:s3cr%40t@db.example.org:5433/consult?sslmode=require"
    )
    dump, restore = postgresql_commands(url, "/backups/consult.dump")
    address = "'postgresql://consult@db.example.org:5433/consult?sslmode=require'"
    assert dump == f"pg_dump --format=custom --file /backups/consult.dump --dbname {address}"
    assert restore == (
        f"pg_restore --clean --if-exists --no-owner --dbname {address} /backups/consult.dump"
    )


def test_the_commands_never_print_the_postgresql_password(tmp_path):
    app = create_app(
        make_test_config("postgresql+psycopg://consult:s3cret-pw@db.invalid/consult", {})
    )
    for command in ("backup", "restore"):
        result = invoke(app, command, str(tmp_path / "consult.dump"))
        assert result.exit_code != 0
        assert "pg_dump --format=custom" in result.output
        assert "s3cret-pw" not in result.output
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_on_postgresql_both_commands_refuse_with_pg_dump_and_pg_restore(app, tmp_path):
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    dump, restore = postgresql_commands(url, str(tmp_path / "consult.dump"))
    for command in ("backup", "restore"):
        result = invoke(app, command, str(tmp_path / "consult.dump"))
        assert result.exit_code != 0
        assert "The database is PostgreSQL" in result.output
        assert dump in result.output
        assert restore in result.output
    assert list(tmp_path.glob("consult.dump")) == []
