"""The aggregator's jobs: one parent's sync after a child commits, and the every-minute safety
net over every parent (and every portal with external feeds)."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from app.db import cross_tenant_reads
from app.extensions import db
from blueprints.aggregator.external import refresh_due_feeds
from blueprints.aggregator.models import AggregatedItem, ExternalFeed, ItemState
from blueprints.aggregator.sync import sync_parent
from tenants.context import tenant_scope
from tenants.models import Tenant, TenantStatus
from tenants.resolver import tenant_by_id
from workers.jobs import platform_job, tenant_job

log = logging.getLogger(__name__)


@tenant_job
def sync_children(rebuild: bool = False) -> dict:
    """Sync the current (parent) portal from its children; `@tenant_job` commits."""
    return sync_parent(rebuild=rebuild).as_dict()


@tenant_job
def refresh_feeds() -> dict:
    return refresh_due_feeds()


def aggregating_tenants() -> list[int]:
    """Portals with active children, with active external feeds, or still showing copies of
    wards (whose last child was suspended or moved away: the run withdraws them)."""
    parents = set(
        db.session.scalars(
            sa.select(Tenant.parent_id)
            .where(Tenant.parent_id.is_not(None), Tenant.status == TenantStatus.ACTIVE)
            .distinct()
        )
    )
    with cross_tenant_reads("city aggregator"):
        with_feeds = set(
            db.session.scalars(sa.select(ExternalFeed.tenant_id).where(ExternalFeed.is_active).distinct())
        )
        showing = set(
            db.session.scalars(
                sa.select(AggregatedItem.tenant_id)
                .where(AggregatedItem.state == ItemState.LIVE, AggregatedItem.source_tenant_id.is_not(None))
                .distinct()
            )
        )
    return sorted(parents | with_feeds | showing)


@platform_job
def sync_everything() -> dict:
    """Cron's safety net: every aggregating portal in turn, each in its own transaction, so one
    portal's failure never stops the others."""
    done: dict[int, str] = {}
    for tenant_id in aggregating_tenants():
        tenant = tenant_by_id(tenant_id)
        if tenant is None or not tenant.is_active:
            continue
        with tenant_scope(tenant):
            try:
                result = sync_parent()
                refresh_due_feeds()
                db.session.commit()
                done[tenant_id] = f"{result.added}+{result.updated}~{result.withdrawn}-"
            except Exception:
                db.session.rollback()
                log.exception("aggregator: portal %s failed", tenant_id)
                done[tenant_id] = "failed"
    return done
