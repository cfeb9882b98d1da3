"""City-wide search reads its wards (and only its wards) through the named door; a ward's
search, page or API, never shows another portal's content."""

from __future__ import annotations

import pytest

from blueprints.search.services import Filters
from blueprints.search.services import search as run_search
from blueprints.search.text import parse_query
from tenants.context import tenant_scope
from tests.api.helpers import check_response, openapi_document
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import links, make_document, publish_article, search, titles


@pytest.fixture
def city():
    city = make_tenant(kind="city", theme="city", name_vi="Thành phố Vũng Tàu")
    thang_tam = make_board(make_tenant(parent=city, name_vi="Phường Thắng Tam"))
    rach_dua = make_board(make_tenant(parent=city, name_vi="Phường Rạch Dừa"))
    elsewhere = make_board(make_tenant(name_vi="Phường Ở Tỉnh Khác"))  # another city's ward
    city_board = make_board(city)
    publish_article(city_board, title="Thành phố phát động phong trào trồng cây xanh")
    publish_article(thang_tam, title="Thắng Tam trồng cây xanh ven biển")
    publish_article(rach_dua, title="Rạch Dừa trồng cây xanh ở trường học")
    publish_article(elsewhere, title="Tỉnh khác trồng cây xanh trên núi")
    make_document(rach_dua.tenant, "5/KH-UBND", "Kế hoạch trồng cây xanh năm 2024")
    return city, thang_tam, rach_dua, elsewhere


def test_the_city_searches_itself_unless_asked_for_its_wards(client, city):
    city_tenant, thang_tam, rach_dua, _ = city
    own = search(client, city_tenant, "trong cay xanh")
    assert titles(own.text) == ["Thành phố phát động phong trào trồng cây xanh"]
    assert 'id="search-all"' in own.text
    everywhere = search(client, city_tenant, "trong cay xanh", all="1")
    found = titles(everywhere.text)
    assert sorted(found) == sorted(
        [
            "Thành phố phát động phong trào trồng cây xanh",
            "Thắng Tam trồng cây xanh ven biển",
            "Rạch Dừa trồng cây xanh ở trường học",
            "Kế hoạch trồng cây xanh năm 2024",
        ]
    )
    assert "Tỉnh khác" not in everywhere.text  # not a child of this city
    assert "Phường Thắng Tam</p>" in everywhere.text or "· Phường Thắng Tam" in everywhere.text
    ward_links = [u for u in links(everywhere.text) if u.startswith("http://")]
    assert any(u.startswith(f"http://{thang_tam.tenant.primary_host}/tin-tuc/") for u in ward_links)
    assert any(u.startswith(f"http://{rach_dua.tenant.primary_host}/van-ban/") for u in ward_links)


def test_city_wide_reads_go_through_the_named_door(app, city, caplog):
    city_tenant, *_ = city
    with tenant_scope(city_tenant), caplog.at_level("INFO", logger="app.db"):
        results = run_search(parse_query("cay xanh"), Filters(everywhere=True), city_tenant)
    assert results.total == 4 and "cross-tenant read: city search" in caplog.text


def test_english_city_results_link_to_the_wards_english_pages(client, city):
    city_tenant, thang_tam, _, _ = city
    response = client.get("/en/tim-kiem?q=ven+bien&all=1", base_url=base_url(city_tenant))
    assert links(response.text) == [links(response.text)[0]]
    assert links(response.text)[0].startswith(f"http://{thang_tam.tenant.primary_host}/en/tin-tuc/")


def test_a_ward_asking_for_every_ward_still_sees_only_itself(client, city):
    _, thang_tam, _, _ = city
    response = search(client, thang_tam.tenant, "trong cay xanh", all="1")
    assert titles(response.text) == ["Thắng Tam trồng cây xanh ven biển"]
    assert 'id="search-all"' not in response.text


def test_a_ward_never_finds_another_wards_content(client, city):
    _, thang_tam, rach_dua, elsewhere = city
    for board, own in (
        (thang_tam, "Thắng Tam trồng cây xanh ven biển"),
        (elsewhere, "Tỉnh khác trồng cây xanh trên núi"),
    ):
        response = search(client, board.tenant, "cay xanh")
        assert titles(response.text) == [own]
    assert titles(search(client, thang_tam.tenant, "5/KH-UBND").text) == []
    assert "Rạch Dừa" not in search(client, thang_tam.tenant, "rach dua truong hoc").text.split("<main", 1)[1]


def test_suggestions_never_cross_portals(client, city):
    _, thang_tam, _, _ = city
    response = search(client, thang_tam.tenant, "truong hocc")
    assert "Rạch Dừa trồng cây xanh ở trường học" not in response.text


def test_the_api_searches_like_the_page_and_matches_its_document(client, city):
    city_tenant, thang_tam, rach_dua, _ = city
    doc = openapi_document(client, thang_tam.tenant)
    assert "/search" in doc["paths"] and "SearchResult" in doc["components"]["schemas"]
    response = client.get("/api/v1/search?q=thang+tam+cay", base_url=base_url(thang_tam.tenant))
    body = check_response(doc, "/api/v1/search", response)
    assert [i["title"] for i in body["items"]] == ["Thắng Tam trồng cây xanh ven biển"]
    item = body["items"][0]
    assert item["title_html"] == "<mark>Thắng</mark> <mark>Tam</mark> trồng <mark>cây</mark> xanh ven biển"
    assert item["kind"] == "article" and item["portal"] is None
    assert item["url"].startswith(f"http://{thang_tam.tenant.primary_host}/tin-tuc/{item['item_id']}-")
    again = client.get(f"/api/v1/search/{item['id']}", base_url=base_url(thang_tam.tenant))
    assert check_response(doc, f"/api/v1/search/{item['id']}", again)["item_id"] == item["item_id"]
    assert client.get(f"/api/v1/search/{item['id']}", base_url=base_url(rach_dua.tenant)).status_code == 404
    other = client.get("/api/v1/search?q=cay+xanh&all=true", base_url=base_url(rach_dua.tenant)).get_json()
    assert "Thắng Tam" not in str(other) and other["total"] == 2
    city_wide = client.get("/api/v1/search?q=cay+xanh&all=true", base_url=base_url(city_tenant)).get_json()
    assert city_wide["total"] == 4
    assert {i["portal"] for i in city_wide["items"]} == {None, "Phường Thắng Tam", "Phường Rạch Dừa"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("", "q"),
        ("q=" + "x" * 201, "q"),
        ("q=a&type=gossip", "type"),
        ("q=a&from=2024-13-01", "from"),
        ("q=a&from=2024-05-02&to=2024-05-01", "to"),
        ("q=a&all=yes", "all"),
        ("q=a&sectoin=1", "sectoin"),
    ],
)
def test_api_refuses_bad_parameters_with_a_400(client, query, parameter):
    ward = make_tenant()
    response = client.get(f"/api/v1/search?{query}", base_url=base_url(ward))
    assert response.status_code == 400 and response.get_json()["error"]["parameter"] == parameter


@pytest.mark.parametrize("hostile", ['"', "&|!():*", "<script>", "'; --", "a" * 200])
def test_api_hostile_queries_answer_normally(client, hostile):
    ward = make_tenant()
    response = client.get("/api/v1/search", query_string={"q": hostile}, base_url=base_url(ward))
    assert response.status_code == 200 and response.get_json()["items"] == []


def test_the_city_names_its_wards_that_match_even_without_searching_them(client, city):
    city_tenant, thang_tam, _, _ = city
    response = search(client, city_tenant, "thang tam")
    assert f'http://{thang_tam.tenant.primary_host}/">Phường Thắng Tam</a>' in response.text
    assert titles(response.text) == []
