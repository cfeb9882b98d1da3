"""The page cache's first level: pages answered from the process's memory for a moment, views
counted in a batch (app.page_cache_local, used by app.page_cache_wsgi)."""

from __future__ import annotations

import time

import pytest

from app.content_version import content_version_key
from app.extensions import redis_client
from blueprints.visits.counter import live_key, vietnam_today
from tests.conftest import PortalClient, make_app
from tests.factories import base_url, make_tenant

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


@pytest.fixture
def local_app(app):
    """An app whose processes keep pages in memory for a second (the default outside tests)."""
    application = make_app(PAGE_CACHE_LOCAL_SECONDS=1.0)
    application.test_client_class = PortalClient
    return application


def get(client, tenant, path="/"):
    return client.get(path, base_url=base_url(tenant), headers=BROWSER)


def redis_views(tenant) -> int:
    return int(redis_client().get(live_key(tenant.id, vietnam_today())) or 0)


def cached_pages(application):
    return application.wsgi_app.wsgi_app  # LocalPrefix → CachedPages


def test_another_process_s_change_shows_within_the_window_and_this_process_s_at_once(local_app):
    client = local_app.test_client()
    ward = make_tenant()
    get(client, ward)  # rendered and stored
    get(client, ward)  # read from Redis, kept in memory
    with local_app.app_context():
        redis_client().incr(content_version_key(ward.id))  # as another process's change would
    assert get(client, ward).headers["X-Page-Cache"] == "hit"  # from memory: not asked yet
    time.sleep(1.05)
    assert get(client, ward).headers["X-Page-Cache"] == "miss"  # asked again: stale, rendered
    get(client, ward)  # kept in memory again
    with local_app.app_context():
        from app.content_version import bump

        bump([ward.id])  # a change made in this process
    assert get(client, ward).headers["X-Page-Cache"] == "miss"


def test_views_from_memory_reach_redis_in_a_batch_and_the_figures_keep_up(local_app):
    client = local_app.test_client()
    ward = make_tenant()
    figures = [get(client, ward).text for _ in range(5)]
    # 1: rendered (counted by Flask); 2: read from Redis (counted there); 3–5: from memory.
    for seen, page in enumerate(figures):
        assert f"Lượt truy cập hôm nay: {seen} –" in page
    assert redis_views(ward) == 2
    cached_pages(local_app).flush_views()
    assert redis_views(ward) == 5
    time.sleep(1.05)
    page = get(client, ward)  # asks Redis again: the figures never go back
    assert "Lượt truy cập hôm nay: 5 –" in page.text and redis_views(ward) == 6


def test_a_batch_older_than_the_window_is_added_by_itself(local_app):
    client = local_app.test_client()
    ward = make_tenant()
    for _ in range(3):
        get(client, ward)
    assert redis_views(ward) == 2  # the third waits in memory
    pages = cached_pages(local_app)
    pages.local.seconds = 60  # the page stays in memory; only the batch's age is due
    time.sleep(1.05)
    get(client, ward)
    assert redis_views(ward) == 4
