"""Steps every test folder takes as a browser (or the worker) would: one implementation each.

Signing in and posting a form go through the real pages, CSRF token and all; queued jobs run on
the real Redis queue. Browser tests sign in through Playwright instead (`tests/e2e/conftest.py`).
"""

from __future__ import annotations

import io
import re

from tests.factories import PASSWORD, base_url

CSRF_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


def csrf_token(html: str) -> str:
    """The CSRF token of the first form on the page, whatever the attribute order."""
    field = CSRF_INPUT.search(html)
    assert field, "the page has no CSRF token"
    return VALUE.search(field.group(0)).group(1)


def portal_url(portal) -> str:
    """`http://<host>` of a portal given as a tenant or as a bare host name."""
    return f"http://{portal}" if isinstance(portal, str) else base_url(portal)


def sign_in(client, portal, who, password: str = PASSWORD, *, prefix: str = "", expect: int | None = 302):
    """Sign in through the form of `portal` (a tenant or a host) as `who` (a user or an email).

    Returns the answer. Unless `expect` is None, asserts its status: by default the redirect a
    successful sign-in answers with; tests of signing in itself pass `expect=None` and look.
    """
    url = portal_url(portal)
    email = who if isinstance(who, str) else who.email
    form = client.get(f"{prefix}/login", base_url=url)
    response = client.post(
        f"{prefix}/login",
        base_url=url,
        data={"csrf_token": csrf_token(form.text), "email": email, "password": password},
    )
    if expect is not None:
        assert response.status_code == expect, response.text
    return response


def post_form(
    client, tenant, url: str, data: dict, files: dict | None = None, *, form_url: str | None = None, **kwargs
):
    """GET the form (`form_url`, by default `url` itself) for its CSRF token, then POST `data` to `url`.

    `files` maps a field to `(content, filename)` and makes the request multipart; other keyword
    arguments go to the test client's `post` (`follow_redirects`, `content_type`, …).
    """
    page = client.get(form_url or url, base_url=base_url(tenant))
    assert page.status_code == 200, page.status_code
    payload = {**data, "csrf_token": csrf_token(page.text)}
    for name, (content, filename) in (files or {}).items():
        payload[name] = (io.BytesIO(content), filename)
    if files:
        kwargs.setdefault("content_type", "multipart/form-data")
    return client.post(url, base_url=base_url(tenant), data=payload, **kwargs)


def run_jobs() -> None:
    """Run every queued job as the worker would, then return (inside the test's app context)."""
    from rq import SimpleWorker

    from workers.queue import get_queue

    queue = get_queue()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))
