"""Extensions, created unbound here and bound to the app in ``create_app``.

Models import ``db`` from this module, so no module needs the app to be imported.
"""

import os
import sqlite3

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

#: Deterministic constraint names, so Alembic diffs and downgrades are stable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Objects keep their values after a commit. A session lives for one request, which commits
# once and then draws a page from what it has just written and read: expiring everything at
# the commit made each saved member page read the questionnaire a second time. To see
# another transaction's writes after a commit, refresh the object or query with
# populate_existing.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()


#: How long a write waits for another to finish before "database is locked", in ms.
BUSY_TIMEOUT_MS = 10_000


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, connection_record):
    """WAL so readers never block the writer, enforced foreign keys, and a wait instead of
    "database is locked" when two members submit at once. Deleted rows (a submitted draft,
    its token) are overwritten with zeros rather than left in free pages, whatever this
    SQLite was built with; and the file, which holds every answer, is readable by its owner
    alone (its -wal and -shm files take the same mode)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    path = cursor.execute("PRAGMA database_list").fetchone()[2]
    cursor.close()
    if path and os.path.exists(path) and os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o600)


def one_of(column, values):
    """The SQL of a CHECK constraint that ``column`` holds one of ``values``."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"
