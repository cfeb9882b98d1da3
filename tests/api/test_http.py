"""Errors as JSON naming the wrong parameter, 404/405, CORS, ETag and 304, the document itself,
and the developers' page."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from tests.api.helpers import check_response, make_portal, openapi_document
from tests.factories import make_tenant
from tests.support import h1_count


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/articles?page=0", "page"),
        ("/api/v1/articles?per_page=101", "per_page"),
        ("/api/v1/articles?per_page=abc", "per_page"),
        ("/api/v1/articles?sectoin=1", "sectoin"),
        ("/api/v1/articles?kind=gossip", "kind"),
        ("/api/v1/articles?highlight=yes", "highlight"),
        ("/api/v1/articles?published_from=2024-13-01", "published_from"),
        ("/api/v1/articles?published_from=2024-05-02&published_to=2024-05-01", "published_to"),
        ("/api/v1/sections?parent=-1", "parent"),
        ("/api/v1/documents?status=valid", "status"),
        ("/api/v1/documents?year=99", "year"),
        ("/api/v1/documents?sort=random", "sort"),
        ("/api/v1/documents?q=" + "x" * 201, "q"),
        ("/api/v1/schedule?week=2025-5", "week"),
        ("/api/v1/schedule?week=2021-W53", "week"),  # 2021 has 52 ISO weeks
        ("/api/v1/schedule?week=2025-W05&from=2025-01-01", "week"),
        ("/api/v1/schedule?from=2025-02-01&to=2025-01-01", "to"),
        ("/api/v1/schedule?from=2024-01-01&to=2025-06-01", "to"),
        ("/api/v1/contacts?unit=x", "unit"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, path, parameter):
    ward = make_tenant()
    doc = openapi_document(client, ward)
    response = client.get(path, base_url=f"http://{ward.primary_host}")
    assert response.status_code == 400
    body = check_response(doc, path, response)
    assert body["error"]["parameter"] == parameter and parameter in body["error"]["message"]


def test_error_messages_in_english_under_en(client):
    ward = make_tenant()
    body = client.get("/en/api/v1/documents?status=valid", base_url=f"http://{ward.primary_host}").get_json()
    assert body["error"]["title"] == "Bad request"
    assert body["error"]["message"].startswith("The value of the parameter “status” is not valid.")
    assert "in-force" in body["error"]["message"]


def test_unknown_ids_paths_and_methods(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    missing = client.get("/api/v1/documents/987654", base_url=portal.url)
    assert (
        missing.status_code == 404
        and check_response(doc, "/api/v1/documents/987654", missing)["error"]["code"] == 404
    )
    huge = client.get("/api/v1/documents/99999999999999999999", base_url=portal.url)
    assert huge.status_code == 404 and huge.is_json
    nowhere = client.get("/api/v1/no-such-resource", base_url=portal.url)
    assert nowhere.status_code == 404 and nowhere.get_json()["error"]["code"] == 404
    assert nowhere.headers["Access-Control-Allow-Origin"] == "*"
    post = client.post("/api/v1/articles", base_url=portal.url)
    assert post.status_code == 405 and "GET" in post.headers["Allow"]
    assert check_response(doc, "/api/v1/articles", post)["error"]["code"] == 405
    delete = client.delete(f"/api/v1/contacts/{portal.contact}", base_url=portal.url)
    assert delete.status_code == 405 and delete.is_json
    page = client.post("/gioi-thieu", base_url=portal.url)  # outside the API: the core's HTML page
    assert page.status_code == 405 and page.mimetype == "text/html"


def test_cors_for_any_origin(client):
    portal = make_portal()
    response = client.get("/api/v1/articles", base_url=portal.url, headers={"Origin": "https://example.net"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Link" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/articles",
        base_url=portal.url,
        headers={"Origin": "https://example.net", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    error = client.get("/api/v1/articles?page=x", base_url=portal.url)
    assert error.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/van-ban", base_url=portal.url).headers


def test_etag_and_304(client):
    portal = make_portal()
    first = client.get(f"/api/v1/documents/{portal.document}", base_url=portal.url)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=60"
    again = client.get(
        f"/api/v1/documents/{portal.document}", base_url=portal.url, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and again.data == b""
    listing = client.get("/api/v1/documents", base_url=portal.url)
    assert (
        client.get(
            "/api/v1/documents", base_url=portal.url, headers={"If-None-Match": listing.headers["ETag"]}
        ).status_code
        == 304
    )
    assert (
        client.get(
            "/api/v1/documents?status=in-force",
            base_url=portal.url,
            headers={"If-None-Match": listing.headers["ETag"]},
        ).status_code
        == 200
    )


def test_the_document_is_valid_openapi_31_for_this_portal_and_language(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    validate(doc)
    assert doc["openapi"] == "3.1.0" and doc["servers"] == [{"url": f"{portal.url}/api/v1"}]
    assert set(doc["paths"]) == {
        f"/{name}{suffix}"
        for name in (
            "articles",
            "consultations",
            "sections",
            "documents",
            "schedule",
            "questions",
            "highlights",
            "contacts",
            "search",
        )
        for suffix in ("", "/{id}")
    }
    english = openapi_document(client, portal.tenant, prefix="/en")
    validate(english)
    assert english["servers"] == [{"url": f"{portal.url}/en/api/v1"}]
    assert english["info"]["title"] == f"Open data API of {portal.tenant.name_en}"
    for name, schema in doc["components"]["schemas"].items():  # only the descriptions change
        assert (
            english["components"]["schemas"][name].get("properties", {}).keys()
            == schema.get("properties", {}).keys()
        )
    check_response(doc, "/api/v1/articles", client.get("/api/v1/articles", base_url=portal.url))


def test_developers_page_in_both_languages_and_in_the_site_map(client):
    portal = make_portal()
    page = client.get("/api", base_url=portal.url)
    assert page.status_code == 200 and h1_count(page.text) == 1 and page.mimetype == "text/html"
    assert f"{portal.url}/api/v1/openapi.json" in page.text and "published_from" in page.text
    english = client.get("/en/api", base_url=portal.url)
    assert english.status_code == 200 and "Open data (API)" in english.text
    assert 'lang="en"' in english.text
    site_map = client.get("/so-do-trang", base_url=portal.url)
    assert "/api" in site_map.text and "Dữ liệu mở (API)" in site_map.text
