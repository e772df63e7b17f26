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
    "accounts.login": EVERYONE,
    "accounts.logout": STAFF,
    "staff.home": STAFF,
    "design.overview": ("admin", "designer"),
    "design.status": ("admin", "designer"),
    "review.results": ("admin", "reviewer"),
}
ARGUMENTS = {"slug": "priorities-2027", "number": 1, "filename": "consult.css"}


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
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ARGUMENTS[m.group(1)]), rule)
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
