"""`flask themes seed`, `flask themes export CODE -o FILE`, `flask themes import FILE`,
`flask themes autocode SLUG [--codebook CODE]`."""

import json
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..design.models import Round
from ..extensions import db
from .coding import autocode, use_codebook
from .models import Codebook
from .operations import CodebookError, export_codebook, import_codebook, seed_starter_codebook

themes_cli = AppGroup("themes", help="Codebooks of themes for free-text answers.")


@themes_cli.command("seed")
def seed_command():
    """Add the starter codebook if it is missing."""
    codebook = seed_starter_codebook()
    click.echo(f"codebook {codebook.code!r}: {len(codebook.themes)} themes")


@themes_cli.command("export")
@click.argument("code")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_command(code, output):
    """Write a codebook as JSON."""
    codebook = db.session.scalar(select(Codebook).where(Codebook.code == code))
    if codebook is None:
        raise click.ClickException(f"There is no codebook {code!r}.")
    output.write_text(json.dumps(export_codebook(codebook), ensure_ascii=False, indent=1))
    click.echo(f"Wrote {output}")


@themes_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", default=None, help="Use this code instead of the file's.")
def import_command(path, code):
    """Add a codebook from a JSON file; nothing is added if anything is wrong."""
    try:
        codebook = import_codebook(json.loads(path.read_text(encoding="utf-8")), code)
    except (CodebookError, json.JSONDecodeError) as error:
        problems = getattr(error, "problems", [str(error)])
        raise click.ClickException("nothing imported:\n  " + "\n  ".join(problems)) from None
    click.echo(f"codebook {codebook.code!r}: {len(codebook.themes)} themes")


@themes_cli.command("autocode")
@click.argument("slug")
@click.option("--codebook", "code", default=None, help="Code the round against this codebook.")
def autocode_command(slug, code):
    """Suggest themes for every written answer of a round, with a progress bar."""
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        raise click.ClickException(f"There is no round {slug!r}.")
    if code:
        codebook = db.session.scalar(select(Codebook).where(Codebook.code == code))
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
