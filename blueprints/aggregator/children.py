"""A parent's children: the portals whose highlights it aggregates.

Tenants are global rows, so listing them crosses no tenant line; reading the children's
articles does (see `sources.py`).
"""

from __future__ import annotations

from tenants.children import ChildPortal, active_children
from tenants.context import TenantInfo, current_tenant
from tenants.models import Tenant

Child = ChildPortal


def children_of(parent_id: int) -> list[Child]:
    """The active children of a portal with their primary hosts, by kind then id (the order of
    the home page's list of wards)."""
    return active_children(parent_id, Tenant.kind.desc(), Tenant.id)


def current_is_parent() -> bool:
    """Whether the current portal aggregates children (menus, panels): known with the portal
    itself (`TenantInfo.has_children`, read when the resolver loads it)."""
    tenant: TenantInfo | None = current_tenant()
    return tenant is not None and tenant.has_children
