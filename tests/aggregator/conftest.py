"""The browser test here uses the e2e fixtures (Chromium, the live server sharing the test's
transaction)."""

from tests.e2e.conftest import browser, laptop, live_server, new_page, portal  # noqa: F401
