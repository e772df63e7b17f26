"""`flask themes autocode SLUG [--codebook CODE]`, in the group of the codebook commands
(codebooks.cli)."""

import click
from sqlalchemy import select

from ..codebooks.cli import themes_cli
from ..codebooks.queries import find_codebook
from ..design.models import Round
from ..extensions import db
from .autocoding import autocode
from .operations import use_codebook


@themes_cli.command("autocode")
@click.argument("slug")
@click.option("--codebook", "code", default=None, help="Code the round against this codebook.")
def autocode_command(slug, code):
    """Suggest themes for every written answer of a round, with a progress bar."""
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        raise click.ClickException(f"There is no round {slug!r}.")
    if code:
        codebook = find_codebook(code)
        if codebook is None:
            raise click.ClickException(f"There is no codebook {code!r}.")
        use_codebook(round_, codebook)
    if round_.codebook is None:
        raise click.ClickException(
            "The round has no codebook: choose one with --codebook (e.g. --codebook starter)."
        )
    with click.progressbar(length=1, label="Coding written answers") as bar:

        def progress(done, total):
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        result = autocode(round_, progress)
    click.echo(f"{result.answers} written answers, {result.suggested} themes suggested")
