"""What the parent's public pages, feeds and API show: its own copies, visible ones only
(live and not hidden), pinned first, then the board's order, then newest. Single-tenant reads:
the tenant filter and row-level security hold as on any page. No `request` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa

from app.extensions import db
from blueprints.aggregator.children import current_is_parent
from blueprints.aggregator.models import AggregatedItem, ItemState
from tenants.context import require_tenant

PER_PAGE = 12
HOME_ITEMS = 6


def visible():
    return sa.select(AggregatedItem).where(
        AggregatedItem.state == ItemState.LIVE, AggregatedItem.hidden.is_(False)
    )


def ordered(query):
    return query.order_by(
        AggregatedItem.pinned.desc(),
        AggregatedItem.position,
        AggregatedItem.published_at.desc(),
        AggregatedItem.id.desc(),
    )


def home_items(limit: int = HOME_ITEMS) -> list[AggregatedItem]:
    """The home page block's items; none on a portal without children."""
    if not current_is_parent():
        return []
    return list(db.session.scalars(ordered(visible()).limit(limit)))


@dataclass(frozen=True)
class ChannelFilter:
    ward: int | None = None  # a source tenant id
    month: date | None = None  # the first day of a month, in the portal's time zone


def parse_month(raw: str | None) -> date | None:
    """`2026-11` → 1 November 2026; anything else → None."""
    try:
        year, month = (int(part) for part in (raw or "").split("-"))
        return date(year, month, 1) if 2000 <= year <= 2100 and 1 <= month <= 12 else None
    except ValueError:
        return None


def month_bounds(first: date) -> tuple[datetime, datetime]:
    zone = require_tenant().zone
    following = (first + timedelta(days=32)).replace(day=1)
    return datetime.combine(first, time(0), zone), datetime.combine(following, time(0), zone)


def filtered(query, ward: int | None = None, start: datetime | None = None, end: datetime | None = None):
    if ward is not None:
        query = query.where(AggregatedItem.source_tenant_id == ward)
    if start is not None:
        query = query.where(AggregatedItem.published_at >= start)
    if end is not None:
        query = query.where(AggregatedItem.published_at < end)
    return query


def channel_page(choice: ChannelFilter, page: int = 1, per_page: int = PER_PAGE):
    start, end = month_bounds(choice.month) if choice.month else (None, None)
    return db.paginate(
        ordered(filtered(visible(), choice.ward, start, end)), page=page, per_page=per_page, error_out=False
    )


def channel_months() -> list[date]:
    """The months that have visible items, newest first, for the month filter."""
    zone = require_tenant().timezone
    local = sa.func.date_trunc("month", sa.func.timezone(zone, AggregatedItem.published_at))
    rows = db.session.scalars(visible().with_only_columns(local.label("m")).distinct().order_by(local.desc()))
    return [row.date() for row in rows]


def feed_items(limit: int = 30) -> list[AggregatedItem]:
    """Newest first, as feed readers expect (pinning is a page's business)."""
    return list(
        db.session.scalars(
            visible().order_by(AggregatedItem.published_at.desc(), AggregatedItem.id.desc()).limit(limit)
        )
    )


def visible_item(item_id: int) -> AggregatedItem | None:
    return db.session.scalar(visible().where(AggregatedItem.id == item_id))


def on_port(url: str | None, scheme: str, port: str) -> str | None:
    """A ward's URL as seen from the current request: same scheme and port as the parent's page
    (the stored URL names the ward's host on the default port, as a job builds it)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))
