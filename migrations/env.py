"""Alembic environment: the app's engine and metadata, batch mode for SQLite's ALTER TABLE."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name is not None:
    # Keep the app's loggers (and their filters) as they are.
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

database = current_app.extensions["migrate"].db
config.set_main_option(
    "sqlalchemy.url", database.engine.url.render_as_string(hide_password=False).replace("%", "%%")
)


def run_migrations_offline():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=database.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    def skip_empty_revision(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")

    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table as a copy, then drops the old one; with foreign
            # keys enforced, SQLite deletes the old rows first, and ON DELETE CASCADE with
            # them every child row (a rebuilt round took its sections, questions, responses
            # and answers). The pragma is off for the migration, outside any transaction as
            # SQLite requires, and every reference is checked before the commit.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=database.metadata,
                process_revision_directives=skip_empty_revision,
                **{"render_as_batch": True, **current_app.extensions["migrate"].configure_args},
            )
            with context.begin_transaction():
                before = context.get_context().get_current_heads()
                context.run_migrations()
                if sqlite and context.get_context().get_current_heads() != before:
                    _refuse_broken_references(connection)
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _refuse_broken_references(connection):
    """Stop with an error when a migration left a row pointing at nothing: SQLite checked
    no reference while the foreign keys were off."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        raise RuntimeError(
            f"{len(broken)} rows point at rows that do not exist, in: {', '.join(tables)}"
        )


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
