"""A citizen on a phone comments on a clause; an editor then revises that clause; the comment
stays on it, saying which revision it was made on."""

from __future__ import annotations

from tests.consultations.helpers import TEXT, key_of, make_consultation
from tests.e2e.conftest import screenshot, sign_in
from tests.factories import PASSWORD, make_tenant, make_user


def test_a_comment_on_a_clause_stays_on_it_when_a_revision_changes_it(phone, laptop, portal):
    ward = make_tenant(name_vi="Phường Thắng Tam", theme="ward")
    _, consultation_id = make_consultation(ward, moderation="post")
    key = key_of(ward, consultation_id, "Điều 2, khoản 1")
    editor = make_user(roles={ward: ["editor"]})

    phone.goto(portal(ward, f"/lay-y-kien/{consultation_id}"))
    assert "Còn" in phone.locator(".time-left").inner_text()
    phone.get_by_role("link", name="Góp ý về Điều 2, khoản 1").click()
    assert phone.get_by_role("combobox", name="Góp ý về", exact=True).input_value() == key
    phone.get_by_role("textbox", name="Ý kiến góp ý", exact=True).fill(
        "Đề nghị nâng lên 2 mét cho người đi bộ.\nCảm ơn."
    )
    phone.get_by_role("textbox", name="Họ và tên", exact=True).fill("Trần Thị Lan")
    phone.get_by_role("textbox", name="Thư điện tử (không công khai)").fill("lan@example.org")
    phone.get_by_role("checkbox", name="Tôi đồng ý để cơ quan soạn thảo").check()
    phone.get_by_role("button", name="Gửi ý kiến").click()
    phone.wait_for_url(f"**/lay-y-kien/{consultation_id}#k-{key}")
    clause = phone.locator(f"#k-{key}")
    assert "Đề nghị nâng lên 2 mét cho người đi bộ." in clause.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(phone, "consultation-comment-phone")

    sign_in(laptop, portal(ward, "/login"), editor.email, PASSWORD)
    laptop.goto(portal(ward, f"/admin/consultations/{consultation_id}/text"))
    revised = TEXT.replace("tối thiểu 1,5 mét", "tối thiểu 2 mét").replace(
        "3. Thời gian từ 6 giờ đến 22 giờ.\n", ""
    )
    laptop.get_by_role("textbox", name="Toàn văn dự thảo", exact=True).fill(revised)
    laptop.get_by_role("textbox", name="Ghi chú về lần sửa đổi").fill("Tiếp thu ý kiến người dân")
    laptop.get_by_role("button", name="Lưu thành bản dự thảo mới").click()
    laptop.wait_for_selector("text=Đã lưu bản dự thảo lần 2.")

    phone.goto(portal(ward, f"/lay-y-kien/{consultation_id}"))  # a new load, not a jump to the anchor
    clause = phone.locator(f"#k-{key}")
    text = clause.inner_text()
    assert "Hè phố còn lại rộng tối thiểu 2 mét." in text
    assert "Đề nghị nâng lên 2 mét cho người đi bộ." in text and "Trần Thị Lan" in text
    assert "góp ý trên bản dự thảo lần 1" in text and "đã được sửa sau khi có ý kiến" in text
    assert "lan@example.org" not in phone.content()
    assert "Toàn văn dự thảo (bản lần 2)" in phone.content()
    screenshot(phone, "consultation-after-revision-phone")
