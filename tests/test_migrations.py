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
    "audit_event",
    "question_block",
    "translator_assignment",
    "network_code",
    "invitation_code",
    "reach_target",
    "export_job",
    "codebook",
    "theme",
    "tag",
    "memo",
    "quote",
    "double_coding",
    "brief_theme",
    "theme_job",
    "recovery_code",
    "results_release",
    "theme_release",
    "theme_release_member",
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


def test_the_migrated_constraints_are_the_models(database):
    """CHECK constraints are invisible to Alembic's comparison: try them on the database."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade()
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO round (id, slug, status, access_mode, title, introduction, "
                    "thank_you, languages, source_language, min_cell_size, created_at) VALUES "
                    "(1, 'r', 'draft', 'public', '{}', '{}', '{}', '[]', 'en', 5, "
                    "CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO section (id, round_id, position, title, introduction) "
                    "VALUES (1, 1, 0, '{}', '{}')"
                )
            )
        insert_question = (
            "INSERT INTO question (section_id, position, code, kind, text, help, required, "
            "allow_decimals, dropdown, randomise_choices) "
            "VALUES (1, 0, 'q', :kind, '{}', '{}', false, false, false, false)"
        )
        with db.engine.begin() as connection:
            connection.execute(text(insert_question), {"kind": "matrix"})
        try:
            with db.engine.begin() as connection:
                connection.execute(text(insert_question), {"kind": "essay"})
        except IntegrityError:
            pass
        else:
            raise AssertionError("a question of an unknown kind was stored")
        db.engine.dispose()
