"""`flask rounds import FILE` and `flask rounds export SLUG --format json|xlsform -o FILE`."""

import json
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..extensions import db
from .block_operations import seed_blocks
from .definition import to_definition
from .imports import MAX_IMPORT_BYTES, ImportRefused, import_upload
from .models import Round

rounds_cli = AppGroup("rounds", help="Import and export rounds.")


@rounds_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", default=None, help="Use this address instead of the file's.")
def import_command(path, slug):
    """Create a draft round from a .json definition or an XLSForm (.xlsx, .xls, .csv, .md);
    print its address and what could not be imported."""
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise click.ClickException(f"{path.name} is larger than 10 MB: nothing imported")
    try:
        round_, report = import_upload(path.name, path.read_bytes(), slug)
    except ImportRefused as refused:
        raise click.ClickException(
            "nothing imported:\n  " + "\n  ".join(refused.problems)
        ) from None
    click.echo(round_.slug)
    for line in report:
        click.echo(f"  {line}")


@rounds_cli.command("export")
@click.argument("slug")
@click.option("--format", "format_", type=click.Choice(["json", "xlsform"]), default="json")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_command(slug, format_, output):
    """Write a round as a JSON definition or an XLSForm."""
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        raise click.ClickException(f"no round at {slug}")
    definition = to_definition(round_)
    if format_ == "json":
        output.write_text(json.dumps(definition, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        from .xlsform import write_xlsform

        output.write_bytes(write_xlsform(definition))
    click.echo(f"{slug} written to {output}")


blocks_cli = AppGroup("blocks", help="The library of question blocks.")


@blocks_cli.command("seed")
def seed_blocks_command():
    """Add the starter blocks that are missing."""
    click.echo(f"{seed_blocks()} block(s) added")
