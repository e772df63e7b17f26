"""Lighthouse (mobile) accessibility and best-practices scores of every member page of the
demo round, in English and Arabic, served as `make run` serves it, audited in Debian's
Chromium.

    .venv/bin/python bench/lighthouse.py [en ar ...]

Lighthouse is a Node program, pinned in bench/lighthouse/package-lock.json and installed
there with `npm ci` on first use (npm's registry is the only download). Pages past the
welcome page need a member's session: the script starts a draft over HTTP and gives
Lighthouse its cookie. Prints one line per page, and exits 1 if a score is under 100.
"""

import http.cookiejar
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consult import create_app  # noqa: E402
from consult.demo.operations import create_demo_round  # noqa: E402
from consult.extensions import db  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices")
SLUG = "priorities-2027"


def install_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(  # noqa: S603 (npm from the PATH, as a developer runs it)
            [shutil.which("npm") or "npm", "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=LIGHTHOUSE.parent.parent.parent,
            check=True,
        )


def serve_demo(folder):
    app = create_app(
        {
            "SECRET_KEY": "bench-" + "x" * 26,
            "ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/lighthouse.sqlite",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        create_demo_round()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def member_cookie(base, language):
    """A member's session cookie with a draft, as after pressing Start."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    welcome = opener.open(f"{base}/c/{SLUG}/?lang={language}").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', welcome).group(1)
    opener.open(f"{base}/c/{SLUG}/start", data=f"csrf_token={token}".encode())
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def audit(url, cookie=None):
    """{category: score 0-100, "failed": [audit ids under 1]} for one page."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={chromium}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    report = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scored = {ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]}
    scores["failed"] = sorted(
        audit_id
        for audit_id, result in report["audits"].items()
        if audit_id in scored and result["score"] is not None and result["score"] < 1
    )
    return scores


def main(languages):
    install_lighthouse()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    lowest = 100
    with tempfile.TemporaryDirectory() as folder:
        server, base = serve_demo(folder)
        for language in languages:
            cookie = member_cookie(base, language)
            pages = [("home", f"/?lang={language}", None), ("welcome", f"/c/{SLUG}/", cookie)]
            pages += [(f"page {n}", f"/c/{SLUG}/{n}", cookie) for n in range(1, 5)]
            pages += [("review", f"/c/{SLUG}/review", cookie)]
            pages += [(name, f"/c/{SLUG}/{name}", cookie) for name in ("resume", "thanks")]
            for name, path, page_cookie in pages:
                scores = audit(base + path, page_cookie)
                lowest = min(lowest, *(scores[c] for c in CATEGORIES))
                print(
                    f"{language}  {name:<8} accessibility {scores['accessibility']:3d}  "
                    f"best practices {scores['best-practices']:3d}"
                    + (f"  below 1: {', '.join(scores['failed'])}" if scores["failed"] else "")
                )
        server.shutdown()
    return 0 if lowest == 100 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["en", "ar"]))
