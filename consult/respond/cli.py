import click
from flask.cli import AppGroup

from .operations import purge_drafts

drafts_cli = AppGroup("drafts", help="Members' unfinished questionnaires.")


@drafts_cli.command("purge")
def purge_command():
    """Delete drafts of rounds that no longer take answers."""
    click.echo(f"{purge_drafts()} draft(s) deleted")
