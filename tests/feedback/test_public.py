"""The citizen's side: asking (with its refusals), the tracking code and its receipt, the status
lookup that tells nothing to whoever lacks the code *and* the e-mail."""

from __future__ import annotations

import io

import sqlalchemy as sa

from app import mail
from app.extensions import db
from blueprints.feedback.models import FeedbackItem
from tenants.context import tenant_scope
from tests.about.helpers import PDF, png_bytes
from tests.factories import base_url, make_tenant
from tests.feedback.helpers import CODE, lookup, make_category, make_item, post_question, question
from tests.support import run_jobs


def _items(tenant) -> list[FeedbackItem]:
    """The portal's items, detached (so later requests' commits do not expire them)."""
    with tenant_scope(tenant):
        items = list(db.session.scalars(sa.select(FeedbackItem).order_by(FeedbackItem.id)))
        for item in items:
            db.session.expunge(item)
        return items


def test_a_citizen_asks_gets_a_code_on_screen_and_by_mail(client):
    ward = make_tenant()
    category = make_category(ward)
    sent = post_question(client, ward, question(category))
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/hoi-dap/da-gui")
    thanks = client.get("/hoi-dap/da-gui", base_url=base_url(ward))
    code = CODE.search(thanks.text).group(0)
    [item] = _items(ward)
    assert item.code == code and item.body == "Nhà tôi cần sửa mái.\nCó phải xin phép không?"
    assert item.due_on > item.received_on and item.category_id == category and item.state == "received"
    run_jobs()
    [receipt] = [m for m in mail.outbox if m["To"] == "lan@example.org"]
    assert code in receipt["Subject"] and code in receipt.get_content()
    assert f"http://{ward.primary_host}/hoi-dap/tra-cuu" in receipt.get_content()


def test_the_status_page_needs_the_code_and_the_email(client):
    ward, other = make_tenant(), make_tenant()
    post_question(client, ward, question(make_category(ward)))
    [item] = _items(ward)
    found = lookup(client, ward, item.code.lower().replace("-", " "), " LAN@example.org ")
    assert found.status_code == 200 and "Hỏi về cấp phép xây dựng" in found.text and item.code in found.text
    wrong_mail = lookup(client, ward, item.code, "someone@example.org")
    elsewhere = lookup(client, other, item.code, "lan@example.org")
    nonsense = lookup(client, ward, "HD-0000-0000-0000", "lan@example.org")
    for answer in (wrong_mail, elsewhere, nonsense):
        assert answer.status_code == 404
        assert "Không tìm thấy câu hỏi, góp ý nào" in answer.text and "Hỏi về cấp phép" not in answer.text
    strip = lambda r: r.text.split('name="csrf_token"')[0]  # noqa: E731  (the token differs per page)
    assert strip(wrong_mail).replace(ward.name_vi, "") == strip(nonsense).replace(ward.name_vi, "")


def test_another_portals_category_is_refused_and_the_text_kept(client):
    ward, other = make_tenant(), make_tenant()
    make_category(ward)
    foreign = make_category(other, "Môi trường")
    refused = post_question(client, ward, question(foreign, subject="Giữ nguyên tiêu đề này"))
    assert refused.status_code == 422 and "Giữ nguyên tiêu đề này" in refused.text
    assert "Chọn một lĩnh vực trong danh sách." in refused.text and _items(ward) == [] and _items(other) == []


def test_the_honeypot_refuses_and_keeps_what_was_typed(client):
    ward = make_tenant()
    trapped = post_question(
        client,
        ward,
        question(
            make_category(ward), website="http://spam.example", body="Nội dung do máy điền vào biểu mẫu"
        ),
    )
    assert trapped.status_code == 422 and "Nội dung do máy điền vào biểu mẫu" in trapped.text
    assert _items(ward) == []


def test_the_rate_limit_refuses_through_http_and_keeps_what_was_typed(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_FORM_LIMIT_PER_ADDRESS", "2 per minute")
    ward = make_tenant()
    category = make_category(ward)
    for n in range(2):
        assert post_question(client, ward, question(category, subject=f"Câu số {n}")).status_code == 302
    limited = post_question(client, ward, question(category, subject="Câu thứ ba bị chặn"))
    assert (
        limited.status_code == 429
        and "quá nhiều lần" in limited.text
        and "Câu thứ ba bị chặn" in limited.text
    )
    assert len(_items(ward)) == 2
    assert post_question(client, ward, question(category), address="203.0.113.9").status_code == 302


def test_consent_is_required_and_lengths_are_limited(client):
    ward = make_tenant()
    category = make_category(ward)
    data = question(category, subject="x" * 201)
    data.pop("consent")
    refused = post_question(client, ward, data)
    assert refused.status_code == 422 and "Cần sự đồng ý của bạn" in refused.text
    assert "Tiêu đề tối đa 200 ký tự." in refused.text and _items(ward) == []


def test_attachments_are_checked_by_content(client):
    ward = make_tenant()
    category = make_category(ward)
    fake = post_question(
        client,
        ward,
        question(category, subject="Tệp giả"),
        files={"attachment": (io.BytesIO(b"not a pdf at all"), "giay-to.pdf")},
    )
    assert (
        fake.status_code == 422 and "Chỉ nhận tệp PDF, JPEG hoặc PNG." in fake.text and "Tệp giả" in fake.text
    )
    for content, name in ((PDF, "don.pdf"), (png_bytes(), "anh.png")):
        ok = post_question(
            client, ward, question(category), files={"attachment": (io.BytesIO(content), name)}
        )
        assert ok.status_code == 302
    assert sorted(i.attachment_type for i in _items(ward)) == ["application/pdf", "image/png"]


def test_plain_text_is_escaped_on_the_status_page(client):
    ward = make_tenant()
    post_question(client, ward, question(make_category(ward), body="<script>alert(1)</script> và <b>đậm</b>"))
    [item] = _items(ward)
    page = lookup(client, ward, item.code, "lan@example.org")
    assert (
        "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    )


def test_the_second_page_of_answers_links_back_and_on(client):
    """The shared pager builds its links with the query kept (a `set _` there once shadowed
    the translation function, and any page with a previous link failed)."""
    ward = make_tenant()
    for number in range(21):
        make_item(ward, published=True, subject=f"Câu hỏi số {number}")
    page = client.get("/hoi-dap?page=2", base_url=base_url(ward))
    assert page.status_code == 200
    assert 'rel="prev"' in page.text and "Trang trước" in page.text and "Trang sau" in page.text
    assert "page=1" in page.text and "page=3" in page.text
