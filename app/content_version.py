"""Each portal's content version: a counter in Redis, bumped after any commit that wrote its rows.

The page cache (`app.page_cache`) keys what it stores by this version, so a change to a ward's
content makes that ward's cached pages unreachable at once, and only that ward's: a new article
on ward A leaves ward B's pages where they are.

The seam is the database, not the capabilities: every INSERT, UPDATE or DELETE statement on the
table of a `TenantScoped` model (a flush, a bulk statement, a Core statement on the session's
connection) notes the current tenant on the session; after the transaction commits, each noted
tenant's version is incremented once (a rollback forgets them). So a capability added later is
covered without wiring anything. A model whose rows never show on a public page (the visit
counter's days and flush records) opts out with `__public_content__ = False`; leaving a model in
costs a needless refresh, never a stale page. Not covered: raw SQL text, and global tables
(tenants and domains bump the resolver's own version, which the page cache reads too; users'
names in bylines are global and wait for the cache's lifetime).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache

import sqlalchemy as sa
from blinker import Namespace
from flask import has_app_context
from redis.exceptions import RedisError
from sqlalchemy import event, orm
from sqlalchemy.sql.dml import UpdateBase

from app.db import TenantScoped
from app.extensions import db, redis_client, redis_key
from tenants.context import current_tenant_id

log = logging.getLogger(__name__)

CHANGED = "public_content_changed"


def content_version_key(tenant_id: int) -> str:
    return redis_key("content-version", tenant_id)


def shows_publicly(model: type) -> bool:
    return issubclass(model, TenantScoped) and getattr(model, "__public_content__", True)


# Sent (sender: the sorted tenant ids) whenever this process bumps versions, Redis or not: the
# page cache's first level in this process forgets its pages at once.
content_changed = Namespace().signal("content-changed")


def bump(tenant_ids: Iterable[int]) -> None:
    """Make every cached page of these portals stale. Redis down: logged, and the pages wait for
    their lifetime (PAGE_CACHE_SECONDS), which is all a cache in a stopped Redis can do."""
    tenant_ids = sorted(set(tenant_ids))
    if not tenant_ids or not has_app_context():
        return
    content_changed.send(tenant_ids)
    try:
        pipeline = redis_client().pipeline(transaction=False)
        for tenant_id in tenant_ids:
            pipeline.incr(content_version_key(tenant_id))
        pipeline.execute()
    except RedisError:
        log.warning("content version of tenants %s not bumped: Redis unavailable", tenant_ids)


def _public_tables() -> frozenset[str]:
    return _public_tables_of(len(db.Model.registry.mappers))  # type: ignore[attr-defined]


@cache
def _public_tables_of(mapper_count: int) -> frozenset[str]:
    """Names of the tables of `TenantScoped` models that show publicly, read again whenever a
    model module is imported (the count of mappers changes)."""
    return frozenset(
        mapper.local_table.name
        for mapper in db.Model.registry.mappers  # type: ignore[attr-defined]
        if shows_publicly(mapper.class_) and isinstance(mapper.local_table, sa.Table)
    )


@event.listens_for(sa.Engine, "before_execute")
def _note_writes(connection, statement, multiparams, params, execution_options) -> None:
    """Every INSERT, UPDATE or DELETE on a public tenant table, from a flush, a bulk statement
    through the session or a Core statement on the session's connection (the search index's),
    notes the current tenant on the session; writes only ever go to the current tenant."""
    if not isinstance(statement, UpdateBase) or not has_app_context():
        return
    table = getattr(statement, "table", None)
    tenant_id = current_tenant_id()
    if tenant_id is not None and getattr(table, "name", None) in _public_tables():
        db.session().info.setdefault(CHANGED, set()).add(tenant_id)


@event.listens_for(orm.Session, "after_commit")
def _bump_after_commit(session: orm.Session) -> None:
    bump(session.info.pop(CHANGED, ()))


@event.listens_for(orm.Session, "after_soft_rollback")
def _forget_on_rollback(session: orm.Session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(CHANGED, None)
