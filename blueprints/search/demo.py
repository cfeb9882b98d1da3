"""The demo's index: built once every other capability has seeded its content."""

from __future__ import annotations

from blueprints.search.indexing import reindex_tenant
from tenants.context import TenantInfo


def seed(tenant: TenantInfo) -> None:
    reindex_tenant(tenant)
