"""Backups of the SQLite database, and restores of them, through SQLite's online backup API.

The backup API copies the database page by page under SQLite's own locks, so a backup is a
consistent snapshot even while the app serves (in WAL mode readers never block the writer,
extensions.py). A backup is written to a temporary file beside FILE, checked
(``PRAGMA integrity_check``) and only then renamed to FILE, so a failed backup never leaves
a half-written FILE or destroys an older one.

PostgreSQL has its own tools, pg_dump and pg_restore: for it, both commands refuse and say
exactly how to use them.
"""

import os
import shlex
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import URL, func, inspect, select, table

from .. import MIGRATIONS_DIRECTORY
from ..extensions import db

#: The tables whose rows the summary line counts.
COUNTED_TABLES = ("round", "response", "answer")
#: A database holding rows in any of these is not empty: restore refuses it without --force.
CONTENT_TABLES = ("round", "response")


class MaintenanceRefused(Exception):
    """A refusal with what to do instead; nothing was changed."""


@dataclass(frozen=True)
class Summary:
    """What a database file holds, for the line each command prints."""

    path: str
    size: int
    tables: int
    revision: str | None
    counts: dict

    def describe(self):
        rows = ", ".join(f"{name} {self.counts.get(name, 0):,}" for name in COUNTED_TABLES)
        return (
            f"{self.path}: {self.size:,} bytes, {self.tables} tables, "
            f"schema revision {self.revision or 'unknown'}; rows: {rows}; integrity check ok"
        )


# --- Backup -------------------------------------------------------------------------------


def backup_database(target, force=False):
    """Copy the configured SQLite database to ``target`` (a new file unless ``force``);
    returns the copy's Summary."""
    live = _sqlite_database("backup", target)
    target = os.path.abspath(target)
    if os.path.isdir(target):
        raise MaintenanceRefused(f"{target} is a directory: give the name of a new file.")
    if os.path.exists(target):
        if not force:
            raise MaintenanceRefused(
                f"{target} already exists: nothing written. Choose a new file name, or add "
                "--force to replace it."
            )
        if os.path.exists(live) and os.path.samefile(target, live):
            raise MaintenanceRefused(f"{target} is the database itself: choose another file.")
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise MaintenanceRefused(f"There is no directory {directory}: nothing written.")

    # mkstemp creates the file readable by its owner only: a backup holds every answer.
    handle, partial = tempfile.mkstemp(prefix=".consult-backup-", suffix=".partial", dir=directory)
    os.close(handle)
    try:
        copy = sqlite3.connect(partial)
        try:
            with _live_connection() as connection:
                connection.backup(copy)
            # The copy inherits WAL mode from the database; one self-contained file is
            # easier to keep, move and check.
            copy.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            copy.close()
        summary = _checked_summary(partial, shown_as=target)
        os.replace(partial, target)
    except BaseException:
        _remove_database_files(partial)
        raise
    return summary


# --- Restore ------------------------------------------------------------------------------


def restore_database(source, force=False):
    """Replace the configured SQLite database by the backup ``source``. Refused unless the
    database is empty (no round, no response) or ``force``; the backup must be a sound
    SQLite database at the app's current schema revision. Returns the restored Summary."""
    live = _sqlite_database("restore", source)
    source = os.path.abspath(source)
    if not os.path.isfile(source):
        raise MaintenanceRefused(f"There is no file {source}: nothing restored.")
    if os.path.exists(live) and os.path.samefile(source, live):
        raise MaintenanceRefused(f"{source} is the database itself: nothing restored.")

    backup = _checked_summary(source)
    _check_revision(source, backup.revision)
    held = content_counts()
    if any(held.values()) and not force:
        raise MaintenanceRefused(
            f"The database {live} is not empty (round: {held['round']:,} rows, response: "
            f"{held['response']:,} rows): nothing restored. Restore into an empty database, "
            "or add --force to replace everything in it (back it up first: "
            "flask --app consult backup FILE)."
        )

    # No pooled connection may keep a cached view of the database being replaced.
    db.session.remove()
    db.engine.dispose()
    backup_connection = sqlite3.connect(_read_only_uri(source), uri=True)
    try:
        with _live_connection() as connection:
            backup_connection.backup(connection)
            problems = _integrity_problems(connection)
    except sqlite3.OperationalError as error:
        raise MaintenanceRefused(
            f"SQLite could not write {live} ({error}): nothing restored. Stop the app "
            "(every process using the database) and restore again."
        ) from None
    finally:
        backup_connection.close()
        db.engine.dispose()
    if problems:
        raise MaintenanceRefused(
            f"The restored database {live} fails its integrity check: {'; '.join(problems)}. "
            "Restore again from another backup."
        )
    return _summary(live)


def content_counts():
    """{table: rows} of the tables that make a database non-empty (0 for a missing table,
    as in a database never migrated)."""
    with db.engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        return {
            name: connection.scalar(select(func.count()).select_from(table(name)))
            if name in present
            else 0
            for name in CONTENT_TABLES
        }


def current_revision():
    """The head of the migrations this version of consult ships."""
    return ScriptDirectory(MIGRATIONS_DIRECTORY).get_current_head()


def _check_revision(source, revision):
    head = current_revision()
    if revision == head:
        return
    if revision is None:
        raise MaintenanceRefused(
            f"{source} has no alembic_version table, so its schema revision is unknown: "
            "nothing restored. Restore only a backup of a consult database set up with "
            "flask --app consult db upgrade."
        )
    known = {script.revision for script in ScriptDirectory(MIGRATIONS_DIRECTORY).walk_revisions()}
    if revision not in known:
        raise MaintenanceRefused(
            f"{source} is at schema revision {revision}, which this version of consult does "
            f"not know (its head is {head}): nothing restored. Restore it with the version of "
            "consult that wrote it, or update consult first."
        )
    copy = os.path.join(os.path.dirname(source), f"upgraded-{os.path.basename(source)}")
    raise MaintenanceRefused(
        f"{source} is at schema revision {revision}; this version of consult is at {head}: "
        "nothing restored. Run flask db upgrade on a copy of the backup first, then restore "
        "the copy:\n\n"
        f"  cp {shlex.quote(source)} {shlex.quote(copy)}\n"
        f"  DATABASE_URL={shlex.quote('sqlite:///' + copy)} flask --app consult db upgrade\n"
        f"  flask --app consult restore {shlex.quote(copy)}"
    )


# --- PostgreSQL ---------------------------------------------------------------------------


def postgresql_commands(url, file):
    """(pg_dump command, pg_restore command) for the database at SQLAlchemy ``url``, without
    its password."""
    address = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={key: value for key, value in url.query.items() if key != "password"},
    )
    dbname = shlex.quote(address.render_as_string(hide_password=False))
    file = shlex.quote(file)
    return (
        f"pg_dump --format=custom --file {file} --dbname {dbname}",
        f"pg_restore --clean --if-exists --no-owner --dbname {dbname} {file}",
    )


def postgresql_advice(url, file):
    dump, restore = postgresql_commands(url, file)
    return (
        "The database is PostgreSQL: back it up and restore it with PostgreSQL's own tools, "
        "not with this command. pg_dump takes a consistent snapshot while the app serves:\n\n"
        f"  {dump}\n\n"
        "and pg_restore puts it back, replacing the tables it holds (then run "
        "flask --app consult db upgrade if the dump comes from an older version):\n\n"
        f"  {restore}\n\n"
        "The password is left out: pg_dump and pg_restore read it from ~/.pgpass or "
        "PGPASSWORD, or ask for it."
    )


# --- Helpers ------------------------------------------------------------------------------


def _sqlite_database(command, file):
    """The path of the configured SQLite database; a refusal for any other database."""
    url = db.engine.url
    backend = url.get_backend_name()
    if backend == "postgresql":
        raise MaintenanceRefused(postgresql_advice(url, file))
    if backend != "sqlite":
        raise MaintenanceRefused(f"flask {command} works on SQLite only, not on {backend}.")
    if url.database in (None, "", ":memory:") or url.database.startswith("file:"):
        raise MaintenanceRefused(f"flask {command} needs a database file, not {url.database!r}.")
    return os.path.abspath(url.database)


@contextmanager
def _live_connection():
    """The sqlite3 connection of one pooled connection of the app's engine, returned to the
    pool afterwards."""
    pooled = db.engine.raw_connection()
    try:
        yield pooled.driver_connection
    finally:
        pooled.close()


def _read_only_uri(path):
    return f"{Path(path).as_uri()}?mode=ro"


def _checked_summary(path, shown_as=None):
    """The Summary of the database file at ``path`` after ``PRAGMA integrity_check``; a
    refusal when it is not a SQLite database or fails the check."""
    shown = shown_as or path
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            problems = _integrity_problems(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise MaintenanceRefused(
            f"{shown} is not a readable SQLite database ({error}): nothing done."
        ) from None
    if problems:
        raise MaintenanceRefused(
            f"{shown} fails SQLite's integrity check: {'; '.join(problems)}. Nothing done."
        )
    return _summary(path, shown)


def _integrity_problems(connection):
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows[:10]


def _summary(path, shown_as=None):
    connection = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        names = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        counts = {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in COUNTED_TABLES
            if name in names
        }
        revision = None
        if "alembic_version" in names:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        connection.close()
    return Summary(shown_as or path, os.path.getsize(path), len(names), revision, counts)


def _remove_database_files(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass
