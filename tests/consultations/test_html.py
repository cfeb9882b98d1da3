"""Every page of consultations, public and back office, in every state and both languages, is
well formed (one h1, a lang, a main landmark) and passes the W3C Nu HTML Checker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from blueprints.consultations import demo, services
from tenants.context import tenant_scope
from tests.consultations.helpers import comment_data, sign_in_as
from tests.core.test_crawl import structure_problems, validation_errors
from tests.factories import base_url, make_tenant


@pytest.mark.validator  # the W3C Nu checker (Java): not part of make test-fast
def test_every_page_is_valid_html(client, tmp_path):
    ward = make_tenant(slug="phuong-1")
    with tenant_scope(ward):
        demo.seed(ward)
        ids = {c.title: c.id for c in services.list_consultations(per_page=10).items}
    open_id, concluded_id, upcoming_id = (
        ids[t] for t in (demo.OPEN_TITLE, demo.CONCLUDED_TITLE, demo.UPCOMING_TITLE)
    )
    host = ward.primary_host
    public = [
        "/lay-y-kien",
        "/en/lay-y-kien?state=open",
        f"/lay-y-kien/{open_id}",
        f"/en/lay-y-kien/{open_id}",
        f"/lay-y-kien/{concluded_id}",
        f"/lay-y-kien/{upcoming_id}",
        f"/lay-y-kien/{concluded_id}/ban-in",
        "/lay-y-kien/dang-ky",
        "/en/lay-y-kien/dang-ky",
        "/",
    ]
    pages = {}
    for path in public:
        response = client.get(path, base_url=base_url(ward))
        assert response.status_code == 200, path
        pages[f"{host}{path}"] = response.text
    page = client.get(f"/lay-y-kien/{open_id}", base_url=base_url(ward))
    invalid = client.post(
        f"/lay-y-kien/{open_id}/gop-y",
        base_url=base_url(ward),
        data=comment_data(page.text, email="x", consent=""),
    )
    assert invalid.status_code == 422
    pages[f"{host}/lay-y-kien/{open_id}/gop-y (invalid)"] = invalid.text
    with tenant_scope(ward):
        services.get_consultation(open_id).closes_at = datetime.now(UTC) - timedelta(seconds=1)
        db.session.flush()
    late = client.post(f"/lay-y-kien/{open_id}/gop-y", base_url=base_url(ward), data=comment_data(page.text))
    assert late.status_code == 409
    pages[f"{host}/lay-y-kien/{open_id}/gop-y (late)"] = late.text
    assert structure_problems(pages) == []
    sign_in_as(client, ward)
    for path in (
        "/admin/consultations",
        "/admin/consultations/new",
        f"/admin/consultations/{open_id}",
        f"/admin/consultations/{upcoming_id}/text",
        f"/admin/consultations/{open_id}/text",
        f"/admin/consultations/{concluded_id}/comments",
        f"/en/admin/consultations/{open_id}/comments",
        f"/admin/consultations/{concluded_id}/print",
    ):
        response = client.get(path, base_url=base_url(ward))
        assert response.status_code == 200, path
        pages[f"{host}{path}"] = response.text
    assert validation_errors(pages, tmp_path) == []
