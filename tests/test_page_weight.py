"""Light pages (docs/ARCHITECTURE.md, "Invariants"): byte counts are deterministic, so the
budget is a test. The demo round's first page, HTML plus CSS plus script, fits in 14 KB
gzip-compressed (the first round trip of a new connection); every member page in 20 KB."""

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
