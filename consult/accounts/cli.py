import sys

import click
from flask.cli import with_appcontext

from .models import ROLES
from .operations import AccountError, create_user, reset_two_factor, set_role


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


@click.command("set-role")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@with_appcontext
def set_role_command(email, role):
    """Give a staff account another role (recorded in the audit log)."""
    try:
        user = set_role(email, role)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{user.email} is now {user.role}")


@click.command("reset-two-factor")
@click.argument("email")
@with_appcontext
def reset_two_factor_command(email):
    """Turn two-step login off for someone who lost their phone and recovery codes, and end
    their sessions. An admin is asked to set it up again at the next login."""
    try:
        user = reset_two_factor(email)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Two-step login is off for {user.email}; their sessions have ended")
