"""`flask results export|release` and `flask responses export`: the exports of the results
pages, and releases of figures, for scheduled jobs."""

import shutil
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..coding.releases import release_themes_if_due
from ..design.models import Round
from ..extensions import db
from . import exports
from .forms import PURPOSE_LENGTH
from .groupings import grouping_by_key
from .microdata import protected_microdata
from .operations import record_response_export
from .releases import latest_release, release_if_due
from .response_records import codebook_rows

results_cli = AppGroup("results", help="Export a round's aggregated results.")
responses_cli = AppGroup("responses", help="Export a round's responses as protected microdata.")

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
    release_if_due(round_)
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


@results_cli.command("release")
@click.argument("slug")
def release_command(slug):
    """Release the round's figures (and its themes) if a release is due: at least the
    round's interval since the last, and at least k responses waiting. For a daily cron
    job; reviewers' pages do the same when they are opened."""
    round_ = _round(slug)
    before = latest_release(round_.id)
    release_themes_if_due(round_)
    after = latest_release(round_.id)
    if after is None:
        click.echo("No release yet: fewer than k responses, or none from before today.")
    elif before is not None and after.number == before.number:
        click.echo(f"No new release; figures as of {after.made_on} (release {after.number}).")
    else:
        click.echo(f"Release {after.number}: {after.responses} more responses counted.")


@responses_cli.command("purge-exports")
def purge_exports_command():
    """Delete the export files the worker wrote more than a day ago (run it daily)."""
    from .export_jobs import purge_old_exports

    click.echo(f"{purge_old_exports()} export file(s) deleted")


@responses_cli.command("export")
@click.argument("slug")
@click.option("--format", "format_", type=FORMAT, default="csv")
@click.option("--language", default=None, help="Language of the codebook (default: the source).")
@click.option("--codebook", type=OUTPUT, default=None, help="With CSV: write the codebook here.")
@click.option(
    "--purpose",
    required=True,
    help=f"Why the responses are needed, kept in the audit log (at most {PURPOSE_LENGTH} "
    "characters).",
)
@click.option("-o", "--output", type=OUTPUT, required=True)
def export_responses_command(slug, format_, language, codebook, purpose, output):
    """Write protected microdata: one row per response kept, k-anonymised as the admins'
    download is (consult/review/microdata.py), and record it in the audit log with its
    purpose."""
    purpose = purpose.strip()
    if not purpose or len(purpose) > PURPOSE_LENGTH:
        raise click.BadParameter(
            f"give why, in 1 to {PURPOSE_LENGTH} characters", param_hint="--purpose"
        )
    round_ = _round(slug)
    release_if_due(round_)
    language = language if language in round_.languages else round_.source_language
    data = protected_microdata(round_)
    record_response_export(round_, format_, purpose, len(data.rows), by="command line")
    _write(data.file_rows(), codebook_rows(round_, language, data), format_, output)
    if format_ == "csv" and codebook:
        _write(codebook_rows(round_, language, data), None, "csv", codebook)
    click.echo(
        f"Wrote {output}: {len(data.rows)} of {data.responses} responses, "
        f"{data.suppressed} values withheld."
    )


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
