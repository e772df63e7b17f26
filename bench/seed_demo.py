"""Time `seed-demo --responses N` on an empty SQLite database and, when TEST_DATABASE_URL is
set, on PostgreSQL (in a schema of its own). Prints one line per database.

    .venv/bin/python bench/seed_demo.py [N]
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager

from sqlalchemy import create_engine, text

RESPONSES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
FLASK = [sys.executable, "-m", "flask", "--app", "consult"]


def seed(database_url, extra_env=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CONSULT_ENV": "development",
        "CONSULT_SECRET_KEY": "bench-only-key-0123456789abcdef",
        **(extra_env or {}),
    }
    subprocess.run([*FLASK, "db", "upgrade"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        # Coding the written answers is timed apart, by bench/themes.py.
        [*FLASK, "seed-demo", "--responses", str(RESPONSES), "--no-code"],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


@contextmanager
def postgresql_schema(url):
    """(database URL, engine options) of a new schema at ``url``, dropped afterwards."""
    schema = f"consult_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in url else "?"
        yield (
            f"{url}{separator}options=-csearch_path%3D{schema}",
            {"connect_args": {"options": f"-csearch_path={schema}"}},
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main():
    with tempfile.TemporaryDirectory() as folder:
        seconds = seed(f"sqlite:///{folder}/bench.sqlite")
        print(f"sqlite      seed-demo --responses {RESPONSES}: {seconds:6.1f} s")
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        print("postgresql  skipped: TEST_DATABASE_URL is not set")
        return
    with postgresql_schema(url) as (schema_url, _options):
        seconds = seed(schema_url)
        print(f"postgresql  seed-demo --responses {RESPONSES}: {seconds:6.1f} s")


if __name__ == "__main__":
    main()
