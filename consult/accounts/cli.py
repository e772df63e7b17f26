import sys

import click
from flask.cli import with_appcontext

from .models import ROLES
from .operations import AccountError, create_user


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--locale", default=None, help="Interface language, e.g. fr.")
@with_appcontext
def create_user_command(email, role, locale):
    """Create a staff account. Asks for the password, or reads one line from stdin."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create_user(email, password, role, locale)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role} {user.email}")
