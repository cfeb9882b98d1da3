"""The export of every comment with the agency's responses (CSV with formulas neutralised, a
printable page), and the open data resource: validated against the OpenAPI document, with the
clauses and the visible comments, and no personal data."""

from __future__ import annotations

import csv
import io

from blueprints.consultations import services
from blueprints.consultations.models import CommentState
from tenants.context import tenant_scope
from tests.api.helpers import check_response, openapi_document
from tests.consultations.helpers import key_of, load, make_consultation, sign_in_as
from tests.factories import base_url


def _comments(tenant, consultation_id):
    clause = key_of(tenant, consultation_id, "Điều 2, khoản 1")
    with tenant_scope(tenant):
        consultation = load(tenant, consultation_id)
        formula = services.submit_comment(
            consultation,
            clause_key=clause,
            name='=HYPERLINK("http://x")',
            email="hidden@example.org",
            organisation="+Tổ dân phố",
            body="-2 mét là ít",
        )
        formula.state = CommentState.ACCEPTED.value
        services.respond(formula, "@Tiếp thu")
        general = services.submit_comment(
            consultation,
            clause_key=None,
            name="Trần Thị B",
            email="b.private@example.org",
            body="Ý kiến chung",
        )
        general.state = CommentState.ACCEPTED.value
        services.submit_comment(
            consultation, clause_key=None, name="Chưa duyệt", email="c@example.org", body="Đang chờ"
        )
    return clause


def test_the_csv_holds_every_comment_with_responses_neutralised_and_no_email(client):
    tenant, consultation_id = make_consultation()
    _comments(tenant, consultation_id)
    sign_in_as(client, tenant)
    response = client.get(f"/admin/consultations/{consultation_id}/export.csv", base_url=base_url(tenant))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 4 and rows[0][0] == "Số thứ tự"
    first = rows[1]
    assert (
        first[2] == '\'=HYPERLINK("http://x")' and first[3] == "'+Tổ dân phố" and first[7] == "'-2 mét là ít"
    )
    assert first[4] == "Điều 2, khoản 1" and first[10] == "'@Tiếp thu"
    assert "@example.org" not in response.get_data(as_text=True)
    printed = client.get(f"/admin/consultations/{consultation_id}/print", base_url=base_url(tenant))
    assert printed.status_code == 200 and "Đang chờ" in printed.text and "@Tiếp thu" in printed.text
    public = client.get(f"/lay-y-kien/{consultation_id}/ban-in", base_url=base_url(tenant)).text
    assert "Đang chờ" not in public and "Ý kiến chung" in public and "@example.org" not in public


def test_the_api_resource_matches_the_document_and_holds_no_personal_data(client):
    tenant, consultation_id = make_consultation()
    clause = _comments(tenant, consultation_id)
    _, hidden = make_consultation(tenant, published=False, title="Chưa công khai")
    doc = openapi_document(client, tenant)
    assert "/consultations/{id}" in doc["paths"]
    for path in (
        "/api/v1/consultations",
        f"/api/v1/consultations/{consultation_id}",
        "/en/api/v1/consultations?state=open",
        f"/en/api/v1/consultations/{consultation_id}",
    ):
        response = client.get(path, base_url=base_url(tenant))
        assert response.status_code == 200, path
        check_response(doc, path, response)
    listing = client.get("/api/v1/consultations", base_url=base_url(tenant)).get_json()
    assert [item["id"] for item in listing["items"]] == [consultation_id]
    item = client.get(f"/api/v1/consultations/{consultation_id}", base_url=base_url(tenant)).get_json()
    assert item["state"] == "open" and item["revision"] == 1 and item["agency"]["email"] == "ubnd@example.org"
    assert [c["kind"] for c in item["clauses"]][:3] == ["part", "article", "article"]
    assert {c["clause_key"] for c in item["comments"]} == {clause, None} and len(item["comments"]) == 2
    assert "Đang chờ" not in str(item) and "private" not in str(item) and "hidden@" not in str(item)
    assert "Trần Thị B" not in str(item)  # names are not published through the API
    assert client.get(f"/api/v1/consultations/{hidden}", base_url=base_url(tenant)).status_code == 404
    assert (
        client.get("/api/v1/consultations?state=closed", base_url=base_url(tenant)).get_json()["items"] == []
    )
    assert client.get("/api/v1/consultations?state=nope", base_url=base_url(tenant)).status_code == 400
