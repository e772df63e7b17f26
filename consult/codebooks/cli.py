"""`flask themes seed`, `flask themes export CODE -o FILE`, `flask themes import FILE`; the
group's `autocode` is coding.cli's."""

import json
from pathlib import Path

import click
from flask.cli import AppGroup

from .definition import CodebookError, export_codebook
from .operations import import_codebook, seed_starter_codebook
from .queries import find_codebook

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
    codebook = find_codebook(code)
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
