"""Daily visit counts, and the record of which Redis batches were already added to them."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db import TenantScoped
from app.extensions import db


class VisitDay(TenantScoped, db.Model):
    """Page views of public HTML pages on one day (Vietnam time)."""

    __tablename__ = "visit_days"
    __public_content__ = False  # the footer's figures are a fragment, not part of cached pages

    day: Mapped[date] = mapped_column(sa.Date)
    count: Mapped[int] = mapped_column(sa.BigInteger, default=0)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "day"),
        sa.CheckConstraint("count >= 0", name="count_not_negative"),
    )


class VisitFlush(TenantScoped, db.Model):
    """One Redis batch added to `visit_days`: a batch found here again is deleted, not re-added,
    so a flush that dies between the database commit and the Redis delete never counts twice."""

    __tablename__ = "visit_flushes"
    __public_content__ = False

    batch: Mapped[str] = mapped_column(sa.String(80))
    count: Mapped[int] = mapped_column(sa.BigInteger)
    flushed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    __table_args__ = (sa.UniqueConstraint("tenant_id", "batch"),)
