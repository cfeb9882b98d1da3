"""The sign-in locks count what sign-in checks; sessions end at sign-out and at a new password;
reset links leak nothing of the password hash and keep the portal's port."""

import base64
import json
import re

import pytest

from app import mail
from tests.conftest import PortalClient, make_app
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, run_jobs, sign_in, signed_in_browser

WRONG = "not the password at all"


@pytest.fixture
def ward():
    return make_tenant()


def _fail(client, portal, email, times, **kwargs):
    for _ in range(times):
        sign_in(client, portal, email, password=WRONG, expect=None, **kwargs)


def test_a_full_width_letter_counts_against_the_same_account(client, app, ward):
    editor = make_user(roles={ward: ["editor"]}, email="bien-tap@example.org")
    lookalike = "bien-tap@\uff45xample.org"  # a full-width "e": sign-in finds the same account
    _fail(client, ward, lookalike, app.config["LOGIN_MAX_FAILURES"])
    assert sign_in(client, ward, editor.email, expect=None).status_code == 429


def test_a_platform_administrators_failures_count_on_every_portal(client, app, ward):
    admin = make_user(platform_admin=True)
    other = make_tenant()
    _fail(client, ward, admin.email, app.config["LOGIN_MAX_FAILURES"])
    assert sign_in(client, other, admin.email, expect=None).status_code == 429


def test_a_members_failures_stay_on_their_portal(client, app, ward):
    other = make_tenant()
    editor = make_user(roles={ward: ["editor"], other: ["editor"]})
    _fail(client, ward, editor.email, app.config["LOGIN_MAX_FAILURES"])
    assert sign_in(client, other, editor.email, expect=None).status_code == 302


def _address_limited(client, ward, limit, forwarded_for):
    """Fail `limit` times, each on a fresh unknown account, from the address `forwarded_for`
    names; the status of one more try from that header."""
    for n in range(limit):
        client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded_for
        sign_in(client, ward, f"nobody-{n}@example.org", password=WRONG, expect=None)
    return sign_in(client, ward, "nobody-else@example.org", password=WRONG, expect=None).status_code


def test_the_address_lock_follows_the_forwarded_address_behind_a_trusted_proxy(app, ward):
    proxied = make_app(PORTAL_TRUSTED_PROXIES=1, LOGIN_MAX_FAILURES_PER_IP=3)
    proxied.test_client_class = PortalClient
    first, second = proxied.test_client(), proxied.test_client()
    assert _address_limited(first, ward, 3, "203.0.113.7") == 429
    second.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.8"  # another person behind the proxy
    assert sign_in(second, ward, "nobody-else@example.org", password=WRONG, expect=None).status_code == 200


def test_without_trusted_proxies_the_forwarded_header_cannot_dodge_the_address_lock(
    client, app, ward, monkeypatch
):
    monkeypatch.setitem(app.config, "LOGIN_MAX_FAILURES_PER_IP", 3)
    assert _address_limited(client, ward, 3, "203.0.113.7") == 429
    client.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.9"  # a made-up header changes nothing
    assert sign_in(client, ward, "nobody-else@example.org", password=WRONG, expect=None).status_code == 429


def _signed_in_client(app, ward, user):
    other = signed_in_browser(app, ward, user)
    assert other.get("/admin/", base_url=base_url(ward)).status_code == 200
    return other


def test_signing_out_ends_a_copied_cookie(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    sign_in(client, ward, editor)
    copied = client.get_cookie("session", domain=ward.primary_host).value
    dashboard = client.get("/admin/", base_url=base_url(ward))
    client.post("/logout", base_url=base_url(ward), data={"csrf_token": csrf_token(dashboard.text)})
    client.set_cookie("session", copied, domain=ward.primary_host)
    replayed = client.get("/admin/", base_url=base_url(ward))
    assert replayed.status_code == 302 and "/login" in replayed.headers["Location"]


def _reset_link(client, ward, email, host=None):
    url = f"http://{host}" if host else base_url(ward)
    form = client.get("/forgot-password", base_url=url)
    client.post("/forgot-password", base_url=url, data={"csrf_token": csrf_token(form.text), "email": email})
    run_jobs()
    return re.search(r"http://\S+/reset-password/\S+", mail.outbox[-1].get_content()).group(0)


def test_a_reset_ends_every_other_session(client, app, ward):
    editor = make_user(roles={ward: ["editor"]})
    thief = _signed_in_client(app, ward, editor)
    path = "/reset-password/" + _reset_link(client, ward, editor.email).rsplit("/", 1)[1]
    form = client.get(path, base_url=base_url(ward))
    new = "a brand new password"
    client.post(
        path,
        base_url=base_url(ward),
        data={"csrf_token": csrf_token(form.text), "password": new, "confirm": new},
    )
    assert thief.get("/admin/", base_url=base_url(ward)).status_code == 302


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(client, app, ward):
    editor = make_user(roles={ward: ["editor"]})
    laptop = _signed_in_client(app, ward, editor)
    sign_in(client, ward, editor)
    form = client.get("/admin/account/password", base_url=base_url(ward))
    new = "another good password"
    wrong = client.post(
        "/admin/account/password",
        base_url=base_url(ward),
        data={"csrf_token": csrf_token(form.text), "current": WRONG, "password": new, "confirm": new},
    )
    assert wrong.status_code == 200 and "Mật khẩu hiện tại không đúng" in wrong.text
    assert laptop.get("/admin/", base_url=base_url(ward)).status_code == 200  # nothing changed yet
    changed = client.post(
        "/admin/account/password",
        base_url=base_url(ward),
        data={
            "csrf_token": csrf_token(form.text),
            "current": "correct horse battery",
            "password": new,
            "confirm": new,
        },
    )
    assert changed.status_code == 302
    assert client.get("/admin/", base_url=base_url(ward)).status_code == 200
    assert laptop.get("/admin/", base_url=base_url(ward)).status_code == 302
    assert sign_in(laptop, ward, editor, password=new, expect=None).status_code == 302


def test_a_reset_token_carries_nothing_of_the_password_hash(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    token = _reset_link(client, ward, editor.email).rsplit("/", 1)[1]
    payload = token.split(".")[0]
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    pieces = {editor.password_hash[i : i + 8] for i in range(0, len(editor.password_hash) - 8)}
    assert not any(piece in str(data) for piece in pieces)


def test_a_reset_link_keeps_the_portals_port(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    link = _reset_link(client, ward, editor.email, host=f"{ward.primary_host}:5000")
    assert link.startswith(f"http://{ward.primary_host}:5000/reset-password/")
