"""What a merge left behind, as the web reads it: old paths that moved, and where rows came from.

`path_after_merge` is asked by the tenant hook when a request comes on a former portal's domain
(now an alias): most paths stay the same (ids are kept by the move), and a section renamed to
avoid a clash answers at its new path. `formerly` gives a moved item's former portal, for the
"formerly Phường 3" line of article and document pages.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from app.i18n import current_locale
from tenants.context import TenantInfo, current_tenant, tenant_scope
from tenants.merge_models import MergeProvenance, MergeRedirect
from tenants.models import Tenant


def path_after_merge(tenant: TenantInfo, former_tenant_id: int, path: str) -> str:
    """`path` of the former portal as it is now on `tenant`: the longest redirected prefix
    (`/chuyen-muc/tin-tuc` and everything below it) replaced, else unchanged."""
    with tenant_scope(tenant):
        rows = db.session.execute(
            sa.select(MergeRedirect.old_path, MergeRedirect.new_path).where(
                MergeRedirect.former_tenant_id == former_tenant_id,
                sa.or_(
                    MergeRedirect.old_path == path,
                    sa.literal(path).startswith(MergeRedirect.old_path + "/"),
                ),
            )
        ).all()
    if not rows:
        return path
    old, new = max(rows, key=lambda row: len(row.old_path))
    return new + path[len(old) :]


def formerly(table: str, row_id: int | None) -> str:
    """The name of the portal a moved row came from, in the current locale; empty if none."""
    tenant = current_tenant()
    if tenant is None or row_id is None or not tenant.received_merge:
        return ""  # a portal nothing was merged into asks nothing
    row = db.session.execute(
        sa.select(Tenant.name_vi, Tenant.name_en)
        .join(MergeProvenance, MergeProvenance.former_tenant_id == Tenant.id)
        .where(MergeProvenance.table_name == table, MergeProvenance.row_id == row_id)
    ).first()
    if row is None:
        return ""
    return row.name_en if current_locale() == "en" and row.name_en else row.name_vi
