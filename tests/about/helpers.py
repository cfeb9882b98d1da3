"""Helpers shared by the tests of the introduction, documents and schedule."""

from __future__ import annotations

import io
import re

from tests.conftest import csrf_token
from tests.factories import PASSWORD, base_url


def sign_in(client, tenant, user) -> None:
    page = client.get("/login", base_url=base_url(tenant))
    response = client.post("/login", base_url=base_url(tenant), data={
        "email": user.email, "password": PASSWORD, "csrf_token": csrf_token(page.text)})
    assert response.status_code == 302, response.text


def post_form(client, tenant, url, data, files=None):
    """GET the form for its CSRF token, then POST it (multipart when files are given)."""
    page = client.get(url, base_url=base_url(tenant))
    assert page.status_code == 200, page.status_code
    payload = dict(data, csrf_token=csrf_token(page.text))
    for name, (content, filename) in (files or {}).items():
        payload[name] = (io.BytesIO(content), filename)
    return client.post(url, base_url=base_url(tenant), data=payload,
                       content_type="multipart/form-data" if files else None)


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
