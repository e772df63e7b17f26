"""The committed migrations build the schema the models describe, on SQLite and PostgreSQL,
and come down and up again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from consult import create_app
from consult.extensions import db

from .conftest import make_test_config

TABLES = {
    "network",
    "round",
    "section",
    "question",
    "choice",
    "response",
    "answer",
    "draft",
    "user_account",
}


def differences(connection):
    return compare_metadata(MigrationContext.configure(connection), db.metadata)


def user_tables(connection):
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade(database):
    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            assert user_tables(connection) == TABLES
            assert differences(connection) == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert user_tables(connection) == set()
        upgrade()
        with db.engine.connect() as connection:
            assert user_tables(connection) == TABLES
            assert differences(connection) == []
        db.engine.dispose()
