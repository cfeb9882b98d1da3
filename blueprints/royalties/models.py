"""The monthly plan, the quota setting and the royalty tables of one portal.

Every table is tenant-owned; foreign keys to other tenant tables include `tenant_id`. Money is
stored as integer đồng (`BigInteger`), factors and percentages as `Numeric` (read as `Decimal`):
nothing here is a float, so the statement, its exports and the budget add up to the đồng.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import OnePerTenant, TenantScoped, tenant_children, tenant_foreign_key, tenant_parent
from app.enums import LabelledEnum, check_in
from app.extensions import db
from blueprints.auth.models import User
from blueprints.newsroom.models import ArticleKind, ContributingUnit


class OverCapPolicy(LabelledEnum):
    """What happens when a unit that reached its monthly cap submits another article."""

    WARN = "warn", _l("Cảnh báo nhưng vẫn cho gửi")
    REFUSE = "refuse", _l("Không cho gửi thêm")


class PlanState(LabelledEnum):
    DRAFT = "draft", _l("Bản nháp")
    PUBLISHED = "published", _l("Đã ban hành")


class RoyaltySettings(OnePerTenant, TenantScoped, db.Model):
    """Per-portal settings of quotas and royalties (one row per tenant, made on first use)."""

    __tablename__ = "royalty_settings"
    FIRST_VALUES = {"over_cap_policy": OverCapPolicy.WARN}

    over_cap_policy: Mapped[str] = mapped_column(sa.String(16), default=OverCapPolicy.WARN)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id"),
        sa.CheckConstraint(check_in("over_cap_policy", OverCapPolicy), name="over_cap_policy"),
    )


class RoyaltyBase(TenantScoped, db.Model):
    """The base amount from `effective_from` on: `percent` % of the statutory base salary.

    Decree 18/2014: 10 % of the base salary ("mức lương cơ sở"), which the State raises from time
    to time (1,800,000 đ from 2023-07-01, 2,340,000 đ from 2024-07-01). A province may pay less
    (one pays ward sites 20 % of its rate), so both numbers are the portal's, by date.
    """

    __tablename__ = "royalty_bases"

    effective_from: Mapped[date] = mapped_column(sa.Date)
    base_salary: Mapped[int] = mapped_column(sa.BigInteger)  # đồng
    percent: Mapped[Decimal] = mapped_column(sa.Numeric(6, 3), default=Decimal("10"))
    note: Mapped[str] = mapped_column(sa.String(300), default="")

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "effective_from"),
        sa.CheckConstraint("base_salary > 0", name="salary_positive"),
        sa.CheckConstraint("percent > 0 AND percent <= 100", name="percent_range"),
    )

    @property
    def base_amount(self) -> Decimal:
        """The amount one unit of factor is worth (exact, not rounded)."""
        return Decimal(self.base_salary) * self.percent / 100


class RoyaltyRate(TenantScoped, db.Model):
    """The factor range of one kind of article from `effective_from` on.

    A translated item earns 40–65 % of its genre (Decree 18/2014); the portal enters that as the
    translated kind's own range (4.00–6.50 for a news item whose maximum is 10), not as a rule.
    """

    __tablename__ = "royalty_rates"

    kind: Mapped[str] = mapped_column(sa.String(16))
    effective_from: Mapped[date] = mapped_column(sa.Date)
    factor_min: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    factor_max: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "kind", "effective_from"),
        sa.CheckConstraint(check_in("kind", ArticleKind), name="kind"),
        sa.CheckConstraint("factor_min >= 0 AND factor_max >= factor_min", name="factor_range"),
    )

    @property
    def kind_label(self):
        return ArticleKind(self.kind).label


class RoyaltyBudget(TenantScoped, db.Model):
    """The year's royalty budget of the portal, in đồng."""

    __tablename__ = "royalty_budgets"

    year: Mapped[int] = mapped_column()
    amount: Mapped[int] = mapped_column(sa.BigInteger)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "year"),
        sa.CheckConstraint("amount >= 0", name="amount_positive"),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
    )


class MonthlyPlan(TenantScoped, db.Model):
    """The board's orientation plan for one month: topics, due dates, the units they are for."""

    __tablename__ = "royalty_monthly_plans"

    year: Mapped[int] = mapped_column()
    month: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(sa.String(300))
    intro: Mapped[str] = mapped_column(sa.Text, default="")
    state: Mapped[str] = mapped_column(sa.String(16), default=PlanState.DRAFT)
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    published_by: Mapped[User | None] = relationship()
    topics: Mapped[list[PlanTopic]] = tenant_children(
        "MonthlyPlan",
        "PlanTopic",
        "plan_id",
        order_by="(PlanTopic.due_date, PlanTopic.id)",
        cascade="all, delete-orphan",
        overlaps="plan",
    )

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "year", "month"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        sa.CheckConstraint(check_in("state", PlanState), name="state"),
    )

    @property
    def is_published(self) -> bool:
        return self.state == PlanState.PUBLISHED

    @property
    def state_label(self):
        return PlanState(self.state).label


class PlanTopic(TenantScoped, db.Model):
    """One topic of a plan; `units` empty means every unit."""

    __tablename__ = "royalty_plan_topics"

    plan_id: Mapped[int] = mapped_column(sa.BigInteger)
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    due_date: Mapped[date] = mapped_column(sa.Date)

    unit_links: Mapped[list[PlanTopicUnit]] = tenant_children(
        "PlanTopic", "PlanTopicUnit", "topic_id", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (
        tenant_foreign_key("plan_id", "royalty_monthly_plans", ondelete="CASCADE"),
        sa.Index("ix_royalty_plan_topics_plan", "tenant_id", "plan_id"),
    )

    @property
    def units(self) -> list[ContributingUnit]:
        return [link.unit for link in self.unit_links if link.unit is not None]


class PlanTopicUnit(TenantScoped, db.Model):
    """A unit a topic is assigned to."""

    __tablename__ = "royalty_plan_topic_units"

    topic_id: Mapped[int] = mapped_column(sa.BigInteger)
    unit_id: Mapped[int] = mapped_column(sa.BigInteger)

    unit: Mapped[ContributingUnit] = tenant_parent(
        "PlanTopicUnit", "unit_id", "ContributingUnit", viewonly=True, lazy="joined"
    )

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "topic_id", "unit_id"),
        tenant_foreign_key("topic_id", "royalty_plan_topics", ondelete="CASCADE"),
        tenant_foreign_key("unit_id", "newsroom_units", ondelete="CASCADE"),
    )


class MonthAction(LabelledEnum):
    CLOSED = "closed", _l("Chốt tháng")
    REOPENED = "reopened", _l("Mở lại")


class ClosedStatement(TenantScoped, db.Model):
    """A month's statement frozen when the board closed it: what the exports and the printed
    statement use from then on, whatever happens to the articles or the tables afterwards.
    Reopening deletes it (its history stays in `MonthEvent`)."""

    __tablename__ = "royalty_closed_statements"

    year: Mapped[int] = mapped_column()
    month: Mapped[int] = mapped_column()
    closed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    total: Mapped[int] = mapped_column(sa.BigInteger)
    article_count: Mapped[int] = mapped_column()

    closed_by: Mapped[User | None] = relationship()
    lines: Mapped[list[ClosedLine]] = tenant_children(
        "ClosedStatement",
        "ClosedLine",
        "statement_id",
        order_by="ClosedLine.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "year", "month"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
    )


def remap_share_users(shares: list, ids) -> list:
    """Shares ([user id, name, amount]) naming the ids a moved portal gave its people."""
    return [[ids.get("users", user_id) or user_id, name, amount] for user_id, name, amount in shares]


class ClosedLine(TenantScoped, db.Model):
    """One article of a closed statement, copied: title, unit, factor, base salary and percent
    as they were. `article_id` has no foreign key on purpose (the snapshot outlives the article);
    `shares` is the list of [user id, name, amount] in byline order."""

    __tablename__ = "royalty_closed_lines"

    statement_id: Mapped[int] = mapped_column(sa.BigInteger)
    position: Mapped[int] = mapped_column()
    article_id: Mapped[int] = mapped_column(sa.BigInteger, info={"references": "newsroom_articles"})
    title: Mapped[str] = mapped_column(sa.String(300))
    kind: Mapped[str] = mapped_column(sa.String(16))
    unit_id: Mapped[int | None] = mapped_column(sa.BigInteger, info={"references": "newsroom_units"})
    unit_name_vi: Mapped[str] = mapped_column(sa.String(200), default="")
    unit_name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    published_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    factor: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    base_salary: Mapped[int | None] = mapped_column(sa.BigInteger)
    percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 3))
    amount: Mapped[int] = mapped_column(sa.BigInteger)
    shares: Mapped[list] = mapped_column(sa.JSON, default=list, info={"remap": remap_share_users})

    __table_args__ = (
        tenant_foreign_key("statement_id", "royalty_closed_statements", ondelete="CASCADE"),
        sa.Index("ix_royalty_closed_lines_statement", "tenant_id", "statement_id"),
    )


class MonthEvent(TenantScoped, db.Model):
    """Who closed or reopened a month, when, and why (a reopening must say why)."""

    __tablename__ = "royalty_month_events"

    year: Mapped[int] = mapped_column()
    month: Mapped[int] = mapped_column()
    action: Mapped[str] = mapped_column(sa.String(16))
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    by_name: Mapped[str] = mapped_column(sa.String(200), default="")
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    total: Mapped[int] = mapped_column(sa.BigInteger, default=0)

    __table_args__ = (
        sa.CheckConstraint(check_in("action", MonthAction), name="action"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        sa.Index("ix_royalty_month_events_month", "tenant_id", "year", "month"),
    )

    @property
    def action_label(self):
        return MonthAction(self.action).label
