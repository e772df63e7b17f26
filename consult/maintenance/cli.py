"""``flask backup FILE`` and ``flask restore FILE``: for the people who run the server, in
English like the other commands."""

import click
from flask.cli import with_appcontext

from .backup import MaintenanceRefused, backup_database, restore_database


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace FILE if it already exists.")
@with_appcontext
def backup_command(file, force):
    """Copy the SQLite database to FILE, safely while the app serves, and check the copy.
    On PostgreSQL, say how to use pg_dump instead."""
    try:
        summary = backup_database(file, force=force)
    except MaintenanceRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"Wrote {summary.describe()}")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--force", is_flag=True, help="Replace the database even if it holds rounds or responses."
)
@with_appcontext
def restore_command(file, force):
    """Replace the (empty) SQLite database by the backup FILE, made by `flask backup` at this
    version's schema. On PostgreSQL, say how to use pg_restore instead."""
    try:
        summary = restore_database(file, force=force)
    except MaintenanceRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"Restored {file} into {summary.describe()}")
