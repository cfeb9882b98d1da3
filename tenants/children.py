"""A portal's active children (a city's wards and communes) with their primary hosts.

Tenants are global rows, so listing them crosses no tenant line: the aggregator lists the wards
whose highlights it shows, the city's search the wards whose rows it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.extensions import db
from tenants.models import Tenant, TenantDomain, TenantStatus


@dataclass(frozen=True)
class ChildPortal:
    """A child portal as its parent names and links it."""

    id: int
    name_vi: str
    name_en: str
    host: str

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" and self.name_en else self.name_vi


def active_children(parent_id: int, *order_by, limit: int | None = None) -> list[ChildPortal]:
    """The active children of `parent_id` with their primary hosts, in the order given (the
    first `limit` only, when given)."""
    rows = db.session.execute(
        sa.select(Tenant.id, Tenant.name_vi, Tenant.name_en, TenantDomain.hostname)
        .join(TenantDomain, sa.and_(TenantDomain.tenant_id == Tenant.id, TenantDomain.is_primary))
        .where(Tenant.parent_id == parent_id, Tenant.status == TenantStatus.ACTIVE)
        .order_by(*order_by)
        .limit(limit)
    )
    return [ChildPortal(*row) for row in rows]


def has_active_children(parent_id: int) -> bool:
    """Whether `parent_id` has any active child: asked once per portal by the resolver
    (`TenantInfo.has_children`), which pages read instead."""
    child = sa.select(Tenant.id).where(Tenant.parent_id == parent_id, Tenant.status == TenantStatus.ACTIVE)
    return bool(db.session.scalar(sa.select(child.exists())))
