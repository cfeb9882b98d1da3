"""Requests an attacker (or a broken client) sends: oversized bodies, hostile URLs and fields.

Each gets a clear 4xx on the portal's themed, translated error page, never a 500.
"""

import pytest

from tests.factories import base_url, make_tenant, make_user
from tests.support import sign_in


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


def test_back_office_pages_and_exports_are_never_cached(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    url = base_url(ward)
    assert "no-store" not in client.get("/", base_url=url).headers.get("Cache-Control", "")
    assert client.get("/admin/", base_url=url).headers["Cache-Control"] == "no-store"  # the redirect too
    sign_in(client, ward, editor)
    for path in ("/admin/", "/en/admin/", "/admin/royalties/export.csv", "/admin/royalties/export.xlsx"):
        response = client.get(path, base_url=url)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path


def test_hsts_only_over_https(client, ward):
    host = base_url(ward).removeprefix("http://")
    assert "Strict-Transport-Security" not in client.get("/", base_url=f"http://{host}").headers
    secure = client.get("/", base_url=f"https://{host}")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
