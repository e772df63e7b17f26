"""`flask results export` and `flask responses export`: the exports of the results pages,
for scheduled jobs."""

import shutil
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..audit import record
from ..design.models import Round
from ..extensions import db
from . import exports
from .groupings import grouping_by_key

results_cli = AppGroup("results", help="Export a round's aggregated results.")
responses_cli = AppGroup("responses", help="Export a round's anonymised responses.")

FORMAT = click.Choice(["csv", "xlsx"])
OUTPUT = click.Path(dir_okay=False, writable=True, path_type=Path)


def _round(slug):
    round_ = db.session.scalar(select(Round).where(Round.slug == slug))
    if round_ is None:
        raise click.ClickException(f"There is no round {slug!r}.")
    return round_


@results_cli.command("export")
@click.argument("slug")
@click.option("--format", "format_", type=FORMAT, default="csv")
@click.option(
    "--by",
    default=None,
    help="network, region, language, the code of a single-choice question, or QUESTION:OPTION "
    "for those who ticked an option of a multiple choice.",
)
@click.option("--language", default=None, help="Language of the labels (default: the source).")
@click.option("-o", "--output", type=OUTPUT, required=True)
def export_results_command(slug, format_, by, language, output):
    """Write the aggregated figures with small cells suppressed: one row per question, answer
    and (with --by) group, with a column named count."""
    round_ = _round(slug)
    language = language if language in round_.languages else round_.source_language
    grouping = None
    if by:
        grouping = grouping_by_key(
            round_, by if by in ("network", "region", "language") else f"q:{by}", language
        )
        if grouping is None:
            raise click.ClickException(
                f"--by must be network, region, language or a single-choice question of "
                f"{slug!r}; {by!r} is none of these."
            )
    _write(exports.aggregate_rows(round_, language, grouping), None, format_, output)
    click.echo(f"Wrote {output}")


@responses_cli.command("export")
@click.argument("slug")
@click.option("--format", "format_", type=FORMAT, default="csv")
@click.option("--language", default=None, help="Language of the codebook (default: the source).")
@click.option("--codebook", type=OUTPUT, default=None, help="With CSV: write the codebook here.")
@click.option("-o", "--output", type=OUTPUT, required=True)
def export_responses_command(slug, format_, language, codebook, output):
    """Write the anonymised responses, one row per response, and record it in the audit log."""
    round_ = _round(slug)
    language = language if language in round_.languages else round_.source_language
    record("responses.export", round_, format=format_, by="command line")
    db.session.commit()
    codebook_rows = exports.codebook_rows(round_, language)
    _write(exports.response_rows(round_), codebook_rows, format_, output)
    if format_ == "csv" and codebook:
        _write(exports.codebook_rows(round_, language), None, "csv", codebook)
    click.echo(f"Wrote {output}")


def _write(rows, codebook, format_, output):
    if format_ == "csv":
        with output.open("w", encoding="utf-8", newline="") as handle:
            for line in exports.csv_lines(rows):
                handle.write(line)
        return
    sheets = [("Results" if codebook is None else "Responses", rows)]
    if codebook is not None:
        sheets.append(("Codebook", codebook))
    with exports.xlsx_file(sheets) as source, output.open("wb") as target:
        shutil.copyfileobj(source, target)
