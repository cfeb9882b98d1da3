"""The board's side: roles, assignment, internal notes, the answer mailed to the asker,
publication only with consent, reminders and the erasure of personal data. And what the public
(pages, feeds, API) may never see: notes, e-mails, phones, attachments, unconsented names."""

from __future__ import annotations

import io
from datetime import date, timedelta

import sqlalchemy as sa

from app import mail
from app.extensions import db
from app.uploads import storage_root
from blueprints.feedback.models import FeedbackItem
from blueprints.feedback.retention import erase_expired, months_before
from blueprints.feedback.tasks import erase_expired_personal_data, remind_due_items
from blueprints.newsroom.models import ContributingUnit
from tenants.context import require_tenant, tenant_scope
from tests.about.helpers import PDF
from tests.factories import base_url, make_tenant, make_user
from tests.feedback.helpers import lookup, make_category, make_item, post_question, question
from tests.support import csrf_token, run_jobs, sign_in


def _item(tenant, item_id) -> FeedbackItem:
    with tenant_scope(tenant):
        item = db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.id == item_id))
        db.session.expunge(item)
        return item


def _post(client, tenant, page: str, action: str, data: dict, **kwargs):
    """Post one of an item page's forms with the page's CSRF token."""
    token = csrf_token(client.get(page, base_url=base_url(tenant)).text)
    return client.post(
        f"{page}/{action}", base_url=base_url(tenant), data=data | {"csrf_token": token}, **kwargs
    )


def _sign_out(client, tenant) -> None:
    client.delete_cookie("session", domain=tenant.primary_host)


def _unit(tenant) -> int:
    with tenant_scope(tenant):
        unit = ContributingUnit(name_vi="Bộ phận Địa chính")
        db.session.add(unit)
        db.session.flush()
        return unit.id


def test_assign_note_answer_publish_and_what_the_public_sees(client):
    ward = make_tenant()
    category = make_category(ward)
    post_question(
        client,
        ward,
        question(category, show_name=""),
        files={"attachment": (io.BytesIO(PDF), "giay-phep.pdf")},
    )
    with tenant_scope(ward):
        item_id = db.session.scalar(sa.select(FeedbackItem.id))
    unit = _unit(ward)
    collaborator = make_user(roles={ward: ["collaborator"]})
    editor = make_user(roles={ward: ["editor"]})
    base = f"/admin/feedback/{item_id}"

    sign_in(client, ward, collaborator)
    assert client.get(base, base_url=base_url(ward)).status_code == 404  # not theirs (yet)
    _sign_out(client, ward)
    sign_in(client, ward, editor)
    inbox = client.get("/admin/feedback", base_url=base_url(ward))
    assert inbox.status_code == 200 and "Hỏi về cấp phép xây dựng" in inbox.text
    assigned = _post(
        client, ward, base, "assign", {"unit_id": str(unit), "assignee_id": str(collaborator.id)}
    )
    assert assigned.status_code == 302
    noted = _post(client, ward, base, "notes", {"body": "Ghi chú mật: kiểm tra hồ sơ thửa đất số 12"})
    assert noted.status_code == 302
    refused = _post(client, ward, base, "publish", {}, follow_redirects=True)
    assert "Cần trả lời trước khi đăng công khai." in refused.text
    _sign_out(client, ward)

    sign_in(client, ward, collaborator)  # the assignee answers
    mine = client.get("/admin/feedback", base_url=base_url(ward))
    assert "Hỏi về cấp phép xây dựng" in mine.text
    answered = _post(
        client, ward, base, "answer", {"answer": "Được miễn giấy phép.\nNộp thông báo tại Một cửa."}
    )
    assert answered.status_code == 302
    assert client.post(f"{base}/publish", base_url=base_url(ward)).status_code in (400, 403)
    _sign_out(client, ward)
    run_jobs()
    [answer_mail] = [m for m in mail.outbox if m["To"] == "lan@example.org" and "Trả lời" in m["Subject"]]
    assert "Được miễn giấy phép." in answer_mail.get_content()
    assert "Ghi chú mật" not in answer_mail.get_content()
    assigned_mail = [m for m in mail.outbox if m["To"] == collaborator.email]
    assert assigned_mail and "lan@example.org" not in assigned_mail[0].get_content()

    sign_in(client, ward, editor)
    assert _post(client, ward, base, "publish", {}).status_code == 302
    item = _item(ward, item_id)
    assert item.is_published and item.state == "answered" and item.unit_id == unit
    _sign_out(client, ward)

    public = [
        client.get(p, base_url=base_url(ward))
        for p in (
            "/hoi-dap",
            f"/hoi-dap/{item_id}",
            "/hoi-dap/rss.xml",
            "/hoi-dap/atom.xml",
            "/api/v1/questions",
            f"/api/v1/questions/{item_id}",
            "/",
            "/hoi-dap?q=mien+giay+phep",
            "/sitemap.xml",
        )
    ]
    assert all(r.status_code == 200 for r in public)
    assert "Hỏi về cấp phép xây dựng" in public[0].text and "Được miễn giấy phép." in public[1].text
    assert f"/hoi-dap/{item_id}" in public[8].text and "Hỏi về cấp phép xây dựng" in public[7].text
    for response in public:
        text = response.get_data(as_text=True)
        for secret in (
            "Ghi chú mật",
            "lan@example.org",
            "0901 234 567",
            "giay-phep.pdf",
            "Nguyễn Thị Lan",
            item.attachment_key,
        ):
            assert secret not in text, (response.request.path, secret)
    status = lookup(client, ward, item.code, "lan@example.org")
    assert "Được miễn giấy phép." in status.text and "Ghi chú mật" not in status.text


def test_the_name_is_shown_only_when_allowed(client):
    ward = make_tenant()
    shown = make_item(ward, published=True, show_name=True, name="Lê Văn Hiện")
    hidden = make_item(ward, published=True, show_name=False, name="Phạm Thị Ẩn")
    assert "Lê Văn Hiện" in client.get(f"/hoi-dap/{shown.id}", base_url=base_url(ward)).text
    page = client.get(f"/hoi-dap/{hidden.id}", base_url=base_url(ward)).text
    assert "Phạm Thị Ẩn" not in page and "ẩn danh" in page
    api = client.get("/api/v1/questions", base_url=base_url(ward)).get_json()
    assert {i["asker"] for i in api["items"]} == {"Lê Văn Hiện", None}


def test_without_consent_an_answer_cannot_be_published(client):
    ward = make_tenant()
    item = make_item(ward, answered=True, may_publish=False)
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    page = client.get(f"/admin/feedback/{item.id}", base_url=base_url(ward))
    assert "Người gửi không đồng ý công khai nên không thể đăng." in page.text
    _post(client, ward, f"/admin/feedback/{item.id}", "publish", {})
    assert not _item(ward, item.id).is_published
    assert client.get(f"/hoi-dap/{item.id}", base_url=base_url(ward)).status_code == 404


def test_overdue_items_stand_out_in_the_inbox_and_on_the_dashboard(client):
    ward = make_tenant()
    with tenant_scope(ward):
        today = require_tenant().today()
    late = make_item(
        ward,
        subject="Câu đã quá hạn",
        received_on=today - timedelta(days=40),
        due_on=today - timedelta(days=10),
    )
    make_item(ward, subject="Câu còn hạn", received_on=today, due_on=today + timedelta(days=20))
    sign_in(client, ward, make_user(roles={ward: ["approver"]}))
    overdue = client.get("/admin/feedback?overdue=1", base_url=base_url(ward)).text
    assert "Câu đã quá hạn" in overdue and "Câu còn hạn" not in overdue and 'class="fb-late"' in overdue
    dashboard = client.get("/admin/newsroom/", base_url=base_url(ward)).text
    assert "1 câu hỏi quá hạn trả lời." in dashboard and "overdue=1" in dashboard
    assert late.code not in dashboard


def test_reminders_go_once_to_the_assignee_before_the_due_day(client):
    ward = make_tenant()
    assignee = make_user(roles={ward: ["collaborator"]})
    with tenant_scope(ward):
        today = require_tenant().today()
    soon = make_item(
        ward,
        subject="Sắp đến hạn",
        assignee_id=assignee.id,
        state="assigned",
        received_on=today - timedelta(days=20),
        due_on=today + timedelta(days=1),
    )
    make_item(
        ward,
        subject="Còn lâu",
        assignee_id=assignee.id,
        state="assigned",
        received_on=today,
        due_on=today + timedelta(days=30),
    )
    db.session.commit()
    remind_due_items()
    remind_due_items()  # idempotent
    reminders = [m for m in mail.outbox if m["To"] == assignee.email]
    assert (
        len(reminders) == 1
        and "Sắp đến hạn" in reminders[0]["Subject"]
        and soon.code in reminders[0].get_content()
    )


def test_personal_data_are_erased_after_the_retention_period(client):
    ward = make_tenant()
    with tenant_scope(ward):
        today = require_tenant().today()
    old_day = months_before(today, 25)
    from app.uploads import store_bytes

    with tenant_scope(ward):
        stored = store_bytes(PDF, "application/pdf", "pdf", "cccd.pdf")
    old = make_item(
        ward,
        published=True,
        show_name=True,
        name="Người Cũ",
        received_on=old_day,
        answered_on=old_day,
        attachment_key=stored.key,
        attachment_type="application/pdf",
        attachment_name="cccd.pdf",
    )
    recent = make_item(ward, answered=True, name="Người Mới", answered_on=today - timedelta(days=30))
    pending = make_item(ward, name="Người Chờ", received_on=old_day)
    db.session.commit()
    assert (storage_root() / stored.key).exists()
    assert erase_expired_personal_data() == {ward.slug: 1}
    assert erase_expired_personal_data() == {}  # idempotent
    erased, kept, waiting = (_item(ward, i.id) for i in (old, recent, pending))
    assert (erased.name, erased.email, erased.phone, erased.attachment_key) == ("", "", "", None)
    assert erased.erased_at is not None and erased.is_published and erased.answer == "Câu trả lời mẫu"
    assert not (storage_root() / stored.key).exists()
    assert kept.email == "rieng@example.org" and waiting.name == "Người Chờ"
    page = client.get(f"/hoi-dap/{old.id}", base_url=base_url(ward))
    assert page.status_code == 200 and "Người Cũ" not in page.text and "ẩn danh" in page.text
    with tenant_scope(ward):
        assert erase_expired(today) == []


def test_months_before_handles_short_months():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 24) == date(2024, 1, 15)
