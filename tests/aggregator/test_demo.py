"""The demo: after the seed the wards' highlights are on the parent's home page, and the
configured external feed shows as failing; seeding twice adds nothing."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.aggregator import demo
from blueprints.aggregator.models import AggregatedItem, ExternalFeed
from tenants.context import tenant_scope
from tests.aggregator.helpers import highlight, make_city
from tests.factories import base_url, make_user
from tests.support import sign_in


def test_seed_syncs_the_wards_and_adds_a_failing_feed(client):
    city = make_city()
    titles = [highlight(ward, title=f"Tin nổi bật {i}") for i, ward in enumerate(city.wards)]
    for ward in city.wards:  # a ward (no children) gets nothing
        with tenant_scope(ward.tenant):
            demo.seed(ward.tenant)
            assert db.session.scalar(sa.select(sa.func.count()).select_from(ExternalFeed)) == 0
    for _ in range(2):
        with tenant_scope(city.parent):
            demo.seed(city.parent)
            db.session.commit()
    with tenant_scope(city.parent):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(AggregatedItem)) == len(titles)
        feed = db.session.scalar(sa.select(ExternalFeed))
        assert feed.url == demo.DEMO_FEED_URL and feed.failure_count >= 1
    home = client.get("/", base_url=base_url(city.parent))
    assert "Tin nổi bật 0" in home.text and "Tin nổi bật 1" in home.text
    sign_in(client, city.parent, make_user(roles={city.parent: ["editor"]}))
    assert "Nguồn tin ngoài đang lỗi" in client.get("/admin/city-board/", base_url=base_url(city.parent)).text


def test_feed_form_refuses_other_schemes_and_keeps_what_was_typed(client):
    city = make_city(0)
    sign_in(client, city.parent, make_user(roles={city.parent: ["editor"]}))
    from tests.support import csrf_token

    page = client.get("/admin/city-feeds/new", base_url=base_url(city.parent))

    def add_feed(url: str):
        data = {"name": "Báo tỉnh", "url": url, "is_active": "y", "csrf_token": csrf_token(page.text)}
        return client.post("/admin/city-feeds/new", base_url=base_url(city.parent), data=data)

    refused = add_feed("file:///etc/passwd")
    assert refused.status_code == 422 and "Báo tỉnh" in refused.text and "http://" in refused.text
    assert add_feed("https://bao.example.org/rss").status_code == 302
    with tenant_scope(city.parent):
        assert [(f.name, f.url) for f in db.session.scalars(sa.select(ExternalFeed))] == [
            ("Báo tỉnh", "https://bao.example.org/rss")
        ]
