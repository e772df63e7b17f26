"""`make bench`: every benchmark under bench/, one after the other, each line it prints
kept, and bench/RESULTS.md written with the machine they ran on.

    .venv/bin/python bench/run_all.py [--quick]

--quick runs each at a small size, to check that they run (not figures to quote).
"""

import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"

#: (title, script, arguments, arguments with --quick)
BENCHMARKS = [
    ("Page weight (gzip bytes)", "page_weight.py", [], []),
    ("Seeding 100,000 demo responses", "seed_demo.py", [], ["2000"]),
    ("Review pages at 100,000 responses", "review_pages.py", [], ["2000"]),
    ("Theme coding and emergent themes", "themes.py", [], ["5000", "2000"]),
    ("Load and faults, nothing lost", "load.py", [], ["100", "--clients", "10"]),
    ("Submits that hide the order of arrival", "arrival.py", [], ["40"]),
    ("Lighthouse (mobile) on member pages", "lighthouse.py", [], ["en"]),
]


def machine():
    memory = ""
    if Path("/proc/meminfo").exists():
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GiB memory"
    postgresql = "not used"
    if os.environ.get("TEST_DATABASE_URL"):
        engine = create_engine(os.environ["TEST_DATABASE_URL"])
        with engine.connect() as connection:
            postgresql = connection.execute(text("SHOW server_version")).scalar()
        engine.dispose()
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores{memory}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"PostgreSQL {postgresql}"
    )


def run(script, arguments):
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    if finished.returncode != 0:
        lines.append(f"FAILED (exit {finished.returncode}): {finished.stderr.strip()[-500:]}")
    return lines, time.perf_counter() - started


def main():
    quick = "--quick" in sys.argv
    sections = []
    for title, script, arguments, quick_arguments in BENCHMARKS:
        print(f"== {title} (bench/{script})", flush=True)
        lines, seconds = run(script, quick_arguments if quick else arguments)
        for line in lines:
            print(line, flush=True)
        rows = "\n".join(f"| {line.replace('|', '/')} |" for line in lines)
        sections.append(
            f"## {title}\n`bench/{script}`, {seconds:.0f} s in all.\n\n| result |\n|---|\n{rows}\n"
        )
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        f"{' (--quick: sizes too small to quote)' if quick else ''}.\n\n"
        f"Machine: {machine()}. A shared machine: figures vary from run to run; each script "
        "measures what it compares in the same run.\n\n" + "\n".join(sections)
    )
    print(f"Wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
