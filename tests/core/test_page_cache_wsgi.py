"""Page-cache hits for cookie-less readers, answered before Flask (app.page_cache_wsgi)."""

from __future__ import annotations

import re
from contextlib import contextmanager

from flask import request_started

from app.extensions import redis_client
from blueprints.visits.counter import live_key, vietnam_today
from tenants.resolver import announce_change
from tests.factories import base_url, make_tenant

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}
# What differs between two answers of the same page: the date, the request's id, the nonce.
PER_RESPONSE = {"Date", "X-Request-ID"}


def get(client, tenant, path="/", **headers):
    return client.get(path, base_url=base_url(tenant), headers={**BROWSER, **headers})


@contextmanager
def flask_requests(app):
    """The requests Flask itself handled while the block ran (its `request_started` signal)."""
    seen: list[str] = []

    def note(sender, **extra):
        from flask import request

        seen.append(request.path)

    request_started.connect(note, app)
    try:
        yield seen
    finally:
        request_started.disconnect(note, app)


def views_today(tenant) -> int:
    return int(redis_client().get(live_key(tenant.id, vietnam_today())) or 0)


def comparable_headers(response) -> dict[str, str]:
    headers = {k: v for k, v in response.headers.items() if k not in PER_RESPONSE}
    headers["Content-Security-Policy"] = re.sub(
        r"'nonce-[^']+'", "'nonce-…'", headers["Content-Security-Policy"]
    )
    headers.pop("Content-Length")
    return headers


def test_a_cookieless_hit_never_reaches_flask_and_looks_like_a_flask_hit(app, client):
    ward = make_tenant()
    get(client, ward)  # stored
    with flask_requests(app) as handled:
        fast = get(client, ward)
    assert fast.headers["X-Page-Cache"] == "hit" and handled == []
    client.set_cookie("unrelated", "1", domain=ward.primary_host)
    with flask_requests(app) as handled:
        through_flask = get(client, ward)
    assert through_flask.headers["X-Page-Cache"] == "hit" and handled == ["/"]
    assert comparable_headers(fast) == comparable_headers(through_flask)
    assert fast.headers["X-Request-ID"] != through_flask.headers["X-Request-ID"]
    assert re.sub(r"\d", "", fast.text) == re.sub(r"\d", "", through_flask.text)  # the figures move on


def test_each_view_is_counted_once_hit_or_miss(client):
    ward = make_tenant()
    get(client, ward)
    assert views_today(ward) == 1
    get(client, ward)
    get(client, ward)
    assert views_today(ward) == 3
    get(client, ward, **{"Sec-Purpose": "prefetch"})
    client.get("/", base_url=base_url(ward), headers={"User-Agent": "curl/8.5.0"})
    assert views_today(ward) == 3  # neither a prefetch nor a script is a reader
    assert "Lượt truy cập hôm nay: 3" in get(client, ward).text


def test_validators_head_and_english_pages_before_flask(app, client):
    ward = make_tenant()
    first = get(client, ward)
    with flask_requests(app) as handled:
        unchanged = get(client, ward, **{"If-None-Match": first.headers["ETag"]})
        head = client.head("/", base_url=base_url(ward), headers=BROWSER)
        get(client, ward, "/en/")
        english = get(client, ward, "/en/")
    assert unchanged.status_code == 304 and unchanged.data == b""
    assert head.status_code == 200 and head.data == b"" and head.headers["X-Page-Cache"] == "hit"
    assert english.headers["X-Page-Cache"] == "hit" and 'lang="en"' in english.text
    assert handled == ["/"]  # only the English page's first view was rendered


def test_a_change_of_tenants_or_content_sends_the_request_to_flask(app, client):
    ward = make_tenant()
    get(client, ward)
    announce_change()  # another process changed a domain: this one's resolution may be stale
    with flask_requests(app) as handled:
        page = get(client, ward)
    assert handled == ["/"] and page.headers["X-Page-Cache"] == "miss"
    assert views_today(ward) == 2  # counted by Flask's path, once


def test_hits_stay_on_their_own_portal_and_host(client):
    a, b = make_tenant(), make_tenant()
    for ward in (a, b):
        get(client, ward)
    page_a, page_b = get(client, a), get(client, b)
    assert page_a.headers["X-Page-Cache"] == page_b.headers["X-Page-Cache"] == "hit"
    assert a.name_vi in page_a.text and a.name_vi not in page_b.text
    assert views_today(a) == views_today(b) == 2


def test_a_view_counted_on_arrival_is_taken_back_when_the_answer_is_no_page(client):
    ward = make_tenant()
    get(client, ward)  # the host is now resolved in this process: the next requests are looked up
    assert views_today(ward) == 1
    assert get(client, ward, "/khong-co-trang-nay").status_code == 404
    for _ in range(2):  # stored, then a cached feed answered before Flask
        assert get(client, ward, "/rss.xml").status_code == 200
    assert views_today(ward) == 1
    page = get(client, ward)
    assert page.headers["X-Page-Cache"] == "hit" and "Lượt truy cập hôm nay: 1" in page.text
    assert views_today(ward) == 2
