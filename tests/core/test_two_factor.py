"""Two-factor sign-in: required of approvers, board heads and platform administrators, enrolled
at the next sign-in, with single-use recovery codes; wrong codes are limited like passwords."""

import pytest

from app.extensions import db
from blueprints.auth.services import grant_role
from tenants.context import tenant_scope
from tests.factories import base_url, enrol_two_factor, make_tenant, make_user
from tests.support import csrf_token, current_totp, enrol, post_code, sign_in


@pytest.fixture
def ward():
    return make_tenant()


def _post_password(client, ward, user):
    """Only the first step: the password."""
    form = client.get("/login", base_url=base_url(ward))
    return client.post(
        "/login",
        base_url=base_url(ward),
        data={"csrf_token": csrf_token(form.text), "email": user.email, "password": "correct horse battery"},
    )


def _admin_status(client, ward) -> int:
    return client.get("/admin/", base_url=base_url(ward)).status_code


def test_an_approver_gives_a_code_after_the_password(client, ward):
    approver = make_user(roles={ward: ["approver"]})
    step = _post_password(client, ward, approver)
    assert step.status_code == 302 and step.headers["Location"].endswith("/login/two-factor")
    assert _admin_status(client, ward) == 302  # the password alone opens nothing
    wrong = post_code(client, base_url(ward), "/login/two-factor", "000000")
    assert wrong.status_code == 200 and "Mã xác thực không đúng" in wrong.text
    assert _admin_status(client, ward) == 302
    done = post_code(client, base_url(ward), "/login/two-factor", current_totp(approver.email))
    assert done.status_code == 302 and done.headers["Location"].endswith("/admin/")
    assert _admin_status(client, ward) == 200


@pytest.mark.parametrize("role", ["board-head", "approver"])
def test_a_required_role_without_a_second_factor_is_enrolled_at_sign_in(client, ward, role):
    person = make_user(roles={ward: ["editor"]})
    with tenant_scope(ward):
        grant_role(person, role)
    step = _post_password(client, ward, person)
    assert step.headers["Location"].endswith("/login/enrol")
    assert _admin_status(client, ward) == 302
    page = client.get("/login/enrol", base_url=base_url(ward))
    assert page.status_code == 200 and "<svg" in page.text  # the QR code
    wrong = post_code(client, base_url(ward), "/login/enrol", "123456")
    assert wrong.status_code == 200 and "Mã xác thực không đúng" in wrong.text
    codes = enrol(client, base_url(ward))
    assert codes.text.count("<li><code>") == 10
    assert _admin_status(client, ward) == 200
    db.session.refresh(person)
    assert person.two_factor_enabled and len(person.recovery_code_hashes) == 10
    assert all(h.startswith("$argon2") for h in person.recovery_code_hashes)


def test_a_platform_administrator_needs_a_second_factor(client, ward):
    admin = make_user(platform_admin=True)
    assert _post_password(client, ward, admin).headers["Location"].endswith("/login/two-factor")


def test_an_editor_signs_in_with_the_password_alone(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    assert sign_in(client, ward, editor, expect=None).headers["Location"].endswith("/admin/")


def test_a_recovery_code_works_once(client, app, ward):
    approver = make_user(roles={ward: ["approver"]})
    code = enrol_two_factor(approver)[0]
    _post_password(client, ward, approver)
    assert post_code(client, base_url(ward), "/login/two-factor", code).status_code == 302
    assert _admin_status(client, ward) == 200
    again = app.test_client()
    _post_password(again, ward, approver)
    assert post_code(again, base_url(ward), "/login/two-factor", code).status_code == 200
    assert _admin_status(again, ward) == 302


def test_wrong_codes_are_limited_like_wrong_passwords(client, app, ward):
    approver = make_user(roles={ward: ["approver"]})
    _post_password(client, ward, approver)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        post_code(client, base_url(ward), "/login/two-factor", "000000")
    blocked = post_code(client, base_url(ward), "/login/two-factor", current_totp(approver.email))
    assert blocked.status_code == 429 and _admin_status(client, ward) == 302


def test_the_password_again_buys_no_more_guesses_at_the_code(client, app, ward):
    approver = make_user(roles={ward: ["approver"]})
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        _post_password(client, ward, approver)
        post_code(client, base_url(ward), "/login/two-factor", "000000")
    assert _post_password(client, ward, approver).status_code == 429


def test_a_session_ends_when_its_role_comes_to_require_a_second_factor(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    sign_in(client, ward, editor)
    with tenant_scope(ward):
        grant_role(editor, "board-head")
    assert _admin_status(client, ward) == 302


def test_the_account_page_renews_recovery_codes(client, ward):
    approver = make_user(roles={ward: ["approver"]})
    old = enrol_two_factor(approver)
    sign_in(client, ward, approver)
    page = client.get("/admin/account", base_url=base_url(ward))
    assert page.status_code == 200 and "Còn 10 mã khôi phục" in page.text
    renewed = client.post(
        "/admin/account/recovery-codes", base_url=base_url(ward), data={"csrf_token": csrf_token(page.text)}
    )
    assert renewed.status_code == 200 and renewed.text.count("<li><code>") == 10
    assert old[0] not in renewed.text
