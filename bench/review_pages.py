"""Time the review pages of the demo round with N synthetic responses (default 100,000), on
SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. For each page it prints the median
of five renders and, measured in the same run, the median of the bare SQL counts behind it,
and the ratio between them; then the time and peak memory of the two exports.

    .venv/bin/python bench/review_pages.py [N] [--plans docs/QUERY_PLANS.md]

With --plans it writes the query plans of the counts behind the pages, on both databases.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, text  # noqa: E402

from bench.seed_demo import postgresql_schema, seed  # noqa: E402
from consult import create_app  # noqa: E402
from consult.accounts.operations import create_user  # noqa: E402
from consult.design.models import Round  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.questions import kind_of  # noqa: E402
from consult.review import queries  # noqa: E402
from consult.review.figures import shown_when  # noqa: E402
from consult.review.groupings import grouping_by_key, split_for  # noqa: E402

ARGUMENTS = [a for a in sys.argv[1:] if not a.startswith("--")]
RESPONSES = int(ARGUMENTS[0]) if ARGUMENTS else 100_000
PLANS = sys.argv[sys.argv.index("--plans") + 1] if "--plans" in sys.argv else None
SLUG = "priorities-2027"
RUNS = 5


def median_ms(action, runs=RUNS):
    action()  # warm the caches once, as a page opened twice would be
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return 1000 * statistics.median(timings)


def bare_counts(round_, question_codes, grouping_key, only=None):
    """The SQL behind a results page, without perturbation or rendering; ``only`` names the
    column of a filter, whose page counts that column's responses alone."""
    grouping = grouping_by_key(round_, grouping_key, round_.source_language)
    groups = split_for(round_.id, grouping, only)
    questions = [q for q in round_.questions if q.code in question_codes]
    by_code = {q.code: q for q in round_.questions}

    # The same counts, for the same questions, as figures.RoundFigures asks for.
    choosing = [q.id for q in questions if kind_of(q).counted == "choices"]
    ranking = [q.id for q in questions if kind_of(q).counted == "ranks"]
    numbering = [q.id for q in questions if kind_of(q).counted == "numbers"]

    answering = [q.id for q in questions if kind_of(q).tabulation != "values"]

    def run():
        queries.group_totals(groups)
        if answering:
            queries.answered_counts_by(groups, answering)
        if choosing:
            queries.choice_counts_by(groups, choosing)
        if ranking:
            queries.rank_counts_by(groups, ranking)
        if numbering:
            queries.number_counts_by(groups, numbering)
        for question in questions:
            condition = shown_when(question)
            if condition is not None:
                clause = queries.condition_clause(condition, by_code)
                queries.asked_counts_by(groups, clause)

    return run


def dashboard_counts(round_):
    network = grouping_by_key(round_, "network", round_.source_language)
    language = grouping_by_key(round_, "language", round_.source_language)

    def run():
        queries.response_count(round_.id)
        queries.responses_per_day(round_.id)
        queries.group_totals(split_for(round_.id, network))
        queries.group_totals(split_for(round_.id, language))
        queries.responses_by_furthest_page(round_.id)
        queries.drafts_in_progress(round_.id)

    return run


def measure(database_url, engine_options, label):
    app = create_app(
        {
            "SECRET_KEY": "bench-only-key-0123456789abcdef",
            "ENV": "development",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        create_user("bench-reviewer@example.org", "a long enough password", "reviewer")
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        codes = [q.code for q in round_.questions if q.kind != "info"]
    client = app.test_client()
    client.post(
        "/staff/login",
        data={"email": "bench-reviewer@example.org", "password": "a long enough password"},
    )
    base = f"/staff/rounds/{SLUG}"
    pages = [("dashboard", f"{base}/dashboard", None, None, None)]
    pages += [(f"question {code}", f"{base}/results/{code}", [code], None, None) for code in codes]
    pages += [
        (f"region by {by}", f"{base}/results/region?by={by}", ["region"], by, None)
        for by in ("network", "language", "q:involvement")
    ]
    pages.append(("all questions", f"{base}/results", codes, None, None))
    pages.append(("all, French only", f"{base}/results?only=language:fr", codes, "language", "fr"))
    print(f"\n{label}: {RESPONSES} responses; median of {RUNS} runs")
    print(f"{'page':34} {'page ms':>9} {'SQL ms':>9} {'ratio':>6}")
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        for name, path, question_codes, grouping_key, only in pages:

            def render(path=path):
                page = client.get(path)
                assert page.status_code == 200, (path, page.status_code)

            page_ms = median_ms(render)
            if question_codes is None:
                sql_ms = median_ms(dashboard_counts(round_))
            else:
                sql_ms = median_ms(bare_counts(round_, question_codes, grouping_key, only))
            print(f"{name:34} {page_ms:9.0f} {sql_ms:9.0f} {page_ms / sql_ms:6.2f}")
        for format_ in ("csv", "xlsx"):
            print(export_in_a_process(database_url, engine_options, format_))
        if PLANS:
            return query_plans(round_, label)
    return ""


EXPORT = """
import resource, sys, time
sys.path.insert(0, {root!r})
from sqlalchemy import select
from consult import create_app
from consult.accounts.models import User
from consult.accounts.operations import create_user
from consult.design.models import Round
from consult.extensions import db
from consult.review.export_jobs import build_export
from consult.review.models import ExportJob
app = create_app({{"SECRET_KEY": "bench-only-key-0123456789abcdef", "ENV": "development",
    "SQLALCHEMY_DATABASE_URI": {url!r}, "SQLALCHEMY_ENGINE_OPTIONS": {options!r}}})
with app.app_context():
    round_ = db.session.scalar(select(Round).where(Round.slug == {slug!r}))
    admin = db.session.scalar(select(User).where(User.email == "bench-admin@example.org"))
    admin = admin or create_user("bench-admin@example.org", "a long enough password", "admin")
    export = ExportJob(round_id=round_.id, user_id=admin.id, format={format_!r},
                       language="en", interface_language="en")
    db.session.add(export)
    db.session.commit()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    build_export(export.id)  # what the worker runs (review.export_jobs), here in-process
    seconds = time.perf_counter() - started
    db.session.expire_all()
    export = db.session.get(ExportJob, export.id)
    size = len(export.content)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"responses export {format_:4} (a job, {{export.state}}): {{seconds:6.1f}} s, "
          f"file {{size / 1e6:5.1f}} MB, peak memory of the process {{peak / 1024:5.0f}} MB "
          f"({{before / 1024:.0f}} MB before)")
"""


def export_in_a_process(database_url, engine_options, format_):
    """Export the responses in a process of its own, so its peak memory is the export's."""
    script = EXPORT.format(
        root=str(Path(__file__).resolve().parent.parent),
        url=database_url,
        options=engine_options,
        slug=SLUG,
        format_=format_,
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def query_plans(round_, label):
    """The plans of the counts behind a question page, whole round and by network."""
    dialect = db.session.get_bind().dialect.name
    explain = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
    question = next(q for q in round_.questions if q.code == "region")
    lines = [f"## {label}", ""]
    for grouping_key in (None, "network"):
        grouping = grouping_by_key(round_, grouping_key, "en")
        groups = split_for(round_.id, grouping)
        statement = queries.choice_counts_statement(groups, [question.id])
        compiled = statement.compile(
            dialect=db.session.get_bind().dialect, compile_kwargs={"literal_binds": True}
        )
        rows = db.session.execute(text(explain + str(compiled))).all()
        lines += [f"Choice counts of one question, grouped by {grouping_key or 'nothing'}:", ""]
        lines += ["```", *(" | ".join(str(v) for v in row) for row in rows), "```", ""]
    return "\n".join(lines)


def main():
    plans = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        print(f"seeding SQLite: {seed(url):.0f} s")
        plans.append(measure(url, {}, "SQLite"))
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        with postgresql_schema(url) as (schema_url, options):
            print(f"seeding PostgreSQL: {seed(schema_url):.0f} s")
            plans.append(measure(url, options, "PostgreSQL"))
    else:
        print("PostgreSQL skipped: TEST_DATABASE_URL is not set")
    if PLANS:
        header = (
            "# Query plans\n\nWritten by `bench/review_pages.py --plans`, with "
            f"{RESPONSES} demo responses. The counts of one question read the covering "
            "index (question_id, choice_id, row_id, rank, release_number, record_key) of the "
            "answer table, which gives each count with the sum of its record keys; split by "
            "network they join each answer to its response by primary key (SQLite) or "
            "by a hash join (PostgreSQL). Figures in the README.\n\n"
        )
        Path(PLANS).write_text(header + "\n".join(plans))


if __name__ == "__main__":
    main()
