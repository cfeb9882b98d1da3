"""The closing time, to the second, in Vietnam's time zone: one second before is accepted, the
closing time itself and one second after are refused; a late post from an old tab keeps its text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.extensions import db
from blueprints.consultations import services
from blueprints.consultations.models import ConsultationComment, ConsultationState
from tenants.context import tenant_scope
from tests.consultations.helpers import load, make_consultation
from tests.factories import base_url, make_tenant

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CLOSES = datetime(2026, 3, 31, 17, 0, 0, tzinfo=VIETNAM)  # 10:00 UTC
OPENS = datetime(2026, 3, 1, 8, 0, 0, tzinfo=VIETNAM)


def _submit(tenant, consultation_id, now):
    with tenant_scope(tenant):
        return services.submit_comment(
            load(tenant, consultation_id),
            clause_key=None,
            name="Lan",
            email="lan@example.org",
            body="Ý kiến",
            now=now,
        )


def test_the_portal_is_in_vietnam_and_closing_is_stored_in_utc():
    tenant, consultation_id = make_consultation(opens=OPENS, closes=CLOSES)
    assert tenant.timezone == "Asia/Ho_Chi_Minh"
    with tenant_scope(tenant):
        stored = db.session.execute(
            sa.text("SELECT closes_at AT TIME ZONE 'UTC' FROM consultations WHERE id = :id"),
            {"id": consultation_id},
        ).scalar_one()
    assert stored == datetime(2026, 3, 31, 10, 0, 0)


def test_one_second_before_closing_is_accepted():
    tenant, consultation_id = make_consultation(opens=OPENS, closes=CLOSES)
    comment = _submit(tenant, consultation_id, CLOSES - timedelta(seconds=1))
    assert comment.id and comment.created_at == CLOSES - timedelta(seconds=1)


@pytest.mark.parametrize("after", [timedelta(0), timedelta(seconds=1)])
def test_at_and_after_the_closing_time_a_comment_is_refused(after):
    tenant, consultation_id = make_consultation(opens=OPENS, closes=CLOSES)
    with pytest.raises(services.ConsultationClosed):
        _submit(tenant, consultation_id, CLOSES + after)
    with tenant_scope(tenant):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ConsultationComment)) == 0
        assert load(tenant, consultation_id).state(CLOSES + after) == ConsultationState.CLOSED
        assert load(tenant, consultation_id).state(CLOSES - timedelta(seconds=1)) == ConsultationState.OPEN


def test_the_opening_edge_too():
    tenant, consultation_id = make_consultation(opens=OPENS, closes=CLOSES)
    with pytest.raises(services.ConsultationClosed):
        _submit(tenant, consultation_id, OPENS - timedelta(seconds=1))
    assert _submit(tenant, consultation_id, OPENS).id


def test_a_late_comment_from_an_old_tab_is_refused_with_its_text_shown_back(client):
    now = datetime.now(UTC)
    tenant, consultation_id = make_consultation(
        opens=now - timedelta(days=3), closes=now + timedelta(hours=1)
    )
    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant))
    assert 'name="body"' in page.text  # the tab was opened while it was open
    with tenant_scope(tenant):
        load(tenant, consultation_id).closes_at = now - timedelta(seconds=1)  # and now it has closed
        db.session.flush()
    from tests.consultations.helpers import comment_data

    typed = "Đề nghị sửa Điều 2 <b>ngay</b>.\nCảm ơn."
    response = client.post(
        f"/lay-y-kien/{consultation_id}/gop-y",
        base_url=base_url(tenant),
        data=comment_data(page.text, body=typed),
    )
    assert response.status_code == 409
    assert "đã hết hạn góp ý" in response.text
    assert "Đề nghị sửa Điều 2 &lt;b&gt;ngay&lt;/b&gt;.\nCảm ơn." in response.text  # escaped, line kept
    assert 'name="body"' not in response.text  # the form itself is gone
    with tenant_scope(tenant):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ConsultationComment)) == 0


def test_a_closed_consultation_shows_no_form(client):
    now = datetime.now(UTC)
    tenant, consultation_id = make_consultation(
        opens=now - timedelta(days=3), closes=now - timedelta(minutes=1)
    )
    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant))
    assert page.status_code == 200 and 'name="body"' not in page.text and "Đã hết hạn góp ý lúc" in page.text
    upcoming_tenant = make_tenant()
    _, upcoming = make_consultation(
        upcoming_tenant, opens=now + timedelta(days=1), closes=now + timedelta(days=9)
    )
    page = client.get(f"/lay-y-kien/{upcoming}", base_url=base_url(upcoming_tenant))
    assert 'name="body"' not in page.text and "Chưa đến thời gian lấy ý kiến" in page.text
