"""External feeds from a local HTTP server: a working feed beside a failing one, conditional GET,
back-off, sanitised text, and the failing state in the back office."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.extensions import db
from blueprints.aggregator.external import backoff, refresh_due_feeds
from blueprints.aggregator.models import AggregatedItem, ExternalFeed
from tenants.context import tenant_scope
from tests.aggregator.helpers import make_city
from tests.factories import base_url, make_user
from tests.support import sign_in

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Cổng tỉnh</title><link>http://127.0.0.1/</link><description>d</description>
<item><title>Tỉnh họp báo &lt;b&gt;quý IV&lt;/b&gt;</title><link>http://127.0.0.1/tin/1</link><guid>tin-1</guid>
<pubDate>Mon, 30 Nov 2026 08:00:00 +0700</pubDate>
<description>&lt;p&gt;Nội dung &lt;script&gt;alert(1)&lt;/script&gt;tóm tắt&lt;/p&gt;</description></item>
<item><title>Không có liên kết</title><guid>tin-2</guid></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Handler.requests.append({"path": self.path, "etag": self.headers.get("If-None-Match")})
        if self.path == "/broken.xml":
            self.send_response(500)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = RSS.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Handler.requests = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def test_a_failing_feed_never_stops_a_working_one(client, feed_server):
    city = make_city(0)
    with tenant_scope(city.parent):
        broken = ExternalFeed(name="Báo hỏng", url=f"{feed_server}/broken.xml")
        working = ExternalFeed(name="Cổng thông tin tỉnh", url=f"{feed_server}/rss.xml")
        db.session.add_all([broken, working])
        db.session.flush()
        now = datetime.now(UTC)
        refresh_due_feeds(now)
        db.session.commit()
        stored = db.session.query(AggregatedItem).all()
        assert [(i.title, i.summary, i.canonical_url, i.source_name) for i in stored] == [
            ("Tỉnh họp báo quý IV", "Nội dung tóm tắt", "http://127.0.0.1/tin/1", "Cổng thông tin tỉnh")
        ]
        assert (broken.failure_count, broken.last_error) == (1, "HTTP 500")
        assert broken.next_attempt_at == now + backoff(1)
        assert working.failure_count == 0 and working.etag == '"v1"'
        # Not due yet: the failing feed waits; the working one is asked again, conditionally.
        refresh_due_feeds(now + timedelta(seconds=5))
        assert [r["path"] for r in Handler.requests] == ["/broken.xml", "/rss.xml", "/rss.xml"]
        assert Handler.requests[-1]["etag"] == '"v1"'
        assert len(db.session.query(AggregatedItem).all()) == 1
        refresh_due_feeds(now + timedelta(minutes=2))
        assert broken.failure_count == 2 and broken.next_attempt_at == now + timedelta(minutes=2) + backoff(2)
        db.session.commit()
    editor = make_user(roles={city.parent: ["editor"]})
    sign_in(client, city.parent, editor)
    board = client.get("/admin/city-board/", base_url=base_url(city.parent))
    assert "Nguồn tin ngoài đang lỗi" in board.text and "Báo hỏng" in board.text
    listing = client.get("/admin/city-feeds", base_url=base_url(city.parent))
    assert "Lỗi (2 lần): HTTP 500" in listing.text and "Hoạt động" in listing.text


def test_an_unreachable_feed_is_a_failure_not_a_crash():
    city = make_city(0)
    with tenant_scope(city.parent):
        feed = ExternalFeed(name="Không có ai", url="http://127.0.0.1:9/rss.xml")
        db.session.add(feed)
        db.session.flush()
        assert refresh_due_feeds() == {feed.id: 0}
        assert feed.failure_count == 1 and feed.last_error


def test_backoff_grows_and_is_capped():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(30) == timedelta(hours=6)
