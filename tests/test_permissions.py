"""Every route, for every kind of visitor: a new route without an entry here fails."""

import re

import pytest

from consult import create_app

from .conftest import make_test_config

ANONYMOUS = "anonymous"  # members answer without an account, as anonymous visitors
STAFF = ("admin", "designer", "translator", "reviewer")
EVERYONE = (ANONYMOUS, *STAFF)

#: endpoint → who may use it.
ACCESS = {
    "static": EVERYONE,
    "respond.home": EVERYONE,
    "respond.welcome": EVERYONE,
    "respond.start": EVERYONE,
    "respond.page": EVERYONE,
    "respond.review": EVERYONE,
    "respond.thanks": EVERYONE,
    "respond.saved": EVERYONE,
    "respond.resume": EVERYONE,
    "accounts.login": EVERYONE,
    "accounts.logout": STAFF,
    "accounts.profile": STAFF,
    # The code step of a login: a visitor who has not given a password first is sent to log
    # in, as for a staff page; staff already logged in go to the staff home.
    "accounts.login_code": STAFF,
    "accounts.two_factor": STAFF,
    "accounts.turn_off_two_factor": STAFF,
    "accounts.replace_recovery_codes": STAFF,
    "accounts.audit_log": ("admin",),
    "staff.home": STAFF,
    "design.new_round": ("admin", "designer"),
    "design.import_file": ("admin", "designer"),
    "design.blocks": ("admin", "designer"),
    "design.delete_block_view": ("admin", "designer"),
    "design.insert_block_view": ("admin", "designer"),
    "design.save_block_view": ("admin", "designer"),
    "design.overview": ("admin", "designer"),
    "design.settings": ("admin", "designer"),
    "design.status": ("admin", "designer"),
    "design.copy": ("admin", "designer"),
    "design.export_json": ("admin", "designer"),
    "design.export_xlsform": ("admin", "designer"),
    "design.history": ("admin", "designer"),
    "design.preview": ("admin", "designer"),
    "design.new_section": ("admin", "designer"),
    "design.edit_section": ("admin", "designer"),
    "design.section_action": ("admin", "designer"),
    "design.new_question": ("admin", "designer"),
    "design.edit_question": ("admin", "designer"),
    "design.question_action": ("admin", "designer"),
    "review.results": ("admin", "reviewer"),
    "review.question": ("admin", "reviewer"),
    "review.reach": ("admin", "designer"),
    "review.publish": ("admin", "designer"),
    "review.public_results": EVERYONE,
    "review.compare": ("admin", "reviewer"),
    "review.dashboard": ("admin", "reviewer"),
    "review.about_figures": STAFF,
    "review.export_results": ("admin", "reviewer"),
    # Protected microdata: admins only, with a purpose (tests/test_microdata.py).
    "review.microdata_form": ("admin",),
    "review.export_responses": ("admin",),
    "access.network_codes": ("admin", "designer"),
    "access.invitations": ("admin", "designer"),
    "review.texts": ("admin", "reviewer"),
    "translate.mine": ("admin", "designer", "translator"),
    # A translator opens an editor only for a round and language given to them
    # (tests/test_translate.py); the translator of this test has none.
    "translate.editor": ("admin", "designer"),
    "translate.export_file": ("admin", "designer"),
    "translate.import_file": ("admin", "designer"),
    "translate.assign": ("admin", "designer"),
    "translate.unassign": ("admin", "designer"),
    # Coding written answers and the brief read answers: reviewers; so do codebooks.
    "themes.overview": ("admin", "reviewer"),
    "themes.job": ("admin", "reviewer"),
    "themes.coding_page": ("admin", "reviewer"),
    "themes.code_answer": ("admin", "reviewer"),
    "themes.quotes": ("admin", "reviewer"),
    "themes.emergent": ("admin", "reviewer"),
    "themes.adopt": ("admin", "reviewer"),
    "themes.results": ("admin", "reviewer"),
    "themes.agreement": ("admin", "reviewer"),
    "themes.brief": ("admin", "reviewer"),
    "themes.brief_markdown": ("admin", "reviewer"),
    "themes.brief_json": ("admin", "reviewer"),
    "themes.brief_choices": ("admin", "reviewer"),
    "codebooks.index": ("admin", "reviewer"),
    "codebooks.seed": ("admin", "reviewer"),
    "codebooks.upload": ("admin", "reviewer"),
    "codebooks.view": ("admin", "reviewer"),
    "codebooks.export": ("admin", "reviewer"),
    "codebooks.add_theme": ("admin", "reviewer"),
    "codebooks.theme": ("admin", "reviewer"),
    # Deleting a round's responses for good (retention): admins only.
    "maintenance.delete_responses": ("admin",),
}
ARGUMENTS = {
    "slug": "priorities-2027",
    "number": 1,
    "filename": "consult.css",
    "section_id": 1,
    "question_id": 1,
    "action": "duplicate",
    "block_id": 1,
    "language": "fr",
    "assignment_id": 1,
    "format_": "po",
    "code": "one_change",
    "job_id": 1,
    "reference": "not-an-answer",
    "index": 0,
    "theme_code": "police",
    "fmt": "json",
}


def routes():
    app = create_app(make_test_config("sqlite://", {}))
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, rule.rule, method


ROUTES = list(routes())


def test_every_route_has_an_entry():
    missing = {endpoint for endpoint, _, _ in ROUTES} - set(ACCESS)
    assert not missing, f"routes without a permission entry: {sorted(missing)}"


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(("endpoint", "rule", "method"), ROUTES)
def test_access(app, client, auth, demo_round, role, endpoint, rule, method):
    app.config["WTF_CSRF_ENABLED"] = False  # this module checks roles; CSRF is tested elsewhere
    if role != ANONYMOUS:
        auth.login(role)
    path = re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda m: str(ARGUMENTS[m.group(1)]), rule)
    response = client.open(path, method=method)
    response.close()  # a file response (static) holds the file open until closed
    allowed = role in ACCESS[endpoint]
    if allowed:
        assert response.status_code not in (401, 403), (role, method, path)
        assert "/staff/login" not in response.headers.get("Location", "") or (
            endpoint == "accounts.logout"
        )
    elif role == ANONYMOUS:
        assert response.status_code == 302, (role, method, path)
        assert "/staff/login" in response.headers["Location"]
    else:
        assert response.status_code == 403, (role, method, path)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_every_page_carries_the_security_headers(app, client, auth, demo_round):
    """The CSP allows nothing from another host and no inline script, on every route."""
    auth.login("admin")
    for _, rule, method in ROUTES:
        if method != "GET":
            continue
        path = re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda m: str(ARGUMENTS[m.group(1)]), rule)
        response = client.get(path)
        response.close()
        headers = response.headers
        csp = headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert headers.get("Referrer-Policy") == "no-referrer", path
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert "geolocation=()" in headers.get("Permissions-Policy", ""), path
