"""Signing in per portal: passwords, roles, throttling, CSRF, host-bound sessions, resets."""

import re

import pytest

from app import mail
from app.extensions import db
from tests.factories import PASSWORD, base_url, make_tenant, make_user
from tests.support import csrf_token, run_jobs, sign_in


@pytest.fixture
def ward_and_editor():
    ward = make_tenant(name_vi="Phường Thắng Nhì")
    return ward, make_user(roles={ward: ["editor"]})


def test_a_member_signs_in_and_reaches_the_back_office(client, ward_and_editor):
    ward, editor = ward_and_editor
    response = sign_in(client, ward, editor.email, expect=None)
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/")
    dashboard = client.get("/admin/", base_url=base_url(ward))
    assert dashboard.status_code == 200
    assert editor.email in dashboard.text and "Biên tập viên" in dashboard.text


def test_english_sign_in_stays_english(client, ward_and_editor):
    ward, editor = ward_and_editor
    response = sign_in(client, ward, editor.email, prefix="/en", expect=None)
    assert response.headers["Location"].endswith("/en/admin/")
    assert "Back office" in client.get("/en/admin/", base_url=base_url(ward)).text


def test_wrong_password_keeps_the_email_and_explains(client, ward_and_editor):
    ward, editor = ward_and_editor
    page = sign_in(client, ward, editor.email, password="wrong password!", expect=None)
    assert page.status_code == 200
    assert f'value="{editor.email}"' in page.text
    assert "không đúng" in page.text
    assert 'aria-invalid="true"' in page.text


def test_a_user_without_a_role_here_cannot_sign_in_here(client, ward_and_editor):
    ward, editor = ward_and_editor
    other = make_tenant()
    page = sign_in(client, other, editor.email, expect=None)
    assert page.status_code == 200 and "không đúng" in page.text
    assert client.get("/admin/", base_url=base_url(other)).status_code == 302


def test_the_back_office_requires_sign_in(client, ward_and_editor):
    ward, _ = ward_and_editor
    response = client.get("/admin/", base_url=base_url(ward))
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]


def test_next_never_leads_off_site(client, ward_and_editor):
    ward, editor = ward_and_editor
    url = base_url(ward)
    form = client.get("/login", base_url=url)
    response = client.post(
        "/login?next=//evil.example/x",
        base_url=url,
        data={"csrf_token": csrf_token(form.text), "email": editor.email, "password": PASSWORD},
    )
    assert response.headers["Location"] == "/admin/"


def test_failed_attempts_are_limited_even_for_the_right_password(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert sign_in(client, ward, editor.email, password="not it at all", expect=None).status_code == 200
    blocked = sign_in(client, ward, editor.email, expect=None)
    assert blocked.status_code == 429
    assert "15 phút" in blocked.text


def test_failures_on_one_portal_do_not_lock_the_account_on_another(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    other = make_tenant()
    make_user(email=None)
    from blueprints.auth.services import grant_role
    from tenants.context import tenant_scope

    with tenant_scope(other):
        grant_role(editor, "collaborator")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        sign_in(client, ward, editor.email, password="not it at all", expect=None)
    assert sign_in(client, other, editor.email, expect=None).status_code == 302


def test_forms_without_a_csrf_token_are_refused_with_a_translated_page(client, ward_and_editor):
    ward, editor = ward_and_editor
    response = client.post(
        "/login", base_url=base_url(ward), data={"email": editor.email, "password": PASSWORD}
    )
    assert response.status_code == 400 and "Biểu mẫu đã hết hạn" in response.text
    english = client.post("/en/login", base_url=base_url(ward), data={"email": editor.email})
    assert english.status_code == 400 and "Form expired" in english.text


def test_a_session_begun_on_one_ward_is_not_valid_on_another(client, ward_and_editor):
    ward, editor = ward_and_editor
    other = make_tenant()
    from blueprints.auth.services import grant_role
    from tenants.context import tenant_scope

    with tenant_scope(other):
        grant_role(editor, "editor")  # even a person with a role on both portals
    sign_in(client, ward, editor.email, expect=None)
    cookie = client.get_cookie("session", domain=ward.primary_host)
    assert cookie is not None and cookie.domain == ward.primary_host  # host-only
    client.set_cookie("session", cookie.value, domain=other.primary_host)
    stolen = client.get("/admin/", base_url=base_url(other))
    assert stolen.status_code == 302 and "/login" in stolen.headers["Location"]
    assert client.get("/admin/", base_url=base_url(ward)).status_code == 200


def test_signing_out_ends_the_session(client, ward_and_editor):
    ward, editor = ward_and_editor
    sign_in(client, ward, editor.email, expect=None)
    dashboard = client.get("/admin/", base_url=base_url(ward))
    client.post("/logout", base_url=base_url(ward), data={"csrf_token": csrf_token(dashboard.text)})
    assert client.get("/admin/", base_url=base_url(ward)).status_code == 302


def test_platform_administration_is_for_platform_admins_only(client, ward_and_editor):
    ward, editor = ward_and_editor
    sign_in(client, ward, editor.email, expect=None)
    assert client.get("/admin/tenants", base_url=base_url(ward)).status_code == 403
    admin = make_user(platform_admin=True)
    client.delete_cookie("session", domain=ward.primary_host)
    sign_in(client, ward, admin.email, expect=None)
    listing = client.get("/admin/tenants", base_url=base_url(ward))
    assert listing.status_code == 200 and ward.primary_host in listing.text


def _request_reset(client, ward, email, prefix=""):
    url = base_url(ward)
    form = client.get(f"{prefix}/forgot-password", base_url=url)
    return client.post(
        f"{prefix}/forgot-password", base_url=url, data={"csrf_token": csrf_token(form.text), "email": email}
    )


def test_password_reset_by_mail_from_a_job(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    response = _request_reset(client, ward, editor.email)
    assert response.status_code == 302
    assert mail.outbox == []  # nothing is sent in the request itself
    run_jobs()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message["To"] == editor.email and "Phường Thắng Nhì" in message["Subject"]
    link = re.search(r"http://\S+/reset-password/\S+", message.get_content()).group(0)
    assert link.startswith(base_url(ward))
    path = link.removeprefix(base_url(ward))
    form = client.get(path, base_url=base_url(ward))
    changed = client.post(
        path,
        base_url=base_url(ward),
        data={
            "csrf_token": csrf_token(form.text),
            "password": "a brand new password",
            "confirm": "a brand new password",
        },
    )
    assert changed.status_code == 302
    assert (
        sign_in(client, ward, editor.email, password="a brand new password", expect=None).status_code == 302
    )
    assert client.get(path, base_url=base_url(ward)).status_code == 400  # used once only


def test_reset_mail_in_english_for_an_english_request(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    _request_reset(client, ward, editor.email, prefix="/en")
    run_jobs()
    body = mail.outbox[0].get_content()
    assert "Someone (we hope you)" in body and "/en/reset-password/" in body


def test_a_reset_link_from_one_ward_is_void_on_another(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    other = make_tenant()
    _request_reset(client, ward, editor.email)
    run_jobs()
    path = re.search(r"/reset-password/\S+", mail.outbox[0].get_content()).group(0)
    assert client.get(path, base_url=base_url(other)).status_code == 400


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, app, ward_and_editor):
    ward, _ = ward_and_editor
    response = _request_reset(client, ward, "nobody@example.org")
    assert response.status_code == 302
    run_jobs()
    assert mail.outbox == []


def test_reset_form_keeps_errors_next_to_fields(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    _request_reset(client, ward, editor.email)
    run_jobs()
    path = re.search(r"/reset-password/\S+", mail.outbox[0].get_content()).group(0)
    form = client.get(path, base_url=base_url(ward))
    page = client.post(
        path,
        base_url=base_url(ward),
        data={"csrf_token": csrf_token(form.text), "password": "short", "confirm": "other"},
    )
    assert page.status_code == 200
    assert "Dùng ít nhất 10 ký tự" in page.text and "không khớp" in page.text
    db.session.refresh(editor)


def test_reset_mails_are_not_sent_in_a_flood(client, app, ward_and_editor):
    ward, editor = ward_and_editor
    for _ in range(3):
        assert _request_reset(client, ward, editor.email).status_code == 302
    run_jobs()
    assert len(mail.outbox) == 1


def test_pages_carry_security_headers(client, ward_and_editor):
    ward, _ = ward_and_editor
    headers = client.get("/", base_url=base_url(ward)).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_carry_a_content_security_policy_with_a_fresh_nonce(client, ward_and_editor):
    ward, _ = ward_and_editor
    first = client.get("/", base_url=base_url(ward)).headers["Content-Security-Policy"]
    second = client.get("/", base_url=base_url(ward)).headers["Content-Security-Policy"]
    assert "default-src 'self'" in first and "object-src 'none'" in first
    assert "frame-ancestors 'self'" in first and "script-src 'self' 'nonce-" in first
    assert first != second  # a new nonce for every response
