"""Shared steps of the portal-data tests: signing in and posting forms as a browser would."""

from __future__ import annotations

import re

from tests.conftest import csrf_token
from tests.factories import PASSWORD, base_url

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


def sign_in(client, tenant, user) -> None:
    page = client.get("/login", base_url=base_url(tenant))
    response = client.post("/login", base_url=base_url(tenant), data={
        "csrf_token": csrf_token(page.text), "email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.text


def post_form(client, tenant, url: str, data: dict, form_url: str | None = None, **kwargs):
    """GET the form (for its CSRF token), then POST `data` to `url`."""
    page = client.get(form_url or url, base_url=base_url(tenant))
    assert page.status_code == 200, page.status_code
    return client.post(url, base_url=base_url(tenant), data={"csrf_token": csrf_token(page.text), **data},
                       **kwargs)


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))
