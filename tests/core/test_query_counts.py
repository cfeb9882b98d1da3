"""SQL statements per public page on the demo, each under a ceiling: a new N+1 fails here.

Counted with SQLAlchemy's `before_cursor_execute` on the test's connection, for one request with
the page cache off (every request then does the full work) and the tenant already resolved.
Savepoints (the test's own transaction) are not counted; the statement that scopes each
transaction to its tenant is. A ceiling that a change lowers should be lowered with it.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

# Path on the ward (or the city, for "city:"), and the most statements its page may run.
CEILINGS = {
    "/": 11,
    "city:/": 13,
    "city:/cac-phuong-xa": 3,
    "/tin-tuc": 5,
    "ARTICLE": 6,
    "SECTION": 7,
    "/rss.xml": 4,
    "/van-ban": 5,
    "/gioi-thieu": 4,
    "/so-do-to-chuc": 4,
    "/lanh-dao": 4,
    "/lien-he": 5,
    "/api/v1/articles": 4,
}
WARD, CITY = "thang-tam", None


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


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("page", CEILINGS)
def test_each_public_page_stays_under_its_ceiling_of_statements(client, app, statements, page):
    slug = CITY if page.startswith("city:") else WARD
    path = page.removeprefix("city:")
    if path == "ARTICLE":
        path = linked(client, app, r'href="(/tin-tuc/[0-9]+-[^"]+)"')
    elif path == "SECTION":
        path = linked(client, app, r'href="(/chuyen-muc/[^"/]+)"')
    # The tenant resolved and the visit counter's summary cached, as on any page but the first.
    assert client.get("/so-do-trang", base_url=host(app, slug)).status_code == 200
    statements.clear()
    response = client.get(path, base_url=host(app, slug))
    assert response.status_code == 200, path
    assert len(statements) <= CEILINGS[page], "\n".join(s[:120] for s in statements)
