"""The flows people use most, in a real browser on a phone-sized screen."""

from tests.e2e.conftest import screenshot
from tests.factories import PASSWORD, make_tenant, make_user

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
    phone.wait_for_url("**/admin/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Trang quản trị"
    assert "Người duyệt bài" in phone.content()
    screenshot(phone, "signed-in-phone")


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
