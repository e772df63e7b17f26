"""Load and faults with nothing lost: gunicorn with 4 workers serves consult, and 50
concurrent members answer the demo round through the real flow (every page, its CSRF token,
the review page, the submit) until 2,000 responses are acknowledged with the thank-you
page; then the database is checked: every acknowledged response stored exactly once.

Each member writes a marker of their own in a free-text answer, the only way to tell
responses apart in an anonymous database. In the same run, on the same server setup and
database, a bare Flask endpoint that inserts one row (bench/bare_app.py) is driven by the
same 50 clients, and the ratio of the two rates is printed.

Scenarios, on SQLite and on PostgreSQL (TEST_DATABASE_URL):
- load: the flow as above;
- kill: the app server killed with SIGKILL when 40 % are acknowledged, restarted a second
  later; members retry what failed, as a browser's reload would;
- restart (PostgreSQL only): the database restarted mid-run (pg_ctlcluster, as root); requests
  during the outage get the friendly 503 page and the app, not restarted, recovers by itself.

    .venv/bin/python bench/load.py [RESPONSES] [--clients 50] [--quick]

Prints one line per scenario and database and appends the table to bench/RESULTS.md when
run by bench/run_all.py.
"""

import argparse
import collections
import http.client
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.seed_demo import postgresql_schema  # noqa: E402

SLUG = "priorities-2027"
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
BIN = Path(sys.executable).parent
WORKERS = 4


def environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "CONSULT_ENV": "development",
        "CONSULT_SECRET_KEY": "bench-only-key-0123456789abcdef",
        # Every client comes from 127.0.0.1: the per-address limits would stop the bench.
        "CONSULT_RATELIMIT_ENABLED": "false",
        "PYTHONPATH": str(ROOT),
    }


def flask(env, *arguments):
    subprocess.run(
        [str(BIN / "flask"), "--app", "consult", *arguments],
        env=env,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with WORKERS workers, in a process group of its own, so that a SIGKILL takes
    the master and its workers at once, as a crash of the machine's app server would."""

    def __init__(self, app, env):
        self.app, self.env, self.port = app, env, free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                self.app,
            ],
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"{self.app} did not start")

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@contextmanager
def serving(app, env):
    server = Server(app, env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Member:
    """One member's browser: its cookies, following redirects, retrying what failed for
    as long as the server is away (a reload)."""

    def __init__(self, base, stats):
        self.base, self.stats = base, stats
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        for _attempt in range(600):
            # Every post of the flow is answered by a redirect, which urllib follows: two
            # HTTP requests.
            self.stats["requests"] += 1 if data is None else 2
            try:
                with self.opener.open(self.base + path, data=body, timeout=30) as response:
                    return response.geturl(), response.read().decode()
            except urllib.error.HTTPError as error:
                self.stats[error.code] += 1
                if error.code != 503 and error.code < 500:
                    raise
            except (urllib.error.URLError, http.client.HTTPException, OSError):
                # Refused, reset, or cut off mid-answer (IncompleteRead) by the kill.
                self.stats["connection"] += 1
            time.sleep(0.1)
        raise RuntimeError(f"{path}: the server did not come back")

    def answer(self, pages, marker):
        """The whole flow; True when the thank-you page came back."""
        _url, html = self.open(f"/c/{SLUG}/")
        _url, html = self.open(f"/c/{SLUG}/start", {"csrf_token": token(html)})
        for number, data in enumerate(pages, 1):
            data = {key: (marker if value == "MARKER" else value) for key, value in data.items()}
            _url, html = self.open(
                f"/c/{SLUG}/{number}", {**data, "move": "next", "csrf_token": token(html)}
            )
        url, _html = self.open(f"/c/{SLUG}/review", {"csrf_token": token(html)})
        return url.endswith("/thanks")


def token(html):
    match = CSRF.search(html)
    return match.group(1) if match else ""


def demo_pages(env):
    """The form data of the demo round's four pages, read from the database (the marker
    goes in the free text of page 3)."""
    script = (
        "from consult import create_app\n"
        "from consult.design.models import Round\n"
        "from consult.extensions import db\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        f"    r = db.session.scalar(db.select(Round).where(Round.slug == {SLUG!r}))\n"
        "    q = {x.code: x for x in r.questions}\n"
        "    c = lambda code, choice: next(x.id for x in q[code].choices if x.code == choice)\n"
        "    f = lambda code: f'question_{q[code].id}'\n"
        "    print(repr([\n"
        "        {f('region'): c('region', 'africa')},\n"
        "        {f('priorities'): [f\"{c('priorities', k)}:{i}\" for i, k in\n"
        "            enumerate(['decriminalisation', 'overdose', 'funding'], 1)],\n"
        "         f('decriminalisation_first'): c('decriminalisation_first', 'agree'),\n"
        "         f('barriers'): [c('barriers', 'fear_police')]},\n"
        "        {f('one_change'): 'MARKER'},\n"
        "        {f('campaign_idea'): ''},\n"
        "    ]))\n"
    )
    return evaluate_in_app(env, script)


def evaluate_in_app(env, script):
    """What ``script`` prints as a Python literal, run in a process of its own with the
    app's environment (the benchmark itself never opens the app's database)."""
    output = subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout
    return eval(output)  # noqa: S307 (our own repr of plain lists, dicts and counts)


def in_parallel(count, clients, work):
    """Call ``work()`` ``count`` times from ``clients`` threads; returns the seconds taken."""
    lock, remaining = threading.Lock(), [count]

    def client():
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            work()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def drive(base, responses, clients, pages, at_share=None, fault=None):
    """``responses`` members answer, ``clients`` at a time; ``fault`` runs once when
    ``at_share`` of them are acknowledged. Returns (acknowledged markers, seconds, error
    counts)."""
    acknowledged, lock, stats = [], threading.Lock(), collections.Counter()
    fault_done = threading.Event()

    def member():
        marker = f"load {uuid.uuid4().hex}"
        if Member(base, stats).answer(pages, marker):
            with lock:
                acknowledged.append(marker)
                due = fault and at_share and len(acknowledged) >= at_share * responses
            if due and not fault_done.is_set():
                fault_done.set()
                threading.Thread(target=fault, daemon=True).start()

    seconds = in_parallel(responses, clients, member)
    return acknowledged, seconds, stats


def bare_rate(base, requests, clients):
    opener = urllib.request.build_opener(NoRedirect)

    def insert():
        with opener.open(base + "/insert", data=b"", timeout=30) as response:
            response.read()

    return requests / in_parallel(requests, clients, insert)


def check(env, acknowledged):
    """(lost, duplicated, stored without acknowledgement) from the database's answers."""
    script = (
        "from collections import Counter\n"
        "from consult import create_app\n"
        "from consult.extensions import db\n"
        "from consult.respond.models import Answer\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        "    texts = db.session.scalars(db.select(Answer.text)"
        ".where(Answer.text.like('load %'))).all()\n"
        "    print(repr(dict(Counter(texts))))\n"
    )
    stored = evaluate_in_app(env, script)
    lost = sum(1 for marker in acknowledged if marker not in stored)
    duplicated = sum(1 for count in stored.values() if count > 1)
    unacknowledged = len(set(stored) - set(acknowledged))
    return lost, duplicated, unacknowledged


@contextmanager
def database(kind, folder):
    if kind == "sqlite":
        yield f"sqlite:///{folder}/load-{uuid.uuid4().hex[:6]}.sqlite"
        return
    with postgresql_schema(os.environ["TEST_DATABASE_URL"]) as (url, _options):
        yield url


def prepared(kind, folder, stack):
    url = stack.enter_context(database(kind, folder))
    env = environment(url)
    flask(env, "db", "upgrade")
    flask(env, "seed-demo", "--responses", "0", "--no-code")
    return env


def can_restart_postgresql():
    return os.geteuid() == 0 and shutil.which("pg_ctlcluster") is not None


def restart_postgresql(outage_seconds=3):
    """Stop the local PostgreSQL, wait, start it again (needs root, as in CI)."""
    control = shutil.which("pg_ctlcluster")
    subprocess.run([control, "15", "main", "stop", "--force"], check=True)
    time.sleep(outage_seconds)
    subprocess.run([control, "15", "main", "start"], check=True)


def run(kind, scenario, responses, clients, folder):
    with ExitStack() as stack:
        env = prepared(kind, folder, stack)
        pages = demo_pages(env)
        server = stack.enter_context(serving("consult:create_app()", env))
        fault = None
        if scenario == "kill":

            def fault():
                server.kill()
                time.sleep(1)
                server.start()

        elif scenario == "restart":

            def fault():
                restart_postgresql()

        acknowledged, seconds, stats = drive(
            server.url, responses, clients, pages, 0.4 if fault else None, fault
        )
        rate = len(acknowledged) / seconds
        bare = None
        if scenario == "load":
            subprocess.run(
                [sys.executable, "-c", "from bench.bare_app import create_table; create_table()"],
                env=env,
                cwd=ROOT,
                check=True,
            )
            # As many inserts as the flow made requests: a short run would mostly time the
            # workers' warm-up.
            with serving("bench.bare_app:app", env) as bare_server:
                bare = bare_rate(bare_server.url, stats["requests"], clients)
        lost, duplicated, extra = check(env, acknowledged)
        return {
            "database": "SQLite" if kind == "sqlite" else "PostgreSQL",
            "scenario": scenario,
            "acknowledged": len(acknowledged),
            "seconds": seconds,
            "rate": rate,
            "bare": bare,
            "lost": lost,
            "duplicated": duplicated,
            "unacknowledged": extra,
            "requests per second": stats["requests"] / seconds,
            "503": stats[503],
            "connection errors": stats["connection"],
        }


def describe(result):
    line = (
        f"{result['database']:<10} {result['scenario']:<8} "
        f"{result['acknowledged']:,} acknowledged in {result['seconds']:.0f} s, "
        f"{result['rate']:.1f} responses/s; lost {result['lost']}, "
        f"duplicated {result['duplicated']}, stored unacknowledged {result['unacknowledged']}"
    )
    if result["bare"]:
        line += (
            f"; bare insert {result['bare']:.0f}/s, ratio {result['rate'] / result['bare']:.3f} "
            f"(requests: {result['requests per second']:.0f}/s, ratio "
            f"{result['requests per second'] / result['bare']:.2f})"
        )
    if result["503"] or result["connection errors"]:
        line += f"; 503 pages {result['503']}, refused connections {result['connection errors']}"
    return line


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("responses", nargs="?", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--scenarios", default="load,kill,restart")
    arguments = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in arguments.databases.split(","):
            if kind == "postgresql" and not os.environ.get("TEST_DATABASE_URL"):
                print("PostgreSQL: TEST_DATABASE_URL is not set, skipped")
                continue
            for scenario in arguments.scenarios.split(","):
                if scenario == "restart" and kind != "postgresql":
                    continue
                if scenario == "restart" and not can_restart_postgresql():
                    print("PostgreSQL restart: needs root and pg_ctlcluster here, skipped")
                    continue
                result = run(kind, scenario, arguments.responses, arguments.clients, folder)
                print(describe(result), flush=True)
                results.append(result)
    return results


if __name__ == "__main__":
    main()
