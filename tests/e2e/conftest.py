"""Browser tests: Debian's Chromium driven by Playwright against a live server.

The live server runs in a thread of the test process, single-threaded, on the test's own
database connection (so it sees what the test set up, and the test's rollback cleans up after
it). Screenshots go to `tests/artifacts/` for a person to look at.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app.extensions import db
from tests.support import current_totp

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Waits are for a page or an element that is on its way; a step that fails says so in seconds.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, (
        "Debian's chromium package is needed: `make test` installs it (apt-get install chromium)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def portal(live_server):
    """`portal(tenant, path)`: the URL of a page, after committing what the test set up."""

    def url(tenant, path: str = "/") -> str:
        db.session.commit()
        return f"http://{tenant.primary_host}:{live_server}{path}"

    return url


def _context(browser, **options):
    """A browser context (a person's own cookies) that waits as long as the suite allows."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def phone(browser):
    """A page the size of a small phone (360 px wide), as the deputy head uses."""
    context = _context(browser, viewport={"width": 360, "height": 740}, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture
def laptop(browser):
    """A page the size of an office laptop (1280 px wide), as a part-time collaborator uses."""
    context = _context(browser, viewport={"width": 1280, "height": 800}, accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_page(browser):
    """`new_page(width)`: another person's browser (its own cookies), closed after the test."""
    contexts = []

    def make(width: int = 360, height: int = 740):
        context = _context(browser, viewport={"width": width, "height": height}, accept_downloads=True)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, url: str, email: str, password: str) -> None:
    """Sign in through the form, as a person would, and wait for the back office. Approvers,
    board heads and administrators then type the code their authenticator app shows."""
    page.goto(url)
    page.get_by_label("Thư điện tử").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda u: "/admin/" in u or "/login/two-factor" in u)
    if "/login/two-factor" in page.url:
        page.get_by_label("Mã xác thực").fill(current_totp(email))
        page.get_by_role("button", name="Xác nhận").click()
        page.wait_for_url("**/admin/**")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
