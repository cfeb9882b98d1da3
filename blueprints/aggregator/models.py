"""The parent portal's copy of its wards' highlights, its curation, its audit trail, the sync
watermarks and the external feeds. Every row belongs to the PARENT tenant (`tenant_id`); the
source is named by `source_tenant_id` + `source_article_id` (a ward) or `feed_id` +
`external_guid` (an external feed).

What other packages may rely on: `AggregatedItem.is_visible` (live and not hidden) and
`ItemState`.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import TenantScoped, tenant_foreign_key, tenant_parent
from app.enums import check_in
from app.extensions import db
from blueprints.auth.models import User


class ItemState(enum.StrEnum):
    LIVE = "live"
    WITHDRAWN = "withdrawn"


class CurationAction(enum.StrEnum):
    ADDED = "added"  # the sync found a new highlight
    UPDATED = "updated"  # the source edited it
    WITHDRAWN = "withdrawn"  # the source unpublished, archived or un-highlighted it
    RESTORED = "restored"  # it became a published highlight again
    PIN = "pin"
    UNPIN = "unpin"
    HIDE = "hide"
    UNHIDE = "unhide"
    MOVE = "move"


class ExternalFeed(TenantScoped, db.Model):
    """An RSS or Atom feed of a portal not on the platform (the provincial portal, a newspaper).

    Fetching is conditional (`etag`, `last_modified`); a failure pushes `next_attempt_at` back
    exponentially and counts in `failure_count`, which the back office shows as failing."""

    __tablename__ = "aggregator_feeds"

    name: Mapped[str] = mapped_column(sa.String(200))
    url: Mapped[str] = mapped_column(sa.String(1000))
    is_active: Mapped[bool] = mapped_column(default=True)
    etag: Mapped[str] = mapped_column(sa.String(300), default="")
    last_modified: Mapped[str] = mapped_column(sa.String(100), default="")
    last_attempt_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    next_attempt_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    failure_count: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(sa.String(500), default="")

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "url"),
        sa.CheckConstraint("failure_count >= 0", name="failures_not_negative"),
    )

    @property
    def is_failing(self) -> bool:
        return self.failure_count > 0


class AggregatedItem(TenantScoped, db.Model):
    """One highlight as the parent shows it: a summary and a link to the canonical page on the
    source's own domain. The ward's text is never copied beyond the summary."""

    __tablename__ = "aggregated_items"

    source_tenant_id: Mapped[int | None] = mapped_column(
        sa.BigInteger, sa.ForeignKey("tenants.id", ondelete="CASCADE")
    )
    source_article_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    feed_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    external_guid: Mapped[str | None] = mapped_column(sa.String(1000))
    source_name: Mapped[str] = mapped_column(sa.String(200), default="")
    source_name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    title: Mapped[str] = mapped_column(sa.String(500))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    image_url: Mapped[str | None] = mapped_column(sa.String(1000))
    image_alt: Mapped[str] = mapped_column(sa.String(300), default="")
    published_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    canonical_url: Mapped[str] = mapped_column(sa.String(1000))
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    state: Mapped[str] = mapped_column(sa.String(16), default=ItemState.LIVE)
    source_updated_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    synced_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    pinned: Mapped[bool] = mapped_column(default=False)
    hidden: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)

    feed: Mapped[ExternalFeed | None] = tenant_parent(
        "AggregatedItem", "feed_id", "ExternalFeed", viewonly=True
    )

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "source_tenant_id", "source_article_id"),
        sa.UniqueConstraint("tenant_id", "feed_id", "external_guid"),
        tenant_foreign_key("feed_id", "aggregator_feeds", ondelete="CASCADE"),
        sa.CheckConstraint("state IN ('live', 'withdrawn')", name="state"),
        sa.CheckConstraint(
            "(source_tenant_id IS NOT NULL AND source_article_id IS NOT NULL AND feed_id IS NULL)"
            " OR (source_tenant_id IS NULL AND feed_id IS NOT NULL AND external_guid IS NOT NULL)",
            name="one_source",
        ),
        sa.Index("ix_aggregated_items_tenant_listing", "tenant_id", "state", "hidden", "published_at"),
    )

    @property
    def is_visible(self) -> bool:
        return self.state == ItemState.LIVE and not self.hidden

    @property
    def is_external(self) -> bool:
        return self.feed_id is not None

    def source(self, locale: str) -> str:
        return self.source_name_en if locale == "en" and self.source_name_en else self.source_name


class CurationEvent(TenantScoped, db.Model):
    """The parent's audit trail: who (a board member, or nobody for the sync), when, what."""

    __tablename__ = "aggregator_events"

    item_id: Mapped[int] = mapped_column(sa.BigInteger)
    action: Mapped[str] = mapped_column(sa.String(16))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    detail: Mapped[str] = mapped_column(sa.String(500), default="")

    actor: Mapped[User | None] = relationship()
    item: Mapped[AggregatedItem] = tenant_parent("CurationEvent", "item_id", "AggregatedItem", viewonly=True)

    __table_args__ = (
        tenant_foreign_key("item_id", "aggregated_items", ondelete="CASCADE"),
        sa.CheckConstraint(check_in("action", CurationAction), name="action"),
        sa.Index("ix_aggregator_events_tenant_at", "tenant_id", "at"),
    )

    @property
    def action_label(self):
        from blueprints.aggregator.labels import ACTION_LABELS

        return ACTION_LABELS[CurationAction(self.action)]


class SyncWatermark(TenantScoped, db.Model):
    """How far the parent has read one child: every article of the child updated after
    `synced_until` (less a safety overlap) is read again on the next run."""

    __tablename__ = "aggregator_watermarks"

    child_tenant_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("tenants.id", ondelete="CASCADE")
    )
    synced_until: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    last_run_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    __table_args__ = (sa.UniqueConstraint("tenant_id", "child_tenant_id"),)
