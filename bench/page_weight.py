"""Print the gzip-compressed size of every member page of the demo round, with the
stylesheet and script each page loads, in English and in Arabic.

    .venv/bin/python bench/page_weight.py
"""

import gzip
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consult import create_app  # noqa: E402
from consult.demo.operations import create_demo_round  # noqa: E402
from consult.extensions import db  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def compressed(data):
    return len(gzip.compress(data, compresslevel=6))


def member_pages(client, language):
    """(name, response) for every member page, answering as a member would."""
    slug = "priorities-2027"
    yield "home", client.get(f"/?lang={language}")
    welcome = client.get(f"/c/{slug}/?lang={language}")
    yield "welcome", welcome
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', welcome.text).group(1)
    client.post(f"/c/{slug}/start", data={"csrf_token": token})
    for number in range(1, 5):
        yield f"page {number}", client.get(f"/c/{slug}/{number}")
    yield "review", client.get(f"/c/{slug}/review")
    yield "resume", client.get(f"/c/{slug}/resume")
    yield "thanks", client.get(f"/c/{slug}/thanks")
    client.get("/exit")
    yield "neutral", client.get(f"/c/{slug}/")


def asset_size(client, path):
    response = client.get(path)
    try:
        return compressed(response.data)
    finally:
        response.close()  # a static file stays open until its response is closed


def weights(app, language):
    client = app.test_client()
    rows = []
    for name, response in member_pages(client, language):
        html = response.data
        assets = sum(asset_size(client, path) for path in ASSET.findall(response.text))
        rows.append((name, compressed(html), assets))
    return rows


def main():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SECRET_KEY": "bench-" + "x" * 26,
                "ENV": "testing",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/weight.sqlite",
            }
        )
        with app.app_context():
            db.create_all()
            create_demo_round()
        for language in ("en", "ar"):
            for name, html, assets in weights(app, language):
                print(
                    f"{language}  {name:<8} html {html:6,d} B  css+js {assets:6,d} B  "
                    f"total {html + assets:6,d} B (gzip)"
                )


if __name__ == "__main__":
    main()
