"""The request-path half of the counter: decide whether a response is a page view, then INCR.

Cheap by design: a regular expression on the User-Agent, a few string checks and one Redis
command; nothing touches the database. Keys are `<prefix>:visits:<tenant id>:<YYYY-MM-DD>` with
the day in Vietnam's time zone, so a day's count is what a Vietnamese reader calls "today".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.extensions import redis_client, redis_key

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
LIVE = "visits"

BOTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|curl|wget|python|httpclient|http-client|okhttp|java/|go-http|libwww|"
    r"headless|phantom|selenium|monitor|uptime|pingdom|check|scan|probe|preview|facebookexternalhit|"
    r"lighthouse|feed|fetch",
    re.IGNORECASE,
)
# Paths that are never a reader looking at a page.
SKIPPED = (
    "/admin",
    "/login",
    "/logout",
    "/forgot",
    "/reset",
    "/_themes",
    "/static",
    "/healthz",
    "/readyz",
    "/metrics",
    "/api/",
    "/bang-ron/",
    "/thong-ke/",
    "/sitemap.xml",
    "/robots.txt",
    "/.",
    "/wp-",
)


def vietnam_today() -> date:
    return datetime.now(VIETNAM).date()


def live_key(tenant_id: int, day: date) -> str:
    return redis_key(LIVE, tenant_id, day.isoformat())


def is_page_view(
    method: str, path: str, status: int, mimetype: str, user_agent: str, prefetch: bool = False
) -> bool:
    """A successful GET of an HTML page by something that looks like a browser."""
    if method != "GET" or status != 200 or mimetype != "text/html" or prefetch:
        return False
    return not path.startswith(SKIPPED) and _looks_like_a_browser(user_agent)


@lru_cache(maxsize=4096)
def _looks_like_a_browser(user_agent: str) -> bool:
    """Remembered per User-Agent: readers' browsers send a few hundred different strings, and
    the expression is the costliest step of counting a view."""
    return bool(user_agent) and "mozilla" in user_agent.lower() and not BOTS.search(user_agent)


def counts_as_view(method: str, path: str, user_agent: str, prefetch: bool) -> bool:
    """`is_page_view` for a request answered with an HTML page (a cached one)."""
    return is_page_view(method, path, 200, "text/html", user_agent, prefetch)


def todays_key(tenant_id: int) -> str:
    return live_key(tenant_id, vietnam_today())


def record_visit(tenant_id: int, day: date | None = None) -> None:
    redis_client().incr(live_key(tenant_id, day or vietnam_today()))
