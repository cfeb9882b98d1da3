"""External feeds: portals that are not on the platform, aggregated from their RSS or Atom.

Each due feed is fetched with a conditional GET (ETag / Last-Modified) and a timeout, parsed by
feedparser, and its entries upserted keyed on (parent, feed, guid), with the same provenance as a
ward's item (source name, canonical link, date). Text is reduced to plain text with nh3; links and
images must be http(s). A failure (network, HTTP status, unparsable body) is recorded on the feed
with an exponential back-off and never stops the other feeds: each is written in its own savepoint.
"""

from __future__ import annotations

import html
import logging
import unicodedata
import urllib.error
import urllib.request
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import feedparser
import nh3
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.extensions import db
from blueprints.aggregator.models import (
    AggregatedItem,
    CurationAction,
    CurationEvent,
    ExternalFeed,
    ItemState,
)
from blueprints.aggregator.sync import SHOWN_COLUMNS, content_hash

log = logging.getLogger(__name__)
ITEMS = AggregatedItem.__table__
MAX_BYTES = 5 * 1024 * 1024
MAX_ENTRIES = 50
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=6)


class FeedError(Exception):
    """The feed could not be fetched or read; the message is shown in the back office."""


@dataclass
class Fetched:
    body: bytes | None  # None: not modified since the last fetch
    etag: str = ""
    last_modified: str = ""


def fetch(feed: ExternalFeed) -> Fetched:
    """GET the feed, conditionally; raises `FeedError`."""
    if not feed.url.startswith(("http://", "https://")):
        raise FeedError("only http:// and https:// addresses are fetched")
    request = urllib.request.Request(feed.url, headers={"User-Agent": "wardportal-aggregator/1"})
    if feed.etag:
        request.add_header("If-None-Match", feed.etag)
    if feed.last_modified:
        request.add_header("If-Modified-Since", feed.last_modified)
    timeout = current_app.config.get("AGGREGATOR_FEED_TIMEOUT", 10)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only, checked above)
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FeedError("feed larger than 5 MB")
            return Fetched(body, response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(None, feed.etag, feed.last_modified)
        raise FeedError(f"HTTP {exc.code}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise FeedError(str(getattr(exc, "reason", exc))[:300] or type(exc).__name__) from exc


def plain_text(markup: str | None, limit: int) -> str:
    """Text of an entry's HTML: every tag dropped (nh3), entities decoded, NFC, spaces folded."""
    text = html.unescape(nh3.clean(markup or "", tags=set(), strip_comments=True))
    return " ".join(unicodedata.normalize("NFC", text).split())[:limit]


def _http(url: str | None) -> str | None:
    return url if url and url.startswith(("https://", "http://")) and len(url) <= 1000 else None


def _image(entry) -> str | None:
    for media in (*entry.get("media_thumbnail", []), *entry.get("media_content", [])):
        if _http(media.get("url")):
            return media["url"]
    for link in entry.get("links", []):
        if (
            link.get("rel") == "enclosure"
            and str(link.get("type", "")).startswith("image/")
            and _http(link.get("href"))
        ):
            return link["href"]
    return None


def _moment(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(timegm(parsed), UTC) if parsed else None


def entry_values(feed: ExternalFeed, entry, now: datetime) -> dict | None:
    """The parent's row for one entry, or None when it has no usable link or title."""
    link = _http(entry.get("link"))
    title = plain_text(entry.get("title"), 500)
    if not link or not title:
        return None
    values = {
        "tenant_id": feed.tenant_id,
        "feed_id": feed.id,
        "external_guid": str(entry.get("id") or link)[:1000],
        "source_name": feed.name[:200],
        "source_name_en": feed.name[:200],
        "title": title,
        "summary": plain_text(entry.get("summary"), 2000),
        "image_url": _image(entry),
        "image_alt": title[:300] if _image(entry) else "",
        "published_at": _moment(entry) or now,
        "canonical_url": link,
        "source_updated_at": None,
    }
    values["content_hash"] = content_hash(values)
    return values


def parse(body: bytes) -> list:
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"not an RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
    return parsed.entries[:MAX_ENTRIES]


def store_entries(feed: ExternalFeed, entries: list, now: datetime) -> int:
    """Upsert the entries (hidden, pinned and position untouched); returns how many changed."""
    rows = {}
    for entry in entries:
        values = entry_values(feed, entry, now)
        if values:
            rows[values["external_guid"]] = values
    if not rows:
        return 0
    before = dict(
        db.session.execute(
            sa.select(ITEMS.c.external_guid, ITEMS.c.content_hash).where(
                ITEMS.c.tenant_id == feed.tenant_id,
                ITEMS.c.feed_id == feed.id,
                ITEMS.c.external_guid.in_(list(rows)),
            )
        ).all()
    )
    changed = [v for guid, v in rows.items() if before.get(guid) != v["content_hash"]]
    if not changed:
        return 0
    stmt = pg_insert(ITEMS).values([{**v, "state": ItemState.LIVE, "synced_at": now} for v in changed])
    stmt = stmt.on_conflict_do_update(
        index_elements=[ITEMS.c.tenant_id, ITEMS.c.feed_id, ITEMS.c.external_guid],
        set_={k: stmt.excluded[k] for k in ("source_name", *SHOWN_COLUMNS, "content_hash", "synced_at")},
    ).returning(ITEMS.c.id, ITEMS.c.external_guid, ITEMS.c.title)
    events = [
        {
            "tenant_id": feed.tenant_id,
            "item_id": r.id,
            "actor_id": None,
            "at": now,
            "detail": r.title[:500],
            "action": CurationAction.UPDATED if r.external_guid in before else CurationAction.ADDED,
        }
        for r in db.session.execute(stmt)
    ]
    db.session.execute(sa.insert(CurationEvent.__table__), events)
    return len(changed)


def backoff(failures: int) -> timedelta:
    """1, 2, 4, 8 … minutes after each consecutive failure, at most 6 hours."""
    return min(BACKOFF_BASE * (2 ** max(failures - 1, 0)), BACKOFF_MAX)


def _record_failure(feed: ExternalFeed, error: str, now: datetime) -> None:
    feed.failure_count += 1
    feed.last_error = error[:500]
    feed.next_attempt_at = now + backoff(feed.failure_count)


def refresh_feed(feed: ExternalFeed, now: datetime | None = None) -> int:
    """Fetch one feed and store its entries; failures are recorded, never raised."""
    now = now or datetime.now(UTC)
    feed.last_attempt_at = now
    try:
        fetched = fetch(feed)
        entries = parse(fetched.body) if fetched.body is not None else []
        with db.session.begin_nested():
            changed = store_entries(feed, entries, now)
    except FeedError as exc:
        _record_failure(feed, str(exc), now)
        log.warning("feed %s (%s) failed: %s", feed.id, feed.url, exc)
        return 0
    except sa.exc.SQLAlchemyError as exc:
        _record_failure(feed, type(exc).__name__, now)
        log.exception("feed %s (%s) could not be stored", feed.id, feed.url)
        return 0
    feed.etag, feed.last_modified = fetched.etag[:300], fetched.last_modified[:100]
    feed.failure_count, feed.last_error = 0, ""
    feed.last_success_at, feed.next_attempt_at = now, None
    return changed


def due_feeds(now: datetime) -> list[ExternalFeed]:
    return list(
        db.session.scalars(
            sa.select(ExternalFeed)
            .where(
                ExternalFeed.is_active,
                sa.or_(ExternalFeed.next_attempt_at.is_(None), ExternalFeed.next_attempt_at <= now),
            )
            .order_by(ExternalFeed.id)
        )
    )


def refresh_due_feeds(now: datetime | None = None) -> dict[int, int]:
    """Every due feed of the current portal, each on its own: {feed id: items changed}."""
    now = now or datetime.now(UTC)
    return {feed.id: refresh_feed(feed, now) for feed in due_feeds(now)}
