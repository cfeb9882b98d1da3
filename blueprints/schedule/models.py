"""The leaders' weekly work schedule: one row per engagement."""

from __future__ import annotations

from datetime import date, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.bilingual import Bilingual
from app.db import TenantScoped
from app.extensions import db


class ScheduleEntry(Bilingual, TenantScoped, db.Model):
    """An engagement on a day, at a local time (the portal's time zone): who chairs it, who
    attends, where, and what it is about."""

    __tablename__ = "schedule_entries"

    day: Mapped[date] = mapped_column(sa.Date)
    starts_at: Mapped[time] = mapped_column(sa.Time)
    ends_at: Mapped[time | None] = mapped_column(sa.Time)
    content_vi: Mapped[str] = mapped_column(sa.Text)
    content_en: Mapped[str] = mapped_column(sa.Text, default="")
    presider: Mapped[str] = mapped_column(sa.String(200))
    participants: Mapped[str] = mapped_column(sa.Text, default="")
    location: Mapped[str] = mapped_column(sa.String(300), default="")
    is_published: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        sa.Index("ix_schedule_entries_tenant_id_day", "tenant_id", "day"),
        sa.CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="ends_after_start"),
    )
