"""Ward A's API never shows, nor confirms the existence of, ward B's rows."""

from __future__ import annotations

from tests.api.helpers import make_portal

RESOURCES = {
    "articles": "article",
    "sections": "section",
    "documents": "document",
    "schedule": "entry",
    "contacts": "contact",
}


def test_a_ward_api_shows_nothing_of_another_ward(client):
    a, b = make_portal(), make_portal()
    for path, attribute in RESOURCES.items():
        a_id, b_id = getattr(a, attribute), getattr(b, attribute)
        listing = client.get(f"/api/v1/{path}?per_page=100", base_url=a.url).get_json()
        assert b_id not in [i["id"] for i in listing["items"]] or b_id == a_id, path
        assert b.tenant.primary_host not in str(listing), path
        assert client.get(f"/api/v1/{path}/{a_id}", base_url=a.url).status_code == 200
        mine = client.get(f"/api/v1/{path}/{a_id}", base_url=b.url)
        nobody = client.get(f"/api/v1/{path}/987654", base_url=b.url)
        if a_id != b_id:  # B asking for A's id learns exactly what an unknown id tells
            assert mine.status_code == 404 and mine.get_json() == nobody.get_json(), path


def test_ids_never_cross_even_when_they_collide(client):
    """Ids are per tenant, so A and B may both have a row 1: each sees only its own."""
    a, b = make_portal(), make_portal()
    for path, attribute in RESOURCES.items():
        for portal in (a, b):
            row = client.get(f"/api/v1/{path}/{getattr(portal, attribute)}", base_url=portal.url).get_json()
            assert "url" in row and (row["url"] is None or row["url"].startswith(portal.url)), path
    doc_a = client.get(f"/api/v1/documents/{a.document}", base_url=a.url).get_json()
    assert all(f["url"].startswith(a.url) for f in doc_a["files"])
    assert b.url not in client.get("/api/v1/openapi.json", base_url=a.url).text


def test_another_wards_hidden_rows_stay_hidden_by_any_filter(client):
    a, b = make_portal(), make_portal()
    for query in (
        "/api/v1/documents?q=du+thao",
        "/api/v1/contacts?q=an",
        "/api/v1/articles?per_page=100",
        f"/api/v1/articles?section={b.section}",
        f"/api/v1/contacts?unit={b.unit}",
    ):
        body = client.get(query, base_url=a.url).get_json()
        assert "Dự thảo chưa công bố" not in str(body) and "an.private" not in str(body)
        assert "Bản nháp" not in str(body)
        if "section=" in query or "unit=" in query:
            assert (
                b.section == a.section
                or body["items"] == []
                or all(
                    i.get("section_id") in (a.section, a.child_section)
                    or i.get("unit", {}).get("id") == a.unit
                    for i in body["items"]
                )
            ), query
