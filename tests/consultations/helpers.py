"""Helpers of the consultations' tests: a consultation with a text, a signed-in moderator, jobs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.extensions import db
from blueprints.consultations import services
from blueprints.consultations.models import Consultation
from tenants.context import TenantInfo, tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, sign_in

TEXT = """Phần I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc sử dụng hè phố.
Điều 2. Điều kiện
1. Hè phố còn lại rộng tối thiểu 1,5 mét.
2. Không sử dụng trước cửa trường học.
3. Thời gian từ 6 giờ đến 22 giờ.
"""


def make_consultation(
    tenant: TenantInfo | None = None,
    *,
    text: str | None = TEXT,
    opens: datetime | None = None,
    closes: datetime | None = None,
    published: bool = True,
    title: str = "Dự thảo quy chế hè phố",
    moderation: str | None = None,
) -> tuple[TenantInfo, int]:
    tenant = tenant or make_tenant()
    now = datetime.now(UTC)
    with tenant_scope(tenant):
        consultation = services.save_consultation(
            None,
            title=title,
            summary="Tóm tắt dự thảo",
            drafting_body="Phòng Quản lý đô thị",
            opens_at=opens or now - timedelta(days=1),
            closes_at=closes or now + timedelta(days=10),
            is_published=published,
            agency_name="UBND phường",
            agency_address="1 Lê Lợi",
            agency_email="ubnd@example.org",
            agency_phone="0254 3852 000",
        )
        if text:
            services.revise(consultation, text, "lần đầu", now=consultation.opens_at - timedelta(seconds=1))
        if moderation:
            services.set_moderation(moderation)
        db.session.flush()
        return tenant, consultation.id


def load(tenant: TenantInfo, consultation_id: int) -> Consultation:
    return services.get_consultation(consultation_id, public=False)


def key_of(tenant: TenantInfo, consultation_id: int, label_start: str) -> str:
    with tenant_scope(tenant):
        choices = services.clause_choices(load(tenant, consultation_id))
    return next(key for key, label in choices if label.startswith(label_start))


def sign_in_as(client, tenant: TenantInfo, role: str = "editor"):
    """A new member of `tenant` with `role`, signed in on `client`."""
    user = make_user(roles={tenant: [role]})
    sign_in(client, tenant, user)
    return user


def comment_data(page_html: str, **fields) -> dict:
    data = {
        "csrf_token": csrf_token(page_html),
        "clause": "",
        "body": "Ý kiến của tôi.\nDòng thứ hai.",
        "name": "Nguyễn Văn Dân",
        "email": "dan@example.org",
        "organisation": "",
        "consent": "y",
        "website": "",
    }
    data.update(fields)
    return data


def post_comment(client, tenant: TenantInfo, consultation_id: int, **fields):
    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant))
    assert page.status_code == 200
    return client.post(
        f"/lay-y-kien/{consultation_id}/gop-y",
        base_url=base_url(tenant),
        data=comment_data(page.text, **fields),
    )
