"""SQL statements per public page on the demo, each under a ceiling: a new N+1 fails here; and
Redis round trips, at most two (the resolver's version check, which carries the visit figures'
keys, and the view's INCR).

Counted with SQLAlchemy's `before_cursor_execute` on the test's connection, for one request with
the page cache off (every request then does the full work) and the tenant already resolved.
Savepoints (the test's own transaction) are not counted; the statement that scopes each
transaction to its tenant is. A ceiling that a change lowers should be lowered with it.
"""

from __future__ import annotations

import re

import pytest
import redis
import redis.client
import sqlalchemy as sa

# Path on the ward (or the city, for "city:"), and the most statements its page may run.
CEILINGS = {
    "/": 8,
    "city:/": 10,
    "city:/cac-phuong-xa": 2,
    "/tin-tuc": 4,
    "/en/": 8,  # English lists show no body either: none is loaded
    "/en/tin-tuc": 4,
    "ARTICLE": 5,
    "SECTION": 6,
    "/rss.xml": 4,
    "/van-ban": 4,
    "/gioi-thieu": 2,
    "/so-do-to-chuc": 2,
    "/lanh-dao": 2,
    "/lien-he": 4,
    "/api/v1/articles": 4,
}
WARD, CITY = "thang-tam", None
REDIS_ROUND_TRIPS = 2
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


def host(app, slug: str | None) -> str:
    base = app.config["PORTAL_BASE_DOMAIN"]
    return f"http://{slug}.{base}" if slug else f"http://{base}"


def linked(client, app, pattern: str) -> str:
    """The first link of the news list matching `pattern` (an article, a section)."""
    html = client.get("/tin-tuc", base_url=host(app, WARD)).text
    found = re.search(pattern, html)
    assert found is not None, pattern
    return found.group(1)


@pytest.fixture
def statements(database, app, monkeypatch):
    """The statements the app runs, as a list that grows while the test runs."""
    monkeypatch.setitem(app.config, "PAGE_CACHE_SECONDS", 0)
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            seen.append(statement)

    sa.event.listen(database, "before_cursor_execute", record)
    yield seen
    sa.event.remove(database, "before_cursor_execute", record)


@pytest.fixture
def round_trips(monkeypatch):
    """Redis round trips: each command sent alone, and each pipeline (sent at once)."""
    seen: list[str] = []
    send, execute = redis.Redis.execute_command, redis.client.Pipeline.execute

    def command(self, *args, **options):
        seen.append(str(args[0]))
        return send(self, *args, **options)

    def pipeline(self, *args, **kwargs):
        seen.append("pipeline")
        return execute(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", command)
    monkeypatch.setattr(redis.client.Pipeline, "execute", pipeline)
    monkeypatch.setattr(redis.client.Pipeline, "execute_command", redis.client.Pipeline.execute_command)
    return seen


def _address(client, app, page: str) -> tuple[str, str]:
    """The page's path and host, the tenant resolved, the visit counter's summary cached and the
    block cache's epoch written (once per Redis), as on any page but the first ones."""
    slug = CITY if page.startswith("city:") else WARD
    path = page.removeprefix("city:")
    if path == "ARTICLE":
        path = linked(client, app, r'href="(/tin-tuc/[0-9]+-[^"]+)"')
    elif path == "SECTION":
        path = linked(client, app, r'href="(/chuyen-muc/[^"/]+)"')
    for _ in range(2):
        assert client.get("/so-do-trang", base_url=host(app, slug)).status_code == 200
    return path, host(app, slug)


def _counted(client, path: str, base_url: str, statements: list, round_trips: list) -> None:
    statements.clear()
    round_trips.clear()
    response = client.get(path, base_url=base_url, headers=BROWSER)
    assert response.status_code == 200, path


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("page", CEILINGS)
def test_each_public_page_stays_under_its_ceiling_of_statements(client, app, statements, round_trips, page):
    path, base_url = _address(client, app, page)
    _counted(client, path, base_url, statements, round_trips)
    assert len(statements) <= CEILINGS[page], "\n".join(s[:120] for s in statements)
    assert len(round_trips) <= REDIS_ROUND_TRIPS, round_trips


# Rendered again under the same versions, a page whose blocks (app/block_cache.py) are all kept
# reads nothing.
KEPT = {"/": 0, "city:/": 0, "/en/": 0, "ARTICLE": 0, "/tin-tuc": 0, "/en/tin-tuc": 0}


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("page", KEPT)
def test_a_page_rendered_again_reads_only_what_its_kept_blocks_do_not(
    client, app, statements, round_trips, page
):
    path, base_url = _address(client, app, page)
    first = _main(client.get(path, base_url=base_url, headers=BROWSER).get_data(as_text=True))
    _counted(client, path, base_url, statements, round_trips)
    assert len(statements) <= KEPT[page], "\n".join(s[:120] for s in statements)
    assert len(round_trips) <= REDIS_ROUND_TRIPS, round_trips
    assert _main(client.get(path, base_url=base_url, headers=BROWSER).get_data(as_text=True)) == first


def _main(html: str) -> str:
    """The page's main content (the footer's visit figures grow with every view)."""
    return html[html.index("<main") : html.index("</main>")]
