"""Every route, for every kind of visitor: a new route without an entry here fails, and a
page a visitor may open must answer as it would for them (no 404 or 500 passing as
"allowed").

One app and one demo database serve the whole matrix: each case starts from a copy of the
same SQLite file, so what one case changes (a round opened, responses deleted) never reaches
another, without building an app and a round for each of its several hundred cases."""

import re
import shutil

import pytest

from consult import create_app
from consult.accounts.operations import create_user
from consult.demo.operations import create_demo_round
from consult.extensions import db
from consult.networks.operations import ensure_member_networks
from consult.themes.jobs import wait_for_all as wait_for_theme_jobs
from consult.themes.operations import seed_starter_codebook

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
    "respond.leave": EVERYONE,
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
    "address": "priorities-2027",
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


#: An allowed page answers 200, or redirects (302/303) elsewhere than the login page; these
#: answer otherwise for a reason of this test's data, not of the visitor's role.
EXPECTED = {
    # Results are published to members only after the round closes; the demo round is open.
    ("review.public_results", "GET"): 404,
    # No theme job, question block or emergent theme group numbered 1 (or 0) exists here,
    # and "not-an-answer" is no answer's reference.
    ("themes.job", "GET"): 404,
    ("design.delete_block_view", "POST"): 404,
    ("design.insert_block_view", "POST"): 404,
    ("themes.adopt", "POST"): 404,
    ("themes.code_answer", "POST"): 404,
    ("themes.quotes", "POST"): 404,
    ("themes.agreement", "POST"): 404,  # an answer outside the double-coding sample
    # A form or file the request does not carry.
    ("codebooks.upload", "POST"): 400,
    ("codebooks.add_theme", "POST"): 400,
    ("review.export_responses", "POST"): 400,  # no purpose given: the form again
}

PASSWORD = "a long enough password"


def routes():
    app = create_app(make_test_config("sqlite://", {}))
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, rule.rule, method


ROUTES = list(routes())


#: Arguments that differ from ARGUMENTS for some routes.
ARGUMENTS_FOR = {
    "codebooks": {"code": "starter"},
    "review.export_results": {"format_": "csv"},
    "review.export_responses": {"format_": "csv"},
}


def path_of(endpoint, rule):
    arguments = {
        **ARGUMENTS,
        **ARGUMENTS_FOR.get(endpoint.split(".")[0], {}),
        **ARGUMENTS_FOR.get(endpoint, {}),
    }
    return re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda m: str(arguments[m.group(1)]), rule)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """(app, template database file, working database file), with the demo round and one
    account per role in the template."""
    folder = tmp_path_factory.mktemp("permissions")
    template, working = folder / "template.sqlite", folder / "working.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        (folder / "instance").mkdir()
        patch.setenv("CONSULT_INSTANCE_PATH", str(folder / "instance"))
        # This module checks roles; CSRF is tested elsewhere.
        app = create_app(make_test_config(f"sqlite:///{working}", {}, WTF_CSRF_ENABLED=False))
    with app.app_context():
        db.create_all()
        ensure_member_networks()
        # The demo round coded against the starter codebook, so its brief and codebook
        # pages have something to show.
        create_demo_round().codebook = seed_starter_codebook()
        db.session.commit()
        for role in STAFF:
            create_user(f"{role}@example.org", PASSWORD, role)
        db.session.remove()
        db.engine.dispose()
    shutil.copyfile(working, template)
    return app, template, working


def fresh_client(matrix, role):
    """A client of the app on a fresh copy of the template, logged in as ``role``."""
    app, template, working = matrix
    wait_for_theme_jobs()  # a job a case started must not write into the next case's copy
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    for suffix in ("-wal", "-shm"):
        working.with_name(working.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, working)
    client = app.test_client()
    if role != ANONYMOUS:
        login = client.post(
            "/staff/login", data={"email": f"{role}@example.org", "password": PASSWORD}
        )
        assert login.status_code == 302 and "/staff/login" not in login.headers["Location"]
    return client


def test_every_route_has_an_entry():
    missing = {endpoint for endpoint, _, _ in ROUTES} - set(ACCESS)
    assert not missing, f"routes without a permission entry: {sorted(missing)}"


def test_every_expected_answer_names_a_route():
    assert set(EXPECTED) <= {(endpoint, method) for endpoint, _, method in ROUTES}


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(("endpoint", "rule", "method"), ROUTES)
def test_access(matrix, role, endpoint, rule, method):
    client = fresh_client(matrix, role)
    path = path_of(endpoint, rule)
    response = client.open(path, method=method)
    response.close()  # a file response (static) holds the file open until closed
    status, location = response.status_code, response.headers.get("Location", "")
    if role in ACCESS[endpoint]:
        expected = EXPECTED.get((endpoint, method))
        if expected is not None:
            assert status == expected, (role, method, path, status)
        else:
            assert status in (200, 302, 303), (role, method, path, status)
            assert "/staff/login" not in location or endpoint == "accounts.logout"
    elif role == ANONYMOUS:
        assert status == 302, (role, method, path)
        assert "/staff/login" in location
    else:
        assert status == 403, (role, method, path)


def test_every_page_carries_the_security_headers(matrix):
    """The CSP allows nothing from another host and no inline script, on every route."""
    client = fresh_client(matrix, "admin")
    for endpoint, rule, method in ROUTES:
        if method != "GET":
            continue
        path = path_of(endpoint, rule)
        response = client.get(path)
        response.close()
        headers = response.headers
        csp = headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert headers.get("Referrer-Policy") == "no-referrer", path
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert "geolocation=()" in headers.get("Permissions-Policy", ""), path
