"""A broad city-wide search (more than RECENT_ABOVE title or summary matches over all time) covers
the last RECENT_DAYS days, says so in both languages and offers all time in one click; dates,
a ward's own search and narrow queries are never windowed. The thresholds are lowered here so
that a handful of articles stands for the thousands of a real city."""

from __future__ import annotations

import pytest

from blueprints.search import services
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import days_ago, publish_article, search, titles

RECENT = [f"Hiến máu tình nguyện đợt {n}" for n in (1, 2, 3)]
OLD = ["Hiến máu nhân đạo năm trước", "Hiến máu cứu người từ lâu"]


@pytest.fixture
def city(monkeypatch):
    monkeypatch.setattr(services, "RECENT_ABOVE", 4)
    monkeypatch.setattr(services, "RECENT_AT_LEAST", 2)
    city = make_tenant(kind="city", theme="city")
    first, second = (make_board(make_tenant(parent=city)) for _ in range(2))
    for days, title in zip((1, 2, 3), RECENT, strict=True):
        publish_article(first, title=title, published_at=days_ago(days))
    publish_article(second, title=OLD[0], published_at=days_ago(100))
    publish_article(second, title=OLD[1], published_at=days_ago(400))
    return city, first, second


def test_a_broad_city_wide_search_covers_recent_days_with_all_time_one_click_away(client, city):
    city_tenant, *_ = city
    page = search(client, city_tenant, "hien mau", all="1")
    assert titles(page.text) == RECENT
    assert "chỉ hiện những kết quả như vậy trong 30 ngày gần đây" in page.text
    assert "all_time=1" in page.text and "Tìm trong mọi thời gian" in page.text
    everything = search(client, city_tenant, "hien mau", all="1", all_time="1")
    assert titles(everything.text) == RECENT + OLD
    assert "ngày gần đây" not in everything.text
    assert '<input type="hidden" name="all_time" value="1">' in everything.text


def test_the_english_page_says_so_too(client, city):
    city_tenant, *_ = city
    page = client.get("/en/tim-kiem?q=hien+mau&all=1", base_url=base_url(city_tenant))
    assert "last 30 days" in page.text and "Search all time" in page.text


def test_dates_a_wards_own_search_and_narrow_queries_are_never_windowed(client, city, monkeypatch):
    city_tenant, _, second = city
    dated = search(client, city_tenant, "hien mau", all="1", **{"from": days_ago(500).date().isoformat()})
    assert titles(dated.text) == RECENT + OLD and "ngày gần đây" not in dated.text
    assert titles(search(client, second.tenant, "hien mau").text) == OLD
    monkeypatch.setattr(services, "RECENT_ABOVE", 5)
    assert titles(search(client, city_tenant, "hien mau", all="1").text) == RECENT + OLD


def test_a_window_with_too_few_matches_is_not_used(client, city, monkeypatch):
    city_tenant, *_ = city
    monkeypatch.setattr(services, "RECENT_AT_LEAST", 4)
    page = search(client, city_tenant, "hien mau", all="1")
    assert titles(page.text) == RECENT + OLD and "ngày gần đây" not in page.text


def test_the_api_windows_the_same_way_and_takes_all_time(client, city):
    city_tenant, *_ = city
    url = "/api/v1/search?q=hien+mau&all=true"
    assert client.get(url, base_url=base_url(city_tenant)).get_json()["total"] == 3
    assert client.get(url + "&all_time=true", base_url=base_url(city_tenant)).get_json()["total"] == 5


def test_city_wide_suggestions_reach_older_titles_when_recent_ones_are_few(client, city):
    city_tenant, *_ = city
    page = search(client, city_tenant, "hien mauu nhan dao", all="1")
    assert not titles(page.text) and OLD[0] in page.text
