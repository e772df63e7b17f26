"""Light pages (docs/ARCHITECTURE.md, "Invariants"): byte counts are deterministic, so the
budget is a test. The demo round's first page, HTML plus CSS plus script, fits in 14 KB
gzip-compressed (the first round trip of a new connection); every member page in 20 KB."""

from pathlib import Path

import pytest

from bench.page_weight import weights


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_pages_stay_within_the_budget(app, demo_round, language):
    rows = weights(app, language)
    assert [name for name, _, _ in rows][:3] == ["home", "welcome", "page 1"]
    for name, html, assets in rows:
        limit = 14 * 1024 if name == "welcome" else 20 * 1024
        assert html + assets <= limit, (name, html, assets)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_published_results_with_their_findings_stay_within_the_budget(
    app, demo_round, language
):
    """ "You said": the members' results page of the demo round, every question published
    and led by the findings, HTML plus CSS plus script, in 20 KB."""
    from sqlalchemy import select

    from bench.page_weight import ASSET, asset_size, compressed
    from consult.demo.operations import add_synthetic_responses
    from consult.design.models import Round
    from consult.extensions import db
    from consult.review.operations import set_publication

    with app.test_request_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        add_synthetic_responses(round_, 300, released=True)
        codes = [q.code for q in round_.questions if q.kind != "info"]
        set_publication(round_, True, codes, findings=True)
        round_.status = "closed"
        db.session.commit()
    client = app.test_client()
    page = client.get(f"/c/{demo_round}/results?lang={language}")
    assert page.status_code == 200 and 'class="findings"' in page.text
    assets = sum(asset_size(client, path) for path in ASSET.findall(page.text))
    assert compressed(page.data) + assets <= 20 * 1024, (compressed(page.data), assets)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_members_never_load_the_staff_stylesheet(app, client, auth, demo_round):
    """The builder's, translators' and reviewers' rules are in staff.css, linked under
    /staff/ only: a member's page carries none of their bytes."""
    from bench.page_weight import ASSET, member_pages

    member = app.test_client()
    for name, response in member_pages(member, "en"):
        assert "/static/staff.css" not in ASSET.findall(response.text), name
    auth.login("designer")
    overview = client.get(f"/staff/rounds/{demo_round}/").text
    assert "/static/staff.css" in ASSET.findall(overview)
    static = Path(__file__).parent.parent / "consult" / "static"
    assert ".quick-add" in (static / "staff.css").read_text()
    assert ".quick-add" not in (static / "consult.css").read_text()
