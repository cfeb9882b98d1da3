"""What a merge of portals leaves behind in the portal that received the rows.

`MergeProvenance` remembers, for every row moved, the portal it came from (so an article can say
"formerly Phường 3"); `MergeRedirect` maps a path of a former portal whose item changed its
address in the merge (a section renamed to avoid a clash) to its new path. Both are tenant
tables of the receiving portal, like the rows they describe.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db import TenantScoped
from app.extensions import db


class MergeProvenance(TenantScoped, db.Model):  # type: ignore[name-defined]  # db.Model is made at run time
    """One moved row: its table, its id (kept by the move) and the portal it belonged to."""

    __tablename__ = "merge_provenance"

    table_name: Mapped[str] = mapped_column(sa.String(63))
    row_id: Mapped[int] = mapped_column(sa.BigInteger)
    former_tenant_id: Mapped[int] = mapped_column(sa.BigInteger, sa.ForeignKey("tenants.id"))
    merged_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    __table_args__ = (sa.UniqueConstraint("tenant_id", "table_name", "row_id"),)


class MergeRedirect(TenantScoped, db.Model):  # type: ignore[name-defined]  # db.Model is made at run time
    """A former portal's path (and everything below it) that now lives at another path."""

    __tablename__ = "merge_redirects"

    former_tenant_id: Mapped[int] = mapped_column(sa.BigInteger, sa.ForeignKey("tenants.id"))
    old_path: Mapped[str] = mapped_column(sa.String(500))
    new_path: Mapped[str] = mapped_column(sa.String(500))

    __table_args__ = (sa.UniqueConstraint("tenant_id", "former_tenant_id", "old_path"),)
