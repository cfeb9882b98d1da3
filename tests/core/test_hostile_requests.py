"""Requests an attacker (or a broken client) sends: oversized bodies, hostile URLs and fields.

Each gets a clear 4xx on the portal's themed, translated error page, never a 500.
"""

import pytest

from tests.factories import base_url, make_tenant


@pytest.fixture
def ward():
    return make_tenant(name_vi="Phường Thắng Tam")


def test_a_body_over_the_limit_is_refused_with_a_themed_413(client, app, ward):
    oversized = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    page = client.post(
        "/login", base_url=base_url(ward), data=oversized, content_type="application/x-www-form-urlencoded"
    )
    assert page.status_code == 413
    assert "Tệp quá lớn" in page.text and "Phường Thắng Tam" in page.text
    english = client.post(
        "/en/login", base_url=base_url(ward), data=oversized, content_type="application/x-www-form-urlencoded"
    )
    assert english.status_code == 413 and "File too large" in english.text
