"""The public pages in both languages: the list and its state filter, the five things a
consultation must show, the countdown, the home page's block, the menu and the feeds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from app.extensions import db
from blueprints.consultations import presenting
from tenants.context import tenant_scope
from tests.consultations.helpers import load, make_consultation
from tests.factories import base_url, make_tenant


def test_the_list_filters_by_state_and_hides_unpublished(client):
    tenant = make_tenant()
    now = datetime.now(UTC)
    make_consultation(tenant, title="Đang mở A")
    make_consultation(tenant, title="Sắp mở B", opens=now + timedelta(days=2), closes=now + timedelta(days=9))
    make_consultation(
        tenant, title="Đã đóng C", opens=now - timedelta(days=9), closes=now - timedelta(days=2)
    )
    make_consultation(tenant, title="Nháp D", published=False)

    def titles(query=""):
        html = client.get(f"/lay-y-kien{query}", base_url=base_url(tenant)).text
        return {t for t in ("Đang mở A", "Sắp mở B", "Đã đóng C", "Nháp D") if t in html}

    assert titles() == {"Đang mở A", "Sắp mở B", "Đã đóng C"}
    assert titles("?state=open") == {"Đang mở A"}
    assert titles("?state=upcoming") == {"Sắp mở B"}
    assert titles("?state=closed") == {"Đã đóng C"}
    assert titles("?state=concluded") == set()
    english = client.get("/en/lay-y-kien", base_url=base_url(tenant)).text
    assert '<html lang="en">' in english and "Draft consultations" in english


def test_a_consultation_shows_the_five_things_and_the_time_left(client):
    now = datetime.now(UTC)
    tenant, consultation_id = make_consultation(closes=now + timedelta(days=3, hours=4, minutes=30))
    html = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    assert (
        "Điều 1. Phạm vi điều chỉnh" in html and "Hè phố còn lại rộng tối thiểu 1,5 mét." in html
    )  # full text
    assert (
        "Hạn góp ý" in html and "giờ Việt Nam" in html and "Còn 3 ngày, 4 tiếng để góp ý" in html
    )  # closing
    assert 'id="comments-h"' in html  # comments received
    assert 'action="/lay-y-kien/' in html and 'name="consent"' in html  # the comment form
    assert "UBND phường" in html and "1 Lê Lợi" in html and "mailto:ubnd@example.org" in html
    assert 'href="tel:02543852000"' in html  # the receiving agency
    english = client.get(f"/en/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    assert "3 days, 4 hours left to comment" in english and 'action="/en/lay-y-kien/' in english
    assert html.count("<h1") == 1


def test_time_left_text(app):
    with app.test_request_context("/"):
        assert presenting.time_left_text(timedelta(hours=5, minutes=12, seconds=9)) == "5 tiếng, 12 phút"
        assert presenting.time_left_text(timedelta(seconds=42)) == "42 giây"
        assert presenting.time_left_text(None) is None


def test_the_home_page_block_and_the_menu(client):
    tenant, consultation_id = make_consultation(title="Dự thảo trên trang chủ")
    home = client.get("/", base_url=base_url(tenant)).text
    assert "Dự thảo đang lấy ý kiến" in home and f'href="/lay-y-kien/{consultation_id}"' in home
    assert 'href="/lay-y-kien"' in home  # the main menu
    with tenant_scope(tenant):
        load(tenant, consultation_id).is_published = False
        db.session.flush()
    assert "Dự thảo trên trang chủ" not in client.get("/", base_url=base_url(tenant)).text


def test_feeds_list_published_consultations(client):
    tenant, consultation_id = make_consultation(title="Dự thảo trong nguồn tin")
    make_consultation(tenant, title="Bản nháp ẩn", published=False)
    for kind in ("rss", "atom"):
        response = client.get(f"/lay-y-kien/{kind}.xml", base_url=base_url(tenant))
        assert response.status_code == 200 and kind in response.mimetype
        root = ET.fromstring(response.data)
        text = ET.tostring(root, encoding="unicode")
        assert "Dự thảo trong nguồn tin" in text and "Bản nháp ẩn" not in text
        assert f"http://{tenant.primary_host}/lay-y-kien/{consultation_id}" in text


def test_the_vietnamese_draft_is_marked_as_such_on_english_pages(client):
    tenant, consultation_id = make_consultation()
    english = client.get(f"/en/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    assert "<h1 lang=vi>Dự thảo quy chế hè phố</h1>" in english
    assert '<p class="plain" lang=vi>Quy chế này quy định việc sử dụng hè phố.</p>' in english
    assert "lang=vi" not in client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
