"""The page cache: hits, precise invalidation per portal, 304s, no leakage, what is never stored."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.content_version import content_version_key
from app.extensions import db, redis_client
from blueprints.visits.counter import live_key, vietnam_today
from blueprints.visits.models import VisitDay
from tenants.context import tenant_scope
from tests.conftest import PortalClient, make_app
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import make_document, publish_article
from tests.support import sign_in

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


def get(client, tenant, path="/", **headers):
    return client.get(path, base_url=base_url(tenant), headers={**BROWSER, **headers})


def outcome(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def without_figures(response) -> str:
    """The page less the visit counter's line, which counts the views in between."""
    return re.sub(r'<p class="footer-visits">[^<]*</p>', "", response.text)


def test_the_second_anonymous_view_is_a_hit_with_the_same_page(client):
    ward = make_tenant()
    first, second = get(client, ward), get(client, ward)
    assert (first.status_code, outcome(first)) == (200, "miss")
    assert (second.status_code, outcome(second)) == (200, "hit")
    assert without_figures(second) == without_figures(first)
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Cookie" in second.headers["Vary"] and second.headers["Cache-Control"] == "no-cache"
    assert "Content-Security-Policy" in second.headers  # the app's other hooks still run on a hit


def test_a_change_on_one_ward_refreshes_its_pages_and_leaves_the_other_wards_cached(client):
    a, b = make_board(), make_board()
    for board in (a, b):
        assert outcome(get(client, board.tenant)) == "miss"
        assert outcome(get(client, board.tenant, "/tin-tuc")) == "miss"
    publish_article(a, title="Khánh thành nhà văn hoá khu phố 3")
    a_home, a_news = get(client, a.tenant), get(client, a.tenant, "/tin-tuc")
    assert outcome(a_home) == outcome(a_news) == "miss"
    assert "Khánh thành nhà văn hoá khu phố 3" in a_home.text and "Khánh thành" in a_news.text
    b_home, b_news = get(client, b.tenant), get(client, b.tenant, "/tin-tuc")
    assert outcome(b_home) == outcome(b_news) == "hit"
    assert "Khánh thành" not in b_home.text


def test_any_capability_s_write_refreshes_its_portal_without_being_wired(client):
    ward = make_tenant()
    get(client, ward, "/van-ban")
    assert outcome(get(client, ward, "/van-ban")) == "hit"
    make_document(ward, "12/QĐ-UBND", "Quyết định về trật tự đô thị")
    fresh = get(client, ward, "/van-ban")
    assert outcome(fresh) == "miss" and "12/QĐ-UBND" in fresh.text


def test_rows_that_never_show_publicly_do_not_refresh_the_cache(client):
    ward = make_tenant()
    get(client, ward)
    before = redis_client().get(content_version_key(ward.id))
    with tenant_scope(ward):
        db.session.add(VisitDay(day=vietnam_today() - timedelta(days=3), count=10))
        db.session.flush()
    db.session.commit()
    assert redis_client().get(content_version_key(ward.id)) == before
    assert outcome(get(client, ward)) == "hit"


def test_a_rolled_back_change_refreshes_nothing(client):
    ward = make_tenant()
    get(client, ward, "/van-ban")
    with tenant_scope(ward):
        make_document(ward, "13/QĐ-UBND", "Không bao giờ được lưu")
        db.session.rollback()
    assert outcome(get(client, ward, "/van-ban")) == "hit"


def test_etag_and_last_modified_answer_304(client):
    ward = make_tenant()
    page = get(client, ward, "/van-ban")
    etag, modified = page.headers["ETag"], page.headers["Last-Modified"]
    assert get(client, ward, "/van-ban", **{"If-None-Match": etag}).status_code == 304
    assert get(client, ward, "/van-ban", **{"If-Modified-Since": modified}).status_code == 304
    unchanged = get(client, ward, "/van-ban", **{"If-None-Match": '"something-else"'})
    assert unchanged.status_code == 200 and without_figures(unchanged) == without_figures(page)
    make_document(ward, "14/QĐ-UBND", "Một văn bản mới")
    changed = get(client, ward, "/van-ban", **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_no_page_is_served_to_another_portal_or_in_another_language(client):
    a = make_tenant(name_vi="Phường Hoa Sen")
    b = make_tenant(name_vi="Phường Hoa Mai")
    for _ in range(2):  # the second round is served from the cache
        pages = {
            "a": get(client, a).text,
            "b": get(client, b).text,
            "a-en": get(client, a, "/en/").text,
        }
        assert "Phường Hoa Sen" in pages["a"] and "Phường Hoa Mai" not in pages["a"]
        assert "Phường Hoa Mai" in pages["b"] and "Phường Hoa Sen" not in pages["b"]
        assert '<html lang="en">' in pages["a-en"] and '<html lang="vi">' in pages["a"]
    assert outcome(get(client, a, "/?page=2")) == "miss"  # the query is part of the key


def test_signed_in_staff_never_get_or_make_cached_pages(client):
    board = make_board()
    get(client, board.tenant)
    sign_in(client, board.tenant, board.editor)
    staff_view = get(client, board.tenant)
    assert outcome(staff_view) is None and "Trang quản trị" in staff_view.text
    anonymous = get(client.application.test_client(), board.tenant)
    assert outcome(anonymous) == "hit" and "Trang quản trị" not in anonymous.text


def test_pages_with_a_form_token_a_cookie_or_an_error_are_not_stored(client):
    ward = make_tenant()
    for path in ("/hoi-dap/gui", "/no-such-page"):
        first, second = get(client, ward, path), get(client, ward, path)
        assert outcome(first) is None or outcome(first) == "miss"
        assert outcome(second) != "hit", path


def test_flashed_messages_are_shown_and_not_cached(client):
    ward = make_tenant()
    get(client, ward)
    with client.session_transaction(base_url=base_url(ward)) as session:
        session["_flashes"] = [("success", "Đã gửi câu hỏi.")]
    flashed = get(client, ward)
    assert outcome(flashed) is None and "Đã gửi câu hỏi." in flashed.text
    assert "Đã gửi câu hỏi." not in get(client, ward).text


def test_visit_figures_stay_current_on_cached_pages(client):
    ward = make_tenant()
    for _ in range(3):
        get(client, ward)
    page = get(client, ward)
    assert outcome(page) == "hit" and "Lượt truy cập hôm nay: 3 – Tổng số: 3" in page.text
    redis_client().set(live_key(ward.id, vietnam_today()), 1234)
    assert "Lượt truy cập hôm nay: 1.234" in get(client, ward).text


@pytest.fixture
def redis_down_client(app):
    broken = make_app(REDIS_URL="redis://127.0.0.1:1/0", TENANT_CACHE_FALLBACK_SECONDS=0)
    broken.test_client_class = PortalClient
    return broken.test_client()


def test_pages_are_served_uncached_when_redis_is_down(redis_down_client):
    ward = make_tenant()
    for _ in range(2):
        page = get(redis_down_client, ward)
        assert page.status_code == 200 and outcome(page) is None
    assert get(redis_down_client, ward, "/tin-tuc").status_code == 200
