"""The flows people use most, in a real browser on a phone-sized screen."""

import pyotp

from blueprints.auth.services import grant_role
from tenants.context import tenant_scope
from tests.e2e.conftest import screenshot
from tests.factories import PASSWORD, make_tenant, make_user
from tests.support import current_totp

# Checks a person with a screen reader or a keyboard depends on, run inside the page.
A11Y_PROBE = """() => ({
  h1: document.querySelectorAll('h1').length,
  lang: document.documentElement.lang,
  imagesWithoutAlt: [...document.images].filter(i => !i.hasAttribute('alt')).length,
  unlabelled: [...document.querySelectorAll(
        'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]
     .filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label')).length,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
})"""


def test_a_member_signs_in_on_a_phone(phone, portal):
    ward = make_tenant(name_vi="Phường Thắng Tam", theme="ward")
    approver = make_user(roles={ward: ["approver"]})
    phone.goto(portal(ward, "/login"))
    phone.get_by_label("Thư điện tử").fill(approver.email)
    phone.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url("**/login/two-factor")  # an approver also gives the code from their app
    phone.get_by_label("Mã xác thực").fill(current_totp(approver.email))
    screenshot(phone, "two-factor-phone")
    phone.get_by_role("button", name="Xác nhận").click()
    phone.wait_for_url("**/admin/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Trang quản trị"
    assert "Người duyệt bài" in phone.content()
    screenshot(phone, "signed-in-phone")


def test_a_new_board_head_enrols_in_two_factor_sign_in_on_a_phone(phone, portal):
    ward = make_tenant(theme="ward")
    head = make_user(roles={ward: ["editor"]})
    with tenant_scope(ward):
        grant_role(head, "board-head")  # a role that needs a second factor, and none yet
    phone.goto(portal(ward, "/login"))
    phone.get_by_label("Thư điện tử").fill(head.email)
    phone.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url("**/login/enrol")
    assert phone.locator("figure.qr svg").is_visible()
    secret = phone.locator("#totp-secret").inner_text()
    screenshot(phone, "two-factor-enrolment-phone")
    phone.get_by_label("Mã xác thực").fill(pyotp.TOTP(secret).now())
    phone.get_by_role("button", name="Xác nhận").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Mã khôi phục"
    assert phone.locator(".recovery-codes li").count() == 10
    phone.get_by_role("link", name="Tôi đã lưu các mã, tiếp tục").click()
    phone.wait_for_url("**/admin/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Trang quản trị"


def test_a_visitor_switches_to_english_and_back(phone, portal):
    ward = make_tenant(name_vi="Phường Rạch Dừa", name_en="Rach Dua Ward")
    phone.goto(portal(ward, "/dich-vu-cong"))
    phone.get_by_role("link", name="English").click()
    phone.wait_for_url("**/en/dich-vu-cong")
    assert phone.evaluate("document.documentElement.lang") == "en"
    assert phone.get_by_role("heading", level=1).inner_text() == "Public services"
    phone.get_by_role("link", name="Tiếng Việt").click()
    phone.wait_for_url("**/dich-vu-cong")
    assert phone.get_by_role("heading", level=1).inner_text() == "Dịch vụ công"


def test_keyboard_users_can_skip_to_the_content(phone, portal):
    ward = make_tenant()
    phone.goto(portal(ward, "/"))
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "content"


def test_core_pages_pass_the_basic_accessibility_probe(phone, portal):
    city = make_tenant(kind="city", theme="city", name_vi="Thành phố Vũng Tàu")
    ward = make_tenant(theme="ward", parent=city)
    for tenant, path in [
        (city, "/"),
        (ward, "/"),
        (ward, "/en/"),
        (ward, "/login"),
        (ward, "/tim-kiem?q=dich+vu"),
        (ward, "/en/so-do-trang"),
        (ward, "/no-such-page"),
    ]:
        phone.goto(portal(tenant, path))
        if tenant is city:
            screenshot(phone, "city-home-phone")
        report = phone.evaluate(A11Y_PROBE)
        assert report["h1"] == 1, (path, report)
        assert report["lang"] in {"vi", "en"}
        assert report["imagesWithoutAlt"] == 0 and report["unlabelled"] == 0, (path, report)
        assert report["overflow"] <= 0, f"{path} scrolls sideways at 360 px: {report}"
