"""Driving Debian's Chromium from the tests: a live server on the demo round, the browser,
and screenshots written to test-artifacts/ for a person to look at."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from consult import create_app
from consult.demo.operations import create_demo_round
from consult.extensions import db

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def screenshot(page, name, **options):
    """Write a screenshot to test-artifacts/. Chromium sometimes cannot capture one on a
    busy machine ("Unable to capture screenshot"): try again, three times at most."""
    from playwright.sync_api import Error

    ARTIFACTS.mkdir(exist_ok=True)
    for attempt in range(3):
        try:
            return page.screenshot(path=str(ARTIFACTS / name), **options)
        except Error as error:
            if "Unable to capture screenshot" not in str(error) or attempt == 2:
                raise
            page.wait_for_timeout(500)


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Debian's chromium is not installed: run 'apt-get install chromium'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def neutral_site(environ, start_response):
    """Where the quick exit leaves for, answered by the tests rather than the network."""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [b"<!doctype html><title>A search site</title><p>A search site</p>"]


def serve(wsgi_app):
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    # Polled every 50 ms rather than 500 ms: shutdown() waits for the next poll.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def live_server(tmp_path):
    """(app, base URL) of the demo round, served; the quick exit leaves for another origin,
    ``app.config["QUICK_EXIT_URL"]``."""
    from .conftest import make_test_config  # conftest imports this module's fixtures

    app = create_app(make_test_config(f"sqlite:///{tmp_path / 'browser.sqlite'}", {}))
    with app.app_context():
        db.create_all()
        create_demo_round()
    neutral, neutral_thread, neutral_url = serve(neutral_site)
    app.config["QUICK_EXIT_URL"] = neutral_url + "/"
    server, thread, base = serve(app)
    yield app, base
    for running, running_thread in ((server, thread), (neutral, neutral_thread)):
        running.shutdown()
        running_thread.join()
    with app.app_context():
        db.engine.dispose()


class Chromium:
    """One Chromium for a test module, launched again if it went away (a crash in one test
    is that test's failure, not the next one's)."""

    def __init__(self, playwright):
        self._playwright = playwright
        self._browser = None

    def get(self):
        if self._browser is None or not self._browser.is_connected():
            self._browser = self._playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
        return self._browser

    def close(self):
        if self._browser is not None and self._browser.is_connected():
            self._browser.close()


@pytest.fixture(scope="module")
def chromium():
    """Chromium, launched once for the module's tests (a launch takes about a second)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = Chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture
def browser(chromium):
    """The module's Chromium with no context open: each test makes its own contexts (no
    cookies, storage or cache shared with another test's), closed when the test ends."""
    browser = chromium.get()
    assert not browser.contexts, "a context left open by an earlier test"
    yield browser
    for context in browser.contexts:
        context.close()


def new_page(browser, javascript=False, width=360, height=640, scale=1):
    """A page of a new browser context (no cookies), a phone's size unless told; a slow
    machine gets 30 s for each step."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=scale,
        java_script_enabled=javascript,
    )
    context.set_default_timeout(30_000)
    return context.new_page()
