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
    step = response.headers.get("Location", "") if response.status_code == 302 else ""
    if step.endswith("/login/two-factor"):
        response = post_code(client, url, step, current_totp(email))
    elif step.endswith("/login/enrol"):
        response = enrol(client, url, step)
    if expect is not None:
        assert response.status_code == expect, response.text
    return response


def signed_in_browser(app, portal, who):
    """Another person's browser: a new test client of `app`, signed in at `portal` as `who`."""
    browser = app.test_client()
    sign_in(browser, portal, who)
    return browser


TOTP_SECRET = re.compile(r'<code id="totp-secret">([A-Z2-7]+)</code>')


def current_totp(email: str) -> str:
    """The code the authenticator app of `email` shows now (its secret read from the database)."""
    import pyotp

    from app.extensions import db
    from blueprints.auth.services import find_user

    user = find_user(email)
    db.session.refresh(user)
    return pyotp.TOTP(user.totp_secret).now()


def post_code(client, url: str, path: str, code: str):
    """Answer the second step of a sign-in (or an enrolment) with `code`."""
    page = client.get(path, base_url=url)
    return client.post(path, base_url=url, data={"csrf_token": csrf_token(page.text), "code": code})


def enrol(client, url: str, path: str = "/login/enrol"):
    """Enrol in two-factor sign-in as a person would: read the key the page shows, answer with the
    code an app holding it would show. Answers the page of recovery codes (the person is signed in)."""
    import pyotp

    page = client.get(path, base_url=url)
    secret = TOTP_SECRET.search(page.text).group(1)
    answer = client.post(
        path, base_url=url, data={"csrf_token": csrf_token(page.text), "code": pyotp.TOTP(secret).now()}
    )
    assert answer.status_code == 200 and "recovery-codes" in answer.text, answer.text
    return answer


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
