import click
from flask.cli import AppGroup

from .operations import ensure_member_networks

networks_cli = AppGroup("networks", help="The member networks.")


@networks_cli.command("seed")
def seed_command():
    """Add the regional networks and the women's network where missing."""
    click.echo(f"{ensure_member_networks()} network(s) added")
