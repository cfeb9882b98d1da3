"""Keeping the index current: every publish, edit, unpublish and delete reaches it in the same
transaction as the change, so a rollback leaves both untouched.

- Articles follow the newsroom's signals (`article_changed`, `article_published`): a published
  article is upserted, any other state removes its row.
- Documents, introduction sections, leaders and contacts are watched by one `after_flush`
  listener on the session, registered by `init_app`: their packages need no change. It also
  removes the row of any indexed item that is deleted (articles included).
- `reindex_tenant` rebuilds a portal's rows from the content tables (the CLI, the demo).

Writes use Core statements on the session's connection: they run inside a flush, where ORM
queries would re-enter it. Row-level security confines them to the current tenant all the same.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy import event, orm
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.extensions import db
from blueprints.about.models import Contact, IntroSection, Leader
from blueprints.documents.models import Document
from blueprints.newsroom.models import Article, ArticleState
from blueprints.search.entries import BUILDERS, Entry
from blueprints.search.models import Kind, SearchDocument
from tenants.context import TenantInfo, current_tenant_id, tenant_scope
from tenants.models import Tenant
from tenants.resolver import tenant_info

TABLE = SearchDocument.__table__
_UPDATED = [
    c.name
    for c in TABLE.columns
    if c.name not in ("tenant_id", "id", "kind", "item_id") and c.computed is None
]
WATCHED = tuple(BUILDERS)
_PENDING = "search_pending_articles"


def upsert(connection: sa.Connection, tenant_id: int, entries: Iterable[Entry]) -> None:
    rows = [entry.row(tenant_id) for entry in entries]
    if not rows:
        return
    stmt = pg_insert(TABLE).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tenant_id", "kind", "item_id"], set_={name: stmt.excluded[name] for name in _UPDATED}
    )
    connection.execute(stmt)


def remove(connection: sa.Connection, tenant_id: int, kind: Kind, item_id: int) -> None:
    connection.execute(
        sa.delete(TABLE).where(
            TABLE.c.tenant_id == tenant_id, TABLE.c.kind == str(kind), TABLE.c.item_id == item_id
        )
    )


def index_item(connection: sa.Connection, item) -> None:
    """Upsert the item's row, or remove it when the item is not (or no longer) public."""
    kind, build = BUILDERS[type(item)]
    entry = build(item)
    if entry is None:
        remove(connection, item.tenant_id, kind, item.id)
    else:
        upsert(connection, item.tenant_id, [entry])


# -- the newsroom's signals -----------------------------------------------------------------


def on_article_changed(article: Article, **_extra) -> None:
    """Index now, and again just before commit: the workflow may still set fields after it
    announces (publishing stamps `published_at` after `article_changed`)."""
    index_item(db.session.connection(), article)
    db.session.info.setdefault(_PENDING, {})[(article.tenant_id, article.id)] = article


def _before_commit(session: orm.Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.flush()
    for (tenant_id, _article_id), article in pending.items():
        if article not in session:
            continue
        if tenant_id == current_tenant_id():
            index_item(session.connection(), article)
        else:  # committed after leaving the article's scope (a job, a command, a test)
            with tenant_scope(tenant_info(session.get(Tenant, tenant_id))):
                index_item(session.connection(), article)


def _after_rollback(session: orm.Session) -> None:
    session.info.pop(_PENDING, None)


# -- the session listener -------------------------------------------------------------------


def _after_flush(session: orm.Session, flush_context) -> None:
    """Documents, introduction sections, leaders and contacts follow every flush; deleted items
    of any indexed kind leave the index. Articles are upserted from the newsroom's signals."""
    deleted = set(session.deleted)
    for obj in list(session.new) + list(session.dirty) + list(deleted):
        if not isinstance(obj, WATCHED):
            continue
        if obj in deleted:
            remove(session.connection(), obj.tenant_id, BUILDERS[type(obj)][0], obj.id)
        elif not isinstance(obj, Article):
            index_item(session.connection(), obj)


def listen() -> None:
    for name, listener in (
        ("after_flush", _after_flush),
        ("before_commit", _before_commit),
        ("after_rollback", _after_rollback),
    ):
        if not event.contains(orm.Session, name, listener):
            event.listen(orm.Session, name, listener)


# -- rebuilding -----------------------------------------------------------------------------


def _published_items():
    yield from db.session.scalars(sa.select(Article).where(Article.state == ArticleState.PUBLISHED))
    yield from db.session.scalars(sa.select(Document).where(Document.is_published))
    yield from db.session.scalars(sa.select(IntroSection))
    yield from db.session.scalars(sa.select(Leader).where(Leader.is_published))
    yield from db.session.scalars(sa.select(Contact).where(Contact.is_published))


def on_portals_merged(_result, into: int, **_) -> None:
    """After a merge the moved entries may name a section merged away: rebuild the portal's."""
    tenant = db.session.get(Tenant, into)
    if tenant is not None:
        reindex_tenant(tenant_info(tenant))
        db.session.commit()


def reindex_tenant(tenant: TenantInfo, batch: int = 500) -> int:
    """Rebuild one portal's rows from its content; returns how many rows it now has."""
    with tenant_scope(tenant):
        connection = db.session.connection()
        connection.execute(sa.delete(TABLE).where(TABLE.c.tenant_id == tenant.id))
        pending: list[Entry] = []
        count = 0
        for item in _published_items():
            entry = BUILDERS[type(item)][1](item)
            if entry is not None:
                pending.append(entry)
            if len(pending) >= batch:
                upsert(connection, tenant.id, pending)
                count, pending = count + len(pending), []
        upsert(connection, tenant.id, pending)
        return count + len(pending)
