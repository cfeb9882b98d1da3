"""Reading the counter (footer and back-office chart) and flushing Redis into PostgreSQL.

Flushing never loses or doubles a count:
1. `claim_live_counts` RENAMEs each live key to a `visits-flushing:<tenant>:<day>:<batch>` key.
   RENAME is atomic: an INCR that comes after it starts a fresh live key.
2. `flush_tenant` reads each claimed key and, in one transaction, adds its value to the day's
   row and records the batch in `visit_flushes`; the key is deleted only after that commits.
   A claimed key whose batch is already recorded (the delete was lost) is deleted, not re-added;
   a claimed key whose transaction failed is still there for the next run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from redis.exceptions import RedisError, ResponseError
from sqlalchemy.dialects.postgresql import insert

from app.db import after_commit
from app.extensions import db, redis_client, redis_key
from blueprints.visits.counter import LIVE, live_key, vietnam_today
from blueprints.visits.models import VisitDay, VisitFlush
from tenants.context import require_tenant

CLAIMED = "visits-flushing"
SUMMARY = "visits-summary"
SUMMARY_SECONDS = 600
FLUSH_RECORDS_KEPT_DAYS = 60


@dataclass(frozen=True)
class VisitSummary:
    today: int
    total: int


def _stored_counts(today: date) -> tuple[int, int]:
    total, today_count = db.session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(VisitDay.count), 0),
            sa.func.coalesce(sa.func.sum(VisitDay.count).filter(VisitDay.day == today), 0),
        )
    ).one()
    return int(today_count), int(total)


def summary_keys(tenant_id: int) -> list[str]:
    """The two keys `visit_summary` reads: the stored counts' cache, today's live counter."""
    today = vietnam_today()
    return [redis_key(SUMMARY, tenant_id, today.isoformat()), live_key(tenant_id, today)]


def visit_summary(values: list | None = None) -> VisitSummary:
    """Today's and all-time views of the current portal: stored counts (cached until the next
    flush) plus today's live counter. Two GETs in one round trip on a warm cache; none when the
    caller read `summary_keys` already (`values`, as the page cache does with its lookup)."""
    tenant_id = require_tenant().id
    today = vietnam_today()
    redis = redis_client()
    keys = summary_keys(tenant_id)
    cache_key = keys[0]
    cached, live = redis.mget(*keys) if values is None else values
    if cached is None:
        stored_today, stored_total = _stored_counts(today)
        redis.set(cache_key, f"{stored_today}:{stored_total}", ex=SUMMARY_SECONDS)
    else:
        stored_today, stored_total = (int(x) for x in cached.decode().split(":"))
    live_count = int(live or 0)
    return VisitSummary(stored_today + live_count, stored_total + live_count)


def daily_counts(days: int = 30) -> list[tuple[date, int]]:
    """The last `days` days, oldest first, every day present (0 when nobody came)."""
    today = vietnam_today()
    first = today - timedelta(days=days - 1)
    stored = dict(
        db.session.execute(sa.select(VisitDay.day, VisitDay.count).where(VisitDay.day >= first)).all()
    )
    try:
        live = int(redis_client().get(live_key(require_tenant().id, today)) or 0)
    except RedisError:  # the chart without today's views not yet flushed, rather than no chart
        live = 0
    stored[today] = stored.get(today, 0) + live
    return [(first + timedelta(days=i), int(stored.get(first + timedelta(days=i), 0))) for i in range(days)]


# -- flushing ---------------------------------------------------------------------------------


def _parts(key: bytes | str) -> list[str]:
    text = key.decode() if isinstance(key, bytes) else key
    return text.split(":")


def claim_live_counts() -> set[int]:
    """Rename every live key to a claimed one; return the tenants with claimed keys to flush."""
    redis = redis_client()
    batch = uuid.uuid4().hex[:16]
    for key in list(redis.scan_iter(match=redis_key(LIVE, "*"), count=1000)):
        *_, tenant_id, day = _parts(key)
        try:
            redis.rename(key, redis_key(CLAIMED, tenant_id, day, batch))
        except ResponseError as exc:  # the key vanished: another flush claimed it first
            if "no such key" not in str(exc).lower():
                raise
    tenants = set()
    for key in redis.scan_iter(match=redis_key(CLAIMED, "*"), count=1000):
        tenants.add(int(_parts(key)[-3]))
    return tenants


def flush_tenant() -> int:
    """Move the current portal's claimed counts into `visit_days`. Returns the views added.

    The caller commits (a `@tenant_job` does); keys are deleted after the commit only."""
    tenant_id = require_tenant().id
    redis = redis_client()
    added = 0
    done: list[str] = []
    for key in redis.scan_iter(match=redis_key(CLAIMED, tenant_id, "*"), count=1000):
        key = key.decode()
        *_, day_text, batch_id = _parts(key)
        value = redis.get(key)
        if value is None:
            continue
        batch = f"{day_text}:{batch_id}"
        done.append(key)
        if db.session.scalar(sa.select(VisitFlush.id).where(VisitFlush.batch == batch)):
            continue  # added already; only the delete was lost
        count = int(value)
        db.session.add(VisitFlush(batch=batch, count=count))
        db.session.execute(
            insert(VisitDay)
            .values(tenant_id=tenant_id, day=date.fromisoformat(day_text), count=count)
            .on_conflict_do_update(
                index_elements=["tenant_id", "day"], set_={"count": VisitDay.count + count}
            )
        )
        added += count
    cutoff = datetime.now().astimezone() - timedelta(days=FLUSH_RECORDS_KEPT_DAYS)
    db.session.execute(sa.delete(VisitFlush).where(VisitFlush.flushed_at < cutoff))
    db.session.flush()
    if done:
        summary_keys = [redis_key(SUMMARY, tenant_id, vietnam_today().isoformat())]
        after_commit(lambda: redis.delete(*done, *summary_keys))
    return added


def move_counts(former: list[int], into: int) -> int:
    """After a merge of portals: the former portals' counts still in Redis become the new
    portal's (live ones added to its live key, claimed ones renamed to its claimed keys), so no
    flush writes a row for a portal that no longer holds any. Returns the keys moved."""
    redis = redis_client()
    moved = 0
    for tenant_id in former:
        for key in list(redis.scan_iter(match=redis_key(LIVE, tenant_id, "*"), count=1000)):
            value = redis.getdel(key)
            if value is not None:
                redis.incrby(live_key(into, date.fromisoformat(_parts(key)[-1])), int(value))
                moved += 1
        for key in list(redis.scan_iter(match=redis_key(CLAIMED, tenant_id, "*"), count=1000)):
            *_, day, batch = _parts(key)
            redis.rename(key, redis_key(CLAIMED, into, day, batch))
            moved += 1
    return moved


def on_portals_merged(_result, into: int, former: list[int], **_) -> None:
    move_counts(former, into)
