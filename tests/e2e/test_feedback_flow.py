"""In a browser (tests/e2e fixtures): a citizen on a 360 px phone asks a question and gets a
code; an editor answers and publishes it; the citizen reads the answer by code and in the
public list."""

from __future__ import annotations

import re

from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_phone_pages import phone_problems
from tests.factories import PASSWORD, make_tenant, make_user
from tests.feedback.helpers import CODE, make_category, make_item


def test_a_question_from_a_phone_to_the_public_answer(phone, new_page, portal):
    ward = make_tenant()
    make_category(ward, "Đất đai, xây dựng")
    editor = make_user(roles={ward: ["editor"]})

    phone.goto(portal(ward, "/"))
    phone.get_by_role("link", name="Gửi câu hỏi, góp ý").first.click()
    phone.get_by_label("Lĩnh vực").select_option(label="Đất đai, xây dựng")
    phone.get_by_label("Tiêu đề").fill("Xin phép sửa mái nhà")
    phone.get_by_label("Nội dung", exact=True).fill(
        "Nhà tôi ở hẻm 5, cần thay mái tôn.\nCó phải xin phép không?"
    )
    phone.get_by_label("Họ và tên").fill("Nguyễn Thị Hoa")
    phone.get_by_label("Thư điện tử", exact=True).fill("hoa@example.org")
    phone.get_by_label("Tôi đồng ý cho cơ quan xử lý").check()
    phone.get_by_label("Đồng ý đăng câu hỏi").check()
    phone.get_by_role("button", name="Gửi").click()
    phone.wait_for_url("**/hoi-dap/da-gui")
    code = CODE.search(phone.locator("#tracking-code").inner_text()).group(0)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "feedback-phone-code")

    office = new_page(1280, 800)
    sign_in(office, portal(ward, "/login"), editor.email, PASSWORD)
    office.goto(portal(ward, "/admin/feedback"))
    office.get_by_role("link", name="Xin phép sửa mái nhà").click()
    office.get_by_label("Nội dung trả lời").fill("Thay mái không đổi kết cấu thì không cần giấy phép.")
    office.get_by_role("button", name="Lưu và gửi trả lời").click()
    office.get_by_role("button", name="Đăng công khai").click()
    office.get_by_text("Đã đăng trong mục Hỏi đáp công khai.").wait_for()

    phone.goto(portal(ward, "/hoi-dap/tra-cuu"))
    phone.get_by_label("Mã theo dõi").fill(code.lower())
    phone.get_by_label("Thư điện tử", exact=True).fill("hoa@example.org")
    phone.get_by_role("button", name="Tra cứu").click()
    answer = phone.locator("#answer")
    answer.wait_for()
    assert "không cần giấy phép" in answer.inner_text()
    screenshot(phone, "feedback-phone-answer")
    phone.get_by_role("link", name="Xem trong mục Hỏi đáp công khai").click()
    phone.goto(portal(ward, "/hoi-dap"))
    assert phone.get_by_role("link", name="Xin phép sửa mái nhà").is_visible()
    assert re.search("hoa@example.org|Nguyễn Thị Hoa", phone.content()) is None
    phone.goto(portal(ward, "/hoi-dap/thong-ke"))
    assert phone.locator("svg[role=img] title").first.text_content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "feedback-phone-record")


def test_the_qa_pages_fit_a_phone_in_both_languages(phone, portal):
    """No sideways scrolling, one h1, the right lang, every control named (test_phone_pages' probe)."""
    ward = make_tenant()
    category = make_category(ward, "Môi trường, đô thị")
    item = make_item(ward, published=True, category_id=category, subject="Đèn đường hẻm 12 bị hỏng " * 3)
    problems = []
    for prefix in ("", "/en"):
        for path in (
            "/hoi-dap",
            f"/hoi-dap/{item.id}",
            "/hoi-dap/gui",
            "/hoi-dap/tra-cuu",
            "/hoi-dap/thong-ke",
        ):
            assert phone.goto(portal(ward, prefix + path)).status == 200, prefix + path
            report = phone_problems(phone, prefix)
            if report is not None:
                problems.append((prefix + path, report))
    assert problems == []
