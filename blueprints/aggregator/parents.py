"""Platform administration: which portal aggregates which (a tenant's parent).

Changing a parent announces the change to every process's resolver cache once it commits (the
cached `TenantInfo` carries the parent's name and host), and queues a sync of the old and the new
parent so the old one withdraws the child's items and the new one takes them.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db import after_commit
from app.extensions import db
from tenants.models import Tenant
from tenants.provisioning import ProvisioningError, get_tenant
from tenants.resolver import announce_change
from workers.queue import enqueue_after_commit


def _ancestors(tenant: Tenant) -> set[int]:
    seen: set[int] = set()
    current = tenant
    while current is not None and current.id not in seen:
        seen.add(current.id)
        current = current.parent
    return seen


def set_parent(slug: str, parent_slug: str | None) -> tuple[Tenant, bool]:
    """Make `parent_slug` (None: no parent) the parent of `slug`; returns (tenant, changed).

    Refuses a portal as its own parent and any cycle (a parent under its own child)."""
    tenant = get_tenant(slug)
    parent = get_tenant(parent_slug) if parent_slug else None
    if parent is not None and tenant.id in _ancestors(parent):
        raise ProvisioningError(f"{parent.slug!r} is {tenant.slug!r} or one of its descendants")
    old_parent_id = tenant.parent_id
    new_parent_id = parent.id if parent else None
    if old_parent_id == new_parent_id:
        return tenant, False
    tenant.parent_id = new_parent_id
    db.session.flush()
    db.session.expire(tenant, ["parent"])
    after_commit(announce_change)
    from blueprints.aggregator.tasks import sync_children

    for parent_id in {old_parent_id, new_parent_id} - {None}:
        enqueue_after_commit(sync_children, parent_id)
    return tenant, True


def parent_choices() -> list[Tenant]:
    """Every portal, for the platform screen (kind, then id)."""
    kind_order = sa.case({"city": 0, "ward": 1, "commune": 2}, value=Tenant.kind)
    return list(db.session.scalars(sa.select(Tenant).order_by(kind_order, Tenant.id)))
