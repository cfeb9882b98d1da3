"""The sync: a parent's copy of its children's published highlights, kept true incrementally.

One run, in one transaction of the parent (`tenant_scope(parent)`):
1. take the parent's advisory lock, so a cron run and a triggered run never interleave;
2. read each child's watermark; read (cross-tenant, `sources.changed_articles`) the children's
   articles updated since it, and always those of the last `AGGREGATOR_OVERLAP_SECONDS` (a
   transaction that committed after the last run with an earlier `updated_at` is still seen;
   reading a row twice writes nothing: its content hash is unchanged);
3. upsert the published highlights keyed on (parent, source tenant, source article), writing
   only rows whose content hash or state changed, and withdraw copies of articles that are no
   longer published highlights; the parent's curation (pinned, hidden, position) is never
   touched, so a hidden item stays hidden when the ward edits it;
4. withdraw copies from portals that are no longer (active) children;
5. advance the watermarks and write the audit trail, in the same transaction.
Killed anywhere, the transaction rolls back and the next run starts from the old watermarks:
no duplicates (the upsert's key), nothing lost (the watermark moved with the rows).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.extensions import db
from blueprints.aggregator.children import Child, children_of
from blueprints.aggregator.models import (
    AggregatedItem,
    CurationAction,
    CurationEvent,
    ItemState,
    SyncWatermark,
)
from blueprints.aggregator.sources import ChangedArticles, changed_articles
from blueprints.news.services import cover_main_size, slug_of
from tenants.context import require_tenant
from tenants.models import Tenant, TenantStatus

ITEMS = AggregatedItem.__table__
EVENTS = CurationEvent.__table__
WATERMARKS = SyncWatermark.__table__
CHUNK = 500
LOCK_CLASS = 7_240_430  # pg_advisory_xact_lock(class, parent id): the aggregator's lock space
# What the parent shows of an item: hashed by content_hash(), rewritten by the upserts.
SHOWN_COLUMNS = ("title", "summary", "image_url", "image_alt", "published_at", "canonical_url")


@dataclass
class SyncResult:
    children: int = 0
    read: int = 0
    added: int = 0
    updated: int = 0
    withdrawn: int = 0
    events: list[dict] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {
            "children": self.children,
            "read": self.read,
            "added": self.added,
            "updated": self.updated,
            "withdrawn": self.withdrawn,
        }


def content_hash(values: dict) -> str:
    """What the parent shows of an item, hashed: equal hashes mean nothing to write."""
    keys = (*SHOWN_COLUMNS, "source_name", "source_name_en")
    text = json.dumps([str(values.get(k) or "") for k in keys], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class PortalUrls:
    """Absolute URLs of a child's pages on its own primary domain, built without a request."""

    def __init__(self, host: str):
        scheme = current_app.config.get("PREFERRED_URL_SCHEME", "http")
        self.adapter = current_app.url_map.bind(host, url_scheme=scheme, script_name="/")

    def article(self, article_id: int, slug: str) -> str:
        return self.adapter.build(
            "news.article", {"article_id": article_id, "slug": slug}, force_external=True
        )

    def cover(self, article_id: int, size: str) -> str:
        return self.adapter.build(
            "newsroom.public_cover", {"article_id": article_id, "size": size}, force_external=True
        )


def item_values(row, child: Child, urls: PortalUrls, parent_id: int) -> dict:
    """The parent's row for one published highlight of a child."""
    has_cover = bool((row.cover_sizes or {}).get("original") or row.cover_key)
    values = {
        "tenant_id": parent_id,
        "source_tenant_id": child.id,
        "source_article_id": row.id,
        "source_name": child.name_vi[:200],
        "source_name_en": child.name_en[:200],
        "title": row.title[:500],
        "summary": (row.summary or "")[:2000],
        "image_url": urls.cover(row.id, cover_main_size(row)) if has_cover else None,
        "image_alt": (row.cover_alt or row.title)[:300] if has_cover else "",
        "published_at": row.published_at,
        "canonical_url": urls.article(row.id, slug_of(row.slug, row.title)),
        "source_updated_at": row.updated_at,
    }
    values["content_hash"] = content_hash(values)
    return values


def _lock(parent_id: int) -> None:
    db.session.execute(
        sa.text("SELECT pg_advisory_xact_lock(:cls, :key)"),
        {"cls": LOCK_CLASS, "key": parent_id % 2_147_483_647},
    )


def _watermarks(parent_id: int) -> dict[int, datetime]:
    rows = db.session.execute(
        sa.select(WATERMARKS.c.child_tenant_id, WATERMARKS.c.synced_until).where(
            WATERMARKS.c.tenant_id == parent_id
        )
    )
    return dict(rows.all())


def _existing(parent_id: int, keys: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, str, str]]:
    """(source tenant, article) → (item id, content hash, state) for the keys the parent has
    (every ward item of the parent when `keys` is long: one plain query beats a long IN list)."""
    query = sa.select(
        ITEMS.c.source_tenant_id, ITEMS.c.source_article_id, ITEMS.c.id, ITEMS.c.content_hash, ITEMS.c.state
    ).where(ITEMS.c.tenant_id == parent_id, ITEMS.c.source_tenant_id.is_not(None))
    if not keys:
        return {}
    if len(keys) <= CHUNK:
        query = query.where(sa.tuple_(ITEMS.c.source_tenant_id, ITEMS.c.source_article_id).in_(keys))
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in db.session.execute(query)}


def _upsert(rows: list[dict], now: datetime) -> dict[tuple[int, int], int]:
    """Insert or update (one statement, sent in batches by the driver); returns the item ids by
    (source tenant, article)."""
    stmt = pg_insert(ITEMS)
    new = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=[ITEMS.c.tenant_id, ITEMS.c.source_tenant_id, ITEMS.c.source_article_id],
        set_={
            name: new[name]
            for name in (
                "source_name",
                "source_name_en",
                *SHOWN_COLUMNS,
                "content_hash",
                "source_updated_at",
                "state",
                "synced_at",
            )
        },
    ).returning(ITEMS.c.id, ITEMS.c.source_tenant_id, ITEMS.c.source_article_id)
    params = [{**r, "state": ItemState.LIVE, "synced_at": now} for r in rows]
    return {(r[1], r[2]): r[0] for r in db.session.execute(stmt, params)}


def _write_changes(
    parent_id: int, changes: ChangedArticles, children: dict[int, Child], result: SyncResult, now: datetime
) -> None:
    urls: dict[int, PortalUrls] = {}
    wanted = {}
    for r in changes.eligible:
        if r.tenant_id not in urls:
            urls[r.tenant_id] = PortalUrls(children[r.tenant_id].host)
        wanted[(r.tenant_id, r.id)] = item_values(r, children[r.tenant_id], urls[r.tenant_id], parent_id)
    existing = _existing(parent_id, [*wanted, *changes.ineligible])
    to_write, actions = [], {}
    for key, values in wanted.items():
        before = existing.get(key)
        if before is None:
            actions[key] = CurationAction.ADDED
        elif before[2] != ItemState.LIVE:
            actions[key] = CurationAction.RESTORED
        elif before[1] != values["content_hash"]:
            actions[key] = CurationAction.UPDATED
        else:
            continue
        to_write.append(values)
    ids = _upsert(to_write, now) if to_write else {}
    for key, action in actions.items():
        result.events.append({"item_id": ids[key], "action": action, "detail": wanted[key]["title"][:500]})
        if action == CurationAction.ADDED:
            result.added += 1
        else:
            result.updated += 1
    gone = [
        existing[key][0]
        for key in changes.ineligible
        if key in existing and existing[key][2] == ItemState.LIVE
    ]
    _withdraw(parent_id, gone, result, now)


def _withdraw(parent_id: int, item_ids: list[int], result: SyncResult, now: datetime) -> None:
    for start in range(0, len(item_ids), CHUNK):
        rows = db.session.execute(
            sa.update(ITEMS)
            .where(
                ITEMS.c.tenant_id == parent_id,
                ITEMS.c.id.in_(item_ids[start : start + CHUNK]),
                ITEMS.c.state == ItemState.LIVE,
            )
            .values(state=ItemState.WITHDRAWN, synced_at=now)
            .returning(ITEMS.c.id, ITEMS.c.title)
        ).all()
        result.withdrawn += len(rows)
        result.events += [
            {"item_id": r.id, "action": CurationAction.WITHDRAWN, "detail": r.title[:500]} for r in rows
        ]


def _active_children(parent_id: int):
    return sa.select(Tenant.id).where(Tenant.parent_id == parent_id, Tenant.status == TenantStatus.ACTIVE)


def _withdraw_orphans(parent_id: int, result: SyncResult, now: datetime) -> None:
    """Copies from portals that are no longer active children of the parent."""
    ids = list(
        db.session.scalars(
            sa.select(ITEMS.c.id).where(
                ITEMS.c.tenant_id == parent_id,
                ITEMS.c.state == ItemState.LIVE,
                ITEMS.c.source_tenant_id.is_not(None),
                ITEMS.c.source_tenant_id.not_in(_active_children(parent_id)),
            )
        )
    )
    _withdraw(parent_id, ids, result, now)
    db.session.execute(
        sa.delete(WATERMARKS).where(
            WATERMARKS.c.tenant_id == parent_id,
            WATERMARKS.c.child_tenant_id.not_in(_active_children(parent_id)),
        )
    )


def _withdraw_stale(parent_id: int, keep: set[tuple[int, int]], result: SyncResult, now: datetime) -> None:
    """A rebuild's sweep: live ward copies that are not among the published highlights read."""
    rows = db.session.execute(
        sa.select(ITEMS.c.id, ITEMS.c.source_tenant_id, ITEMS.c.source_article_id).where(
            ITEMS.c.tenant_id == parent_id,
            ITEMS.c.state == ItemState.LIVE,
            ITEMS.c.source_tenant_id.is_not(None),
        )
    )
    _withdraw(
        parent_id, [r.id for r in rows if (r.source_tenant_id, r.source_article_id) not in keep], result, now
    )


def _advance(parent_id: int, newest: dict[int, datetime], now: datetime) -> None:
    if not newest:
        return
    stmt = pg_insert(WATERMARKS)
    stmt = stmt.on_conflict_do_update(
        index_elements=[WATERMARKS.c.tenant_id, WATERMARKS.c.child_tenant_id],
        set_={
            "synced_until": sa.func.greatest(WATERMARKS.c.synced_until, stmt.excluded.synced_until),
            "last_run_at": stmt.excluded.last_run_at,
        },
    )
    db.session.execute(
        stmt,
        [
            {"tenant_id": parent_id, "child_tenant_id": cid, "synced_until": moment, "last_run_at": now}
            for cid, moment in newest.items()
        ],
    )


def _record(parent_id: int, events: list[dict], now: datetime) -> None:
    if events:
        db.session.execute(
            sa.insert(EVENTS), [{"tenant_id": parent_id, "actor_id": None, "at": now, **e} for e in events]
        )


def sync_parent(rebuild: bool = False) -> SyncResult:
    """Bring the current portal's copy of its children's highlights up to date.

    `rebuild` ignores the watermarks: every child's articles are read again and every copy that
    is no longer a published highlight is withdrawn. The caller commits."""
    parent_id = require_tenant().id
    now = datetime.now(UTC)
    _lock(parent_id)
    children = {c.id: c for c in children_of(parent_id)}
    result = SyncResult(children=len(children))
    overlap = timedelta(seconds=current_app.config.get("AGGREGATOR_OVERLAP_SECONDS", 300))
    marks = {} if rebuild else _watermarks(parent_id)
    recent = now - overlap
    since = {cid: (min(marks[cid], recent) if cid in marks else None) for cid in children}
    changes = changed_articles(since)
    result.read = changes.count
    _write_changes(parent_id, changes, children, result, now)
    if rebuild:
        _withdraw_stale(parent_id, {(r.tenant_id, r.id) for r in changes.eligible}, result, now)
    _withdraw_orphans(parent_id, result, now)
    _advance(parent_id, changes.newest, now)
    _record(parent_id, result.events, now)
    return result
