"""The demo: on the city and the richly seeded wards, an open consultation revised once with
comments across both revisions (one on a removed clause), a concluded one with its report."""

from __future__ import annotations

from app.extensions import db
from blueprints.consultations import demo, presenting, services
from blueprints.consultations.models import ConsultationState
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant


def test_the_demo_seeds_every_state_and_runs_twice(client):
    ward = make_tenant(slug="thang-tam")
    with tenant_scope(ward):
        demo.seed(ward)
        demo.seed(ward)
        db.session.flush()
        listing = services.list_consultations(per_page=100).items
        states = {c.title: c.state() for c in listing}
        open_one = next(c for c in listing if c.title == demo.OPEN_TITLE)
        view = presenting.consultation_view(open_one)
        concluded = next(c for c in listing if c.title == demo.CONCLUDED_TITLE)
    assert len(listing) == 3
    assert states[demo.OPEN_TITLE] == ConsultationState.OPEN
    assert states[demo.CONCLUDED_TITLE] == ConsultationState.CONCLUDED
    assert states[demo.UPCOMING_TITLE] == ConsultationState.UPCOMING
    assert open_one.current_revision == 2 and len(view.removed) == 1 and view.removed[0].removed_in == 2
    assert {cv.comment.revision_number for cv in view.comments} == {1, 2}
    assert any(cv.changed_since for cv in view.comments)
    assert concluded.report and concluded.concluded_at
    page = client.get(f"/lay-y-kien/{concluded.id}", base_url=base_url(ward)).text
    assert "Báo cáo tiếp thu, giải trình" in page and "Quảng cáo dịch vụ" not in page


def test_other_portals_get_no_demo_consultations():
    ward = make_tenant()
    with tenant_scope(ward):
        demo.seed(ward)
        assert services.list_consultations().total == 0


def test_the_demo_through_the_api_matches_the_document(client):
    from tests.api.helpers import check_response, openapi_document

    ward = make_tenant(slug="long-son")
    with tenant_scope(ward):
        demo.seed(ward)
        db.session.flush()
    doc = openapi_document(client, ward)
    for prefix in ("", "/en"):
        url = f"{prefix}/api/v1/consultations?per_page=100"
        body = check_response(doc, url, client.get(url, base_url=base_url(ward)))
        assert {item["state"] for item in body["items"]} == {"open", "concluded", "upcoming"}
        for item in body["items"]:
            one = f"{prefix}/api/v1/consultations/{item['id']}"
            assert check_response(doc, one, client.get(one, base_url=base_url(ward))) == item
    opened = next(i for i in body["items"] if i["state"] == "open")
    assert any(c["clause_removed_in"] == 2 for c in opened["comments"])
    assert "example.org" not in str([c for c in opened["comments"]])
