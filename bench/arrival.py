"""What hiding the order of arrival costs a member's submit (consult/arrival.py): N members
submit the demo round on one day, one after the other, every question answered; for the
first and last 50 submits it prints the median time of a submit (which rewrites every
response of the day so far), on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.

    .venv/bin/python bench/arrival.py [N]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed_demo import postgresql_schema  # noqa: E402
from consult import create_app  # noqa: E402
from consult.demo.operations import create_demo_round  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.networks.operations import ensure_member_networks  # noqa: E402
from consult.questions import kind_of  # noqa: E402
from consult.respond.operations import save_answers, start_draft, submit_draft  # noqa: E402

MEMBERS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
WINDOW = min(50, MEMBERS // 2)


def every_answer(round_):
    """A draft's answers giving every question a value."""
    answers = {}
    for question in round_.questions:
        options = [choice.id for choice in question.options]
        if question.kind == "info":
            continue
        if kind_of(question).written:
            answers[str(question.id)] = "Peer workers should be paid for what they do."
        elif kind_of(question).stores == "number":
            answers[str(question.id)] = "30"
        elif question.kind == "matrix":
            answers[str(question.id)] = {str(row.id): options[0] for row in question.rows}
        elif question.kind in ("multiple", "ranking"):
            answers[str(question.id)] = options[:3]
        else:
            answers[str(question.id)] = options[0]
    return answers


def submit_times(uri, engine_options):
    app = create_app(
        {
            "SECRET_KEY": "bench-only-key-0123456789abcdef",
            "SQLALCHEMY_DATABASE_URI": uri,
            "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
        }
    )
    seconds = []
    with app.app_context():
        db.create_all()
        ensure_member_networks()
        round_ = create_demo_round()
        answers = every_answer(round_)
        for _ in range(MEMBERS):
            draft = start_draft(round_, "en")
            save_answers(draft, round_.questions, answers, "en")
            started = time.perf_counter()
            assert submit_draft(draft.token, round_, "en")
            seconds.append(time.perf_counter() - started)
        db.session.remove()
        db.engine.dispose()
    return seconds


def report(name, seconds):
    first = statistics.median(seconds[:WINDOW]) * 1000
    last = statistics.median(seconds[-WINDOW:]) * 1000
    print(
        f"{name:<11} submit, median of the first {WINDOW}: {first:6.1f} ms; "
        f"of the last {WINDOW} (up to {MEMBERS - 1} that day already): {last:6.1f} ms"
    )


def main():
    with tempfile.TemporaryDirectory() as folder:
        report("sqlite", submit_times(f"sqlite:///{folder}/bench.sqlite", {}))
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        print("postgresql  skipped: TEST_DATABASE_URL is not set")
        return
    with postgresql_schema(url) as (_, engine_options):
        report("postgresql", submit_times(url, engine_options))


if __name__ == "__main__":
    main()
