"""What Decree 42/2022 (and 43/2011 before it) asks a People's Committee portal to list about its
plans, projects, science programmes, statistics and the handling of administrative procedures."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.db import TenantScoped
from app.enums import LabelledEnum
from app.extensions import db


class ProjectKind(LabelledEnum):
    PLANNING = "planning", _l("Quy hoạch, kế hoạch")
    PROJECT = "project", _l("Dự án đầu tư")
    PROCUREMENT = "procurement", _l("Đấu thầu, mua sắm công")


class Project(TenantScoped, db.Model):
    """A plan, an investment project or a procurement: name, goal, field, type, duration,
    budget, funder and status, as the decree lists them."""

    __tablename__ = "projects"

    kind: Mapped[str] = mapped_column(sa.String(16), default=ProjectKind.PROJECT)
    name: Mapped[str] = mapped_column(sa.String(300))
    goal: Mapped[str] = mapped_column(sa.Text, default="")
    field: Mapped[str] = mapped_column(sa.String(120), default="")
    project_type: Mapped[str] = mapped_column(sa.String(120), default="")
    duration: Mapped[str] = mapped_column(sa.String(120), default="")
    budget_vnd: Mapped[int | None] = mapped_column(sa.BigInteger)
    funder: Mapped[str] = mapped_column(sa.String(200), default="")
    status: Mapped[str] = mapped_column(sa.String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now(), onupdate=sa.func.now()
    )

    __table_args__ = (
        sa.CheckConstraint("kind IN ('planning', 'project', 'procurement')", name="kind"),
        sa.CheckConstraint("budget_vnd IS NULL OR budget_vnd >= 0", name="budget_not_negative"),
    )


class ScienceProgramme(TenantScoped, db.Model):
    __tablename__ = "science_programmes"

    code: Mapped[str] = mapped_column(sa.String(60))
    name: Mapped[str] = mapped_column(sa.String(300))
    level: Mapped[str] = mapped_column(sa.String(80), default="")
    field: Mapped[str] = mapped_column(sa.String(120), default="")
    lead_unit: Mapped[str] = mapped_column(sa.String(200), default="")
    duration: Mapped[str] = mapped_column(sa.String(120), default="")
    results: Mapped[str] = mapped_column(sa.Text, default="")

    __table_args__ = (sa.UniqueConstraint("tenant_id", "code"),)


class StatisticsReport(TenantScoped, db.Model):
    __tablename__ = "statistics_reports"

    title: Mapped[str] = mapped_column(sa.String(300))
    period: Mapped[str] = mapped_column(sa.String(80))
    published_on: Mapped[date] = mapped_column(sa.Date, default=date.today)
    file_key: Mapped[str | None] = mapped_column(sa.String(200))
    file_name: Mapped[str | None] = mapped_column(sa.String(200))
    file_type: Mapped[str | None] = mapped_column(sa.String(120))


class ProcedureFigure(TenantScoped, db.Model):
    """How many applications for one procedure (or one field) were received, resolved on time,
    late, or still in progress during a period. Imported from CSV; one row per period and
    procedure, so importing the same period again replaces its figures."""

    __tablename__ = "procedure_figures"

    period: Mapped[str] = mapped_column(sa.String(10))  # 2024, 2024-Q1 or 2024-03
    field: Mapped[str] = mapped_column(sa.String(200))
    procedure: Mapped[str] = mapped_column(sa.String(300), default="")
    received: Mapped[int] = mapped_column(sa.Integer)
    on_time: Mapped[int] = mapped_column(sa.Integer)
    late: Mapped[int] = mapped_column(sa.Integer)
    in_progress: Mapped[int] = mapped_column(sa.Integer)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "period", "field", "procedure"),
        sa.CheckConstraint(
            "received >= 0 AND on_time >= 0 AND late >= 0 AND in_progress >= 0", name="counts_not_negative"
        ),
    )
