import os

import click
from flask import current_app
from flask.cli import with_appcontext

from ..codebooks.operations import seed_starter_codebook
from ..coding.autocoding import autocode
from ..coding.operations import use_codebook
from ..design.block_operations import seed_blocks
from .operations import (
    add_synthetic_responses,
    create_demo_round,
    create_demo_staff,
    database_is_empty,
)

DEMO_STAFF_FILE = "demo-staff.txt"


@click.command("seed-demo")
@click.option("--responses", default=300, show_default=True, help="Synthetic responses to add.")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has a round.")
@click.option(
    "--demo-staff",
    is_flag=True,
    help="Also create one account per role "
    "(development only); the passwords go to instance/demo-staff.txt.",
)
@click.option("--seed", default=2027, show_default=True, help="Random seed of the answers.")
@click.option(
    "--code/--no-code",
    default=True,
    show_default=True,
    help="Code the written answers against the starter codebook.",
)
@with_appcontext
def seed_demo_command(responses, if_empty, demo_staff, seed, code):
    """Create the demo round "Community priorities for advocacy 2027" with responses."""
    if demo_staff:
        _seed_demo_staff()
    if if_empty and not database_is_empty():
        click.echo("The database already has rounds: nothing seeded.")
        return
    seed_blocks()
    round_ = create_demo_round()
    # Of earlier days, they come released, as the daily releases of those days would have.
    add_synthetic_responses(round_, responses, seed=seed, released=True)
    click.echo(f"Demo round /c/{round_.slug}/ has {responses} new synthetic responses.")
    if code:
        # The demo's written answers come coded against the starter codebook, for reviewers
        # to accept or reject.
        if round_.codebook is None:
            use_codebook(round_, seed_starter_codebook())
        coded = autocode(round_)
        click.echo(f"{coded.suggested} themes suggested for {coded.answers} written answers.")


def _seed_demo_staff():
    if current_app.config["ENV"] == "production":
        raise click.ClickException("demo staff accounts are for development only")
    created = create_demo_staff()
    if created:
        path = os.path.join(current_app.instance_path, DEMO_STAFF_FILE)
        with open(path, "a", encoding="utf-8") as f:
            for role, email, password in created:
                f.write(f"{role:<11} {email:<26} {password}\n")
        os.chmod(path, 0o600)
