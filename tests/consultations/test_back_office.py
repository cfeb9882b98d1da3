"""The back office through HTTP: a consultation created with local times (stored UTC) and the
draft as PDF (checked by content), its text entered and revised, the report that concludes it."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from blueprints.consultations.models import Consultation, ConsultationFile
from tenants.context import tenant_scope
from tests.about.helpers import PDF
from tests.consultations.helpers import TEXT, load, make_consultation, sign_in_as
from tests.factories import base_url, make_tenant
from tests.support import csrf_token

FIELDS = {
    "title": "Dự thảo quy định giờ karaoke",
    "summary": "Tóm tắt",
    "drafting_body": "Phòng Văn hóa",
    "opens_at": "2030-03-01T08:00",
    "closes_at": "2030-03-31T17:00",
    "agency_name": "UBND phường",
    "agency_address": "1 Lê Lợi",
    "agency_email": "ubnd@example.org",
    "agency_phone": "0254 3852 000",
    "is_published": "y",
}


def _post(client, tenant, path, data, files=None):
    page = client.get(path, base_url=base_url(tenant))
    assert page.status_code == 200, path
    payload = dict(data, csrf_token=csrf_token(page.text))
    for name, (content, filename) in (files or {}).items():
        payload[name] = (io.BytesIO(content), filename)
    return client.post(
        path, base_url=base_url(tenant), data=payload, content_type="multipart/form-data" if files else None
    )


def test_create_with_local_times_and_a_pdf_then_enter_the_text(client):
    tenant = make_tenant()
    sign_in_as(client, tenant)
    refused = _post(
        client,
        tenant,
        "/admin/consultations/new",
        FIELDS,
        files={"upload": (b"MZ\x90\x00 not a document", "du-thao.pdf")},
    )
    assert refused.status_code == 422 and "Chỉ nhận tệp PDF" in refused.text and "giờ karaoke" in refused.text
    backwards = _post(client, tenant, "/admin/consultations/new", FIELDS | {"closes_at": "2030-02-01T08:00"})
    assert backwards.status_code == 422 and "Thời hạn góp ý phải sau thời điểm bắt đầu." in backwards.text
    created = _post(
        client, tenant, "/admin/consultations/new", FIELDS, files={"upload": (PDF, "du-thao.pdf")}
    )
    assert created.status_code == 302 and created.headers["Location"].endswith("/text")
    with tenant_scope(tenant):
        consultation = db.session.scalars(sa.select(Consultation)).one()
        assert consultation.closes_at == datetime(2030, 3, 31, 10, 0, tzinfo=UTC)  # 17:00 in Vietnam
        assert db.session.scalars(sa.select(ConsultationFile)).one().content_type == "application/pdf"
        consultation_id = consultation.id
    bad = _post(
        client,
        tenant,
        f"/admin/consultations/{consultation_id}/text",
        {"text": "Lời nói đầu\nĐiều 1.", "note": ""},
    )
    assert bad.status_code == 422 and "Dòng 1" in bad.text and "Lời nói đầu" in bad.text
    saved = _post(
        client, tenant, f"/admin/consultations/{consultation_id}/text", {"text": TEXT, "note": "lần 1"}
    )
    assert saved.status_code == 302
    form = client.get(f"/admin/consultations/{consultation_id}/text", base_url=base_url(tenant)).text
    assert "Điều 2. Điều kiện" in form and "Lần 1" in form
    edit = client.get(f"/admin/consultations/{consultation_id}", base_url=base_url(tenant)).text
    assert 'value="2030-03-31T17:00"' in edit
    public = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    assert "du-thao.pdf" in public and "Chưa đến thời gian lấy ý kiến" in public


def test_conclude_only_after_closing_with_a_report(client):
    now = datetime.now(UTC)
    tenant, open_id = make_consultation()
    _, closed_id = make_consultation(tenant, opens=now - timedelta(days=5), closes=now - timedelta(minutes=1))
    sign_in_as(client, tenant)
    page = client.get("/admin/consultations", base_url=base_url(tenant))
    client.post(
        f"/admin/consultations/{open_id}/conclude",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "report": "Quá sớm"},
    )
    with tenant_scope(tenant):
        assert load(tenant, open_id).concluded_at is None
    client.post(
        f"/admin/consultations/{closed_id}/conclude",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "report": "Đã tiếp thu 2 ý kiến.\nXem bảng."},
    )
    public = client.get(f"/lay-y-kien/{closed_id}", base_url=base_url(tenant)).text
    assert "Đã có báo cáo tiếp thu" in public and "Đã tiếp thu 2 ý kiến.\nXem bảng." in public
    assert (
        client.get("/lay-y-kien?state=concluded", base_url=base_url(tenant)).text.count(
            f'href="/lay-y-kien/{closed_id}"'
        )
        == 1
    )


def test_the_newsroom_dashboard_shows_waiting_comments_to_moderators_only(client, app):
    from blueprints.consultations import services

    tenant, consultation_id = make_consultation(title="Dự thảo có ý kiến chờ")
    with tenant_scope(tenant):
        services.submit_comment(
            load(tenant, consultation_id), clause_key=None, name="A", email="a@example.org", body="Chờ duyệt"
        )
    sign_in_as(client, tenant, "collaborator")
    dashboard = client.get("/admin/newsroom/", base_url=base_url(tenant))
    assert dashboard.status_code == 200 and "Dự thảo có ý kiến chờ" not in dashboard.text
    editor = app.test_client()  # another person's browser
    sign_in_as(editor, tenant, "editor")
    html = editor.get("/admin/newsroom/", base_url=base_url(tenant)).text
    assert "Ý kiến góp ý dự thảo chờ kiểm duyệt" in html and "Dự thảo có ý kiến chờ</a> (1)" in html
