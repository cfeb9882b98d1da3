"""Questions and feedback from citizens ("Hỏi đáp", "Góp ý"), their categories, the board's
internal notes, the portal's settings, and the platform's calendar of public holidays.

What other packages may rely on: `FeedbackItem.is_published` (published answers are public, with
no personal data), `FeedbackItem.state` (`ItemState`), `due_on` / `answered_on` (local dates),
(the platform's calendar of public holidays is `app.holidays.PublicHoliday`).

Personal data of an asker lives in exactly these columns of `FeedbackItem`: `name`, `email`,
`phone`, `attachment_*`. The retention job empties them (`erased_at` is then set); nothing else
ever copies them (exports, the API, feeds and public pages read other columns only).
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import TenantScoped, tenant_foreign_key, tenant_parent
from app.enums import LabelledEnum, check_in
from app.extensions import db
from blueprints.auth.models import User
from blueprints.newsroom.models import ContributingUnit


class ItemKind(LabelledEnum):
    QUESTION = "question", _l("Câu hỏi")
    FEEDBACK = "feedback", _l("Góp ý")

    @property
    def prefix(self) -> str:
        """The tracking code's first letters: HD (hỏi đáp) or GY (góp ý)."""
        return {ItemKind.QUESTION: "HD", ItemKind.FEEDBACK: "GY"}[self]


class ItemState(LabelledEnum):
    RECEIVED = "received", _l("Mới tiếp nhận")
    ASSIGNED = "assigned", _l("Đang xử lý")
    ANSWERED = "answered", _l("Đã trả lời")


DEFAULT_RETENTION_MONTHS = 24


class FeedbackSettings(TenantScoped, db.Model):
    """Per-portal settings: working days to answer, and months to keep askers' personal data."""

    __tablename__ = "feedback_settings"

    answer_days: Mapped[int] = mapped_column(default=15)
    retention_months: Mapped[int] = mapped_column(default=DEFAULT_RETENTION_MONTHS)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id"),
        sa.CheckConstraint("answer_days BETWEEN 1 AND 90", name="answer_days_range"),
        sa.CheckConstraint("retention_months BETWEEN 1 AND 120", name="retention_range"),
    )


class FeedbackCategory(TenantScoped, db.Model):
    """A topic citizens choose when they write (land, environment, social policy…)."""

    __tablename__ = "feedback_categories"

    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    position: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (sa.UniqueConstraint("tenant_id", "name_vi"),)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" and self.name_en else self.name_vi


class FeedbackItem(TenantScoped, db.Model):
    """One question or piece of feedback, from receipt to answer (and, with consent, to the
    public Q&A). Dates (`received_on`, `due_on`, `answered_on`) are the portal's local days."""

    __tablename__ = "feedback_items"

    code: Mapped[str] = mapped_column(sa.String(24))
    kind: Mapped[str] = mapped_column(sa.String(16), default=ItemKind.QUESTION)
    category_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    subject: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    locale: Mapped[str] = mapped_column(sa.String(8), default="vi")

    # Personal data (erased after the retention period).
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(30), default="")
    attachment_key: Mapped[str | None] = mapped_column(sa.String(200))
    attachment_type: Mapped[str | None] = mapped_column(sa.String(100))
    attachment_name: Mapped[str | None] = mapped_column(sa.String(200))
    erased_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    consented_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    may_publish: Mapped[bool] = mapped_column(default=False)
    show_name: Mapped[bool] = mapped_column(default=False)

    state: Mapped[str] = mapped_column(sa.String(16), default=ItemState.RECEIVED)
    unit_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    assignee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    received_on: Mapped[date] = mapped_column(sa.Date)
    due_on: Mapped[date] = mapped_column(sa.Date)
    reminded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    answer: Mapped[str] = mapped_column(sa.Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    answered_on: Mapped[date | None] = mapped_column(sa.Date)
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    search_text: Mapped[str] = mapped_column(sa.Text, default="")  # folded, for the public search

    category: Mapped[FeedbackCategory | None] = tenant_parent(
        "FeedbackItem", "category_id", "FeedbackCategory", viewonly=True
    )
    unit: Mapped[ContributingUnit | None] = tenant_parent(
        "FeedbackItem", "unit_id", "ContributingUnit", viewonly=True
    )
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "code"),
        # Deleting a category or a unit leaves its items without one (PostgreSQL 15+ column list).
        tenant_foreign_key("category_id", "feedback_categories", ondelete="SET NULL (category_id)"),
        tenant_foreign_key("unit_id", "newsroom_units", ondelete="SET NULL (unit_id)"),
        sa.Index("ix_feedback_items_tenant_id_state_due_on", "tenant_id", "state", "due_on"),
        sa.Index("ix_feedback_items_tenant_id_published_at", "tenant_id", "published_at"),
        sa.CheckConstraint(check_in("kind", ItemKind), name="kind"),
        sa.CheckConstraint(check_in("state", ItemState), name="state"),
        sa.CheckConstraint(
            "published_at IS NULL OR (may_publish AND answered_at IS NOT NULL)",
            name="published_only_with_consent",
        ),
    )

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_answered(self) -> bool:
        return self.state == ItemState.ANSWERED

    @property
    def kind_label(self):
        return ItemKind(self.kind).label

    @property
    def state_label(self):
        return ItemState(self.state).label

    def is_overdue(self, today: date) -> bool:
        """Unanswered after its due day, or answered after it."""
        if self.answered_on is not None:
            return self.answered_on > self.due_on
        return today > self.due_on

    def public_name(self) -> str:
        """The asker's name as the public Q&A may show it: only with their leave, never once erased."""
        return self.name if self.show_name and self.erased_at is None else ""


class FeedbackNote(TenantScoped, db.Model):
    """An internal note of the board on an item. Never shown to the asker or the public."""

    __tablename__ = "feedback_notes"

    item_id: Mapped[int] = mapped_column(sa.BigInteger)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    author: Mapped[User | None] = relationship()

    __table_args__ = (tenant_foreign_key("item_id", "feedback_items", ondelete="CASCADE"),)
