"""The browser fixtures of tests/e2e (Chromium, a live server, a 360 px phone) for test_browser.py."""

from tests.e2e.conftest import browser, live_server, new_page, phone, portal  # noqa: F401
