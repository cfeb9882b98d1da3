"""The public record by month, the home page block, English pages, deleting a category, and the
demo's Q&A (answered, pending and overdue items and a public list)."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from app.extensions import db
from blueprints.feedback import demo
from blueprints.feedback.models import FeedbackItem, ItemState
from blueprints.feedback.record import monthly_record
from tenants.context import require_tenant, tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.feedback.helpers import make_category, make_item
from tests.support import csrf_token, sign_in


def test_the_monthly_record_counts_working_days_and_on_time_answers(client):
    ward = make_tenant()
    # March 2026: received Mon 2nd, due 23rd. Answered on Fri 6th (4 working days, on time),
    # Fri 20th (14, on time) and Tue 24th (16, late); one still open.
    for answered in (date(2026, 3, 6), date(2026, 3, 20), date(2026, 3, 24)):
        make_item(ward, answered=True, received_on=date(2026, 3, 2), answered_on=answered)
    make_item(ward, received_on=date(2026, 3, 2))
    make_item(
        ward,
        answered=True,
        received_on=date(2026, 2, 27),
        answered_on=date(2026, 4, 1),
        due_on=date(2026, 3, 27),
    )
    with tenant_scope(ward):
        months = {m.month: m for m in monthly_record(3, today=date(2026, 4, 15))}
    march, april = months[date(2026, 3, 1)], months[date(2026, 4, 1)]
    assert (march.received, march.answered, march.median_days, march.on_time) == (4, 3, 14, 2)
    assert round(march.on_time_share, 3) == 0.667
    assert (april.received, april.answered, april.on_time) == (0, 1, 0) and april.median_days == 23
    assert months[date(2026, 2, 1)].received == 1 and months[date(2026, 2, 1)].on_time_share is None
    page = client.get("/hoi-dap/thong-ke", base_url=base_url(ward))
    assert page.status_code == 200 and 'role="img"' in page.text and "<caption>" in page.text
    english = client.get("/en/hoi-dap/thong-ke", base_url=base_url(ward))
    assert "Share answered on time" in english.text and "Working days to answer (median)" in english.text


def test_the_home_page_block_shows_the_latest_answers(client):
    ward = make_tenant()
    item = make_item(ward, published=True, subject="Câu trả lời trên trang chủ")
    make_item(ward, answered=True, subject="Câu chưa công khai")
    home = client.get("/", base_url=base_url(ward)).text
    assert "Câu trả lời trên trang chủ" in home and f"/hoi-dap/{item.id}" in home
    assert "Câu chưa công khai" not in home and "/hoi-dap/gui" in home
    menu = home.split('class="main-menu"', 1)[1][:3000] if 'class="main-menu"' in home else home
    assert "/hoi-dap" in menu
    english = client.get("/en/hoi-dap/gui", base_url=base_url(ward)).text
    assert (
        "Ask a question or send feedback" in english and "Full name" in english and "Họ và tên" not in english
    )


def test_deleting_a_category_keeps_its_items(client):
    ward = make_tenant()
    category = make_category(ward)
    item = make_item(ward, category_id=category)
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    token = csrf_token(client.get("/admin/feedback-categories", base_url=base_url(ward)).text)
    deleted = client.post(
        f"/admin/feedback-categories/{category}/delete", base_url=base_url(ward), data={"csrf_token": token}
    )
    assert deleted.status_code == 302
    with tenant_scope(ward):
        assert (
            db.session.scalar(sa.select(FeedbackItem.category_id).where(FeedbackItem.id == item.id)) is None
        )


def test_the_demo_has_answered_pending_and_overdue_items_and_a_public_list(client):
    ward = make_tenant(slug="thang-tam")
    plain = make_tenant()
    for tenant in (ward, plain):
        with tenant_scope(tenant):
            demo.seed(tenant)
            demo.seed(tenant)  # idempotent
    with tenant_scope(ward):
        today = require_tenant().today()
        items = list(db.session.scalars(sa.select(FeedbackItem)))
        states = [i.state for i in items]
        overdue = [i for i in items if i.state != ItemState.ANSWERED and i.due_on < today]
        pending = [i for i in items if i.state != ItemState.ANSWERED and i.due_on >= today]
        published = [i.subject for i in items if i.is_published]
        first_received = min(i.received_on for i in items)
    assert len(items) == len(demo.ITEMS) and ItemState.ANSWERED in states
    assert overdue and pending and len(published) >= 4
    with tenant_scope(plain):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)) == 0
    listing = client.get("/hoi-dap", base_url=base_url(ward)).text
    assert all(subject in listing for subject in published[:3])
    record = client.get("/hoi-dap/thong-ke", base_url=base_url(ward))
    assert record.status_code == 200
    assert today - timedelta(days=400) < first_received
