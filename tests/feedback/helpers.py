"""Helpers of the Q&A tests: a portal with categories, a posted question, a stored item."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from app.extensions import db
from app.search import fold
from blueprints.feedback.codes import new_code
from blueprints.feedback.models import FeedbackCategory, FeedbackItem, ItemState
from tenants.context import TenantInfo, tenant_scope
from tests.factories import base_url
from tests.support import csrf_token

CODE = re.compile(r"\b(?:HD|GY)-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def make_category(tenant: TenantInfo, name: str = "Đất đai") -> int:
    with tenant_scope(tenant):
        category = FeedbackCategory(name_vi=name, name_en="Land")
        db.session.add(category)
        db.session.flush()
        return category.id


def question(category_id: int | None, **overrides) -> dict:
    data = {
        "kind": "question",
        "category_id": str(category_id or ""),
        "subject": "Hỏi về cấp phép xây dựng",
        "body": "Nhà tôi cần sửa mái.\nCó phải xin phép không?",
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.org",
        "phone": "0901 234 567",
        "consent": "y",
        "may_publish": "y",
        "show_name": "y",
    }
    return data | overrides


def post_question(
    client, tenant: TenantInfo, data: dict, files: dict | None = None, address: str = "198.51.100.1"
):
    page = client.get("/hoi-dap/gui", base_url=base_url(tenant), environ_base={"REMOTE_ADDR": address})
    assert page.status_code == 200
    payload = dict(data, csrf_token=csrf_token(page.text))
    payload.update(files or {})
    return client.post(
        "/hoi-dap/gui",
        base_url=base_url(tenant),
        data=payload,
        content_type="multipart/form-data",
        environ_base={"REMOTE_ADDR": address},
    )


def lookup(client, tenant: TenantInfo, code: str, email: str, address: str = "198.51.100.2"):
    page = client.get("/hoi-dap/tra-cuu", base_url=base_url(tenant), environ_base={"REMOTE_ADDR": address})
    return client.post(
        "/hoi-dap/tra-cuu",
        base_url=base_url(tenant),
        environ_base={"REMOTE_ADDR": address},
        data={"code": code, "email": email, "csrf_token": csrf_token(page.text)},
    )


def make_item(
    tenant: TenantInfo, *, answered: bool = False, published: bool = False, **fields
) -> FeedbackItem:
    """An item stored directly (no form, no mail), answered and published when asked."""
    today = fields.pop("received_on", date(2026, 3, 2))
    values = dict(
        code=new_code("HD"),
        kind="question",
        subject="Câu hỏi mẫu",
        body="Nội dung câu hỏi mẫu",
        name="Trần Văn Riêng",
        email="rieng@example.org",
        phone="0912 000 111",
        consented_at=datetime.now(UTC),
        may_publish=True,
        show_name=False,
        received_on=today,
        due_on=fields.pop("due_on", date(2026, 3, 23)),
    )
    values |= fields
    with tenant_scope(tenant):
        item = FeedbackItem(**values)
        if answered or published:
            item.answer, item.state = "Câu trả lời mẫu", ItemState.ANSWERED
            item.answered_at, item.answered_on = datetime.now(UTC), values.get("answered_on") or today
        if published:
            item.published_at = datetime.now(UTC)
            item.search_text = fold(f"{item.subject} {item.body} {item.answer}")
        db.session.add(item)
        db.session.flush()
        db.session.expunge(item)
        return item
