"""The parent's public pages: home block, the wards' channel with its filters, feeds and API;
and isolation: a ward never shows the city board nor another ward's items."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser

from tests.aggregator.helpers import highlight, make_city, sync
from tests.factories import base_url, make_tenant


def test_home_block_and_channel_show_the_wards_items_with_links_to_their_domains(client):
    city = make_city()
    one, two = city.wards
    a = highlight(one, title="Phường một khánh thành cầu", summary="Cầu mới nối hai khu phố.")
    highlight(two, title="Phường hai ra quân dọn biển")
    sync(city)
    home = client.get("/", base_url=base_url(city.parent))
    assert "Phường một khánh thành cầu" in home.text and "Phường hai ra quân dọn biển" in home.text
    assert f'href="http://{one.tenant.primary_host}/tin-tuc/{a}-' in home.text
    assert "Chuyên mục các xã, phường" in home.text  # the main menu has the channel
    page = client.get("/chuyen-muc-cac-xa-phuong", base_url=base_url(city.parent))
    assert page.status_code == 200
    assert "Cầu mới nối hai khu phố." in page.text and one.tenant.name_vi in page.text
    english = client.get("/en/chuyen-muc-cac-xa-phuong", base_url=base_url(city.parent))
    assert (
        english.status_code == 200 and "Wards' channel" in english.text and one.tenant.name_en in english.text
    )
    only_two = client.get(f"/chuyen-muc-cac-xa-phuong?ward={two.tenant.id}", base_url=base_url(city.parent))
    assert (
        "Phường hai ra quân dọn biển" in only_two.text and "Phường một khánh thành cầu" not in only_two.text
    )


def test_month_filter(client):
    city = make_city(1)
    ward = city.wards[0]
    highlight(ward, title="Tin cũ tháng trước", days_ago=40)
    highlight(ward, title="Tin mới hôm qua", days_ago=1)
    sync(city)
    now = datetime.now(UTC)
    month = f"{now.year}-{now.month:02d}" if now.day > 2 else None
    if month:
        page = client.get(f"/chuyen-muc-cac-xa-phuong?month={month}", base_url=base_url(city.parent))
        assert "Tin mới hôm qua" in page.text and "Tin cũ tháng trước" not in page.text
    everything = client.get("/chuyen-muc-cac-xa-phuong?month=nonsense", base_url=base_url(city.parent))
    assert "Tin mới hôm qua" in everything.text and "Tin cũ tháng trước" in everything.text


def test_a_ward_shows_no_city_board_and_no_other_wards_items(client):
    city = make_city()
    one, two = city.wards
    highlight(two, title="Tin riêng của phường hai")
    sync(city)
    for ward in (one, two):
        home = client.get("/", base_url=base_url(ward.tenant))
        assert "Tin các phường, xã" not in home.text and "Chuyên mục các xã, phường" not in home.text
        assert client.get("/chuyen-muc-cac-xa-phuong", base_url=base_url(ward.tenant)).status_code == 404
        assert (
            client.get("/chuyen-muc-cac-xa-phuong/rss.xml", base_url=base_url(ward.tenant)).status_code == 404
        )
        api = client.get("/api/v1/highlights", base_url=base_url(ward.tenant)).get_json()
        assert api["items"] == [] and api["total"] == 0
    assert "Tin riêng của phường hai" not in client.get("/", base_url=base_url(one.tenant)).text
    lonely = make_tenant(kind="city")
    assert "Tin các phường, xã" not in client.get("/", base_url=base_url(lonely)).text


def test_another_parents_item_ids_are_404(client):
    city, other = make_city(1), make_city(1)
    highlight(city.wards[0])
    sync(city)
    item_id = client.get("/api/v1/highlights", base_url=base_url(city.parent)).get_json()["items"][0]["id"]
    assert client.get(f"/api/v1/highlights/{item_id}", base_url=base_url(city.parent)).status_code == 200
    assert client.get(f"/api/v1/highlights/{item_id}", base_url=base_url(other.parent)).status_code == 404


def test_feeds_and_api(client):
    city = make_city()
    one = city.wards[0]
    a = highlight(one, title="Hội thi nấu ăn")
    sync(city)
    rss = feedparser.parse(
        client.get("/chuyen-muc-cac-xa-phuong/rss.xml", base_url=base_url(city.parent)).data
    )
    atom = feedparser.parse(
        client.get("/chuyen-muc-cac-xa-phuong/atom.xml", base_url=base_url(city.parent)).data
    )
    for parsed in (rss, atom):
        assert not parsed.bozo
        assert [e.title for e in parsed.entries] == ["Hội thi nấu ăn"]
        assert parsed.entries[0].link.startswith(f"http://{one.tenant.primary_host}/tin-tuc/{a}-")
    body = client.get(
        f"/api/v1/highlights?ward={one.tenant.id}&per_page=5", base_url=base_url(city.parent)
    ).get_json()
    item = body["items"][0]
    assert (item["ward"], item["title"], item["ward_id"]) == (
        one.tenant.name_vi,
        "Hội thi nấu ăn",
        one.tenant.id,
    )
    assert item["url"].startswith(f"http://{one.tenant.primary_host}/") and body["per_page"] == 5
    none = client.get(f"/api/v1/highlights?ward={city.wards[1].tenant.id}", base_url=base_url(city.parent))
    assert none.get_json()["total"] == 0
    assert client.get("/api/v1/highlights?ward=x", base_url=base_url(city.parent)).status_code == 400
    doc = client.get("/api/v1/openapi.json", base_url=base_url(city.parent)).get_json()
    assert "/highlights" in doc["paths"] and "Highlight" in doc["components"]["schemas"]
