"""Ward A's consultations, comments, files and subscribers are not found on ward B: every public
URL, form, feed, sitemap, API resource and back-office screen answers as for an unknown id."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from app.uploads import store_bytes
from blueprints.consultations import services
from blueprints.consultations.models import ConsultationComment
from tenants.context import tenant_scope
from tests.about.helpers import PDF
from tests.consultations.helpers import comment_data, load, make_consultation, sign_in_as
from tests.factories import base_url


def _ward_with_everything():
    tenant, consultation_id = make_consultation(moderation="post", title="Dự thảo riêng của phường A")
    with tenant_scope(tenant):
        consultation = load(tenant, consultation_id)
        file = services.attach_stored(consultation, store_bytes(PDF, "application/pdf", "pdf", "a.pdf"))
        comment = services.submit_comment(
            consultation, clause_key=None, name="Người A", email="a@example.org", body="Ý kiến của phường A"
        )
        db.session.flush()
        return tenant, consultation_id, file.id, comment.id


def test_every_public_url_of_ward_a_is_not_found_on_ward_b(client):
    a, consultation_id, file_id, comment_id = _ward_with_everything()
    b, b_consultation = make_consultation()
    public = [
        f"/lay-y-kien/{consultation_id}",
        f"/en/lay-y-kien/{consultation_id}",
        f"/lay-y-kien/{consultation_id}/tep/{file_id}",
        f"/lay-y-kien/{consultation_id}/ban-in",
        f"/api/v1/consultations/{consultation_id}",
        f"/lay-y-kien/{b_consultation}/tep/{file_id}",
    ]
    for path in public[:-1]:
        assert client.get(path, base_url=base_url(a)).status_code == 200, path
    for path in public:
        assert client.get(path, base_url=base_url(b)).status_code == 404, path
    unknown = client.get("/api/v1/consultations/987654321", base_url=base_url(b)).get_json()
    assert client.get(f"/api/v1/consultations/{consultation_id}", base_url=base_url(b)).get_json() == unknown
    for path in (
        "/lay-y-kien",
        "/lay-y-kien/rss.xml",
        "/lay-y-kien/atom.xml",
        "/api/v1/consultations",
        "/sitemap.xml",
        "/",
        "/lay-y-kien?state=open",
    ):
        text = client.get(path, base_url=base_url(b)).text
        assert "phường A" not in text and f'/lay-y-kien/{consultation_id}"' not in text, path
        assert a.primary_host not in text, path
    assert f"/lay-y-kien/{consultation_id}<" in client.get("/sitemap.xml", base_url=base_url(a)).text


def test_a_comment_posted_to_ward_b_with_ward_a_ids_is_not_found(client):
    a, consultation_id, _file, _comment = _ward_with_everything()
    b, b_consultation = make_consultation()
    a_clause = next(key for key, _label in _choices(a, consultation_id))
    page = client.get(f"/lay-y-kien/{b_consultation}", base_url=base_url(b))
    assert (
        client.post(
            f"/lay-y-kien/{consultation_id}/gop-y", base_url=base_url(b), data=comment_data(page.text)
        ).status_code
        == 404
    )
    wrong_clause = client.post(
        f"/lay-y-kien/{b_consultation}/gop-y",
        base_url=base_url(b),
        data=comment_data(page.text, clause=a_clause),
    )
    assert wrong_clause.status_code == 422
    with tenant_scope(b):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ConsultationComment)) == 0


def _choices(tenant, consultation_id):
    with tenant_scope(tenant):
        return services.clause_choices(load(tenant, consultation_id))


def test_ward_b_editors_cannot_reach_ward_a_in_the_back_office(client):
    a, consultation_id, file_id, comment_id = _ward_with_everything()
    b, _ = make_consultation()
    sign_in_as(client, b)
    for path in (
        f"/admin/consultations/{consultation_id}",
        f"/admin/consultations/{consultation_id}/text",
        f"/admin/consultations/{consultation_id}/comments",
        f"/admin/consultations/{consultation_id}/print",
        f"/admin/consultations/{consultation_id}/export.csv",
        f"/admin/consultations/{consultation_id}/files/{file_id}",
    ):
        assert client.get(path, base_url=base_url(b)).status_code == 404, path
    page = client.get("/admin/consultations", base_url=base_url(b))
    assert "phường A" not in page.text
    from tests.support import csrf_token

    token = csrf_token(page.text)
    for path, data in (
        (f"/admin/consultations/{consultation_id}/comments/{comment_id}/moderate", {"action": "spam"}),
        (f"/admin/consultations/{consultation_id}/comments/{comment_id}/response", {"response": "x"}),
        (f"/admin/consultations/{consultation_id}/conclude", {"report": "x"}),
        (f"/admin/consultations/{consultation_id}/files/{file_id}/delete", {}),
    ):
        assert (
            client.post(path, base_url=base_url(b), data={"csrf_token": token, **data}).status_code == 404
        ), path
    with tenant_scope(a):
        assert db.session.get(ConsultationComment, (a.id, comment_id)).state == "pending"
