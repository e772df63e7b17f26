"""Rate limits that hold no address: in memory by default, in Redis across processes."""

import os

import pytest

from consult import create_app
from consult.demo.operations import create_demo_round
from consult.extensions import db
from consult.networks.operations import ensure_member_networks

from .conftest import csrf_token, make_test_config

ADDRESS = "203.0.113.9"


def redis_url_or_skip():
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    import redis

    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {url} is unreachable: {error}")
        pytest.skip(f"Redis at {url} is unreachable: {error}")
    return url


def limited_app(tmp_path, storage):
    app = create_app(
        make_test_config(
            f"sqlite:///{tmp_path / 'limits.sqlite'}",
            {},
            RATELIMIT_ENABLED=True,
            RATELIMIT_STORAGE_URI=storage,
        )
    )
    with app.app_context():
        db.create_all()
        ensure_member_networks()
        create_demo_round()
    return app


def start_many(app, times):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = ADDRESS
    statuses = []
    for _ in range(times):
        client.delete_cookie("consult")
        welcome = client.get("/c/priorities-2027/")
        statuses.append(
            client.post("/c/priorities-2027/start", data={"csrf_token": csrf_token(welcome.text)})
        )
    return statuses


def test_too_many_starts_from_one_connection_get_a_friendly_429(tmp_path):
    app = limited_app(tmp_path, "memory://")
    responses = start_many(app, 31)
    assert [r.status_code for r in responses[:30]] == [302] * 30
    assert responses[30].status_code == 429
    assert "Too many tries from this connection" in responses[30].text


def test_redis_counters_hold_no_address(tmp_path):
    url = redis_url_or_skip()
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    app = limited_app(tmp_path, url)
    start_many(app, 3)
    keys = [key.decode() for key in client.keys("*")]
    assert any("respond.start" in key for key in keys), keys
    for key in keys:
        assert ADDRESS not in key
        value = client.get(key) if client.type(key) == b"string" else b""
        assert ADDRESS.encode() not in (value or b"")
    client.flushdb()


def test_saving_for_later_is_limited_like_starting(tmp_path):
    """Each "Save and finish later" makes a resume code: 30 an hour from one connection,
    then a friendly 429, and no 31st code. Moving between pages goes on."""
    from sqlalchemy import func, select

    from consult.respond.models import Draft

    app = limited_app(tmp_path, "memory://")
    (started,) = start_many(app, 1)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = ADDRESS
    client.set_cookie("consult", started.headers["Set-Cookie"].split(";")[0].split("=", 1)[1])
    statuses = []
    for _ in range(31):
        page = client.get("/c/priorities-2027/1")
        statuses.append(
            client.post(
                "/c/priorities-2027/1",
                data={"move": "save", "csrf_token": csrf_token(page.text)},
            )
        )
    assert [r.status_code for r in statuses[:30]] == [302] * 30
    assert statuses[30].status_code == 429
    assert "Too many tries from this connection" in statuses[30].text
    page = client.get("/c/priorities-2027/1")
    moved = client.post(
        "/c/priorities-2027/1", data={"move": "back", "csrf_token": csrf_token(page.text)}
    )
    assert moved.status_code == 302
    with app.app_context():
        codes = db.session.scalar(select(func.count()).where(Draft.resume_hash.is_not(None)))
    assert codes == 1  # each save replaces the draft's code; the 31st made none
