"""Consultations on drafts: the consultation, its revisions and their structured text, comments,
attachments, the portal's moderation setting and the e-mail subscribers.

A clause (a part, an article or a numbered clause) has a `key` that stays the same across the
revisions of its consultation: each revision stores its own copy of the text, and a clause that
a revision keeps (matched by its number) keeps its key. Comments point at that key and record
the revision they were made on, so they stay on their clause whatever later revisions do, and a
clause that a revision drops keeps its comments ("on a clause removed in revision N").
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.db import OnePerTenant, TenantScoped, tenant_children, tenant_foreign_key
from app.enums import LabelledEnum, check_in
from app.extensions import db
from app.uploads import StoredFileColumns


class ConsultationState(LabelledEnum):
    """Where a published consultation stands; computed from its times, never stored."""

    UPCOMING = "upcoming", _l("Sắp lấy ý kiến")
    OPEN = "open", _l("Đang lấy ý kiến")
    CLOSED = "closed", _l("Đã hết hạn góp ý")
    CONCLUDED = "concluded", _l("Đã có báo cáo tiếp thu")


class ClauseKind(enum.StrEnum):
    PART = "part"
    ARTICLE = "article"
    CLAUSE = "clause"


class CommentState(LabelledEnum):
    PENDING = "pending", _l("Chờ kiểm duyệt")
    ACCEPTED = "accepted", _l("Đã chấp nhận")
    REJECTED = "rejected", _l("Bị từ chối")
    SPAM = "spam", _l("Thư rác")


class Moderation(LabelledEnum):
    # a comment is shown once a moderator accepts it
    PRE = "pre", _l("Kiểm duyệt trước: ý kiến chỉ hiện sau khi được chấp nhận")
    # a comment is shown at once, until a moderator rejects it
    POST = "post", _l("Kiểm duyệt sau: ý kiến hiện ngay, bị gỡ nếu bị từ chối")


class Consultation(TenantScoped, db.Model):
    __tablename__ = "consultations"

    title: Mapped[str] = mapped_column(sa.String(300))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    drafting_body: Mapped[str] = mapped_column(sa.String(200), default="")  # cơ quan chủ trì soạn thảo
    agency_name: Mapped[str] = mapped_column(sa.String(200))
    agency_address: Mapped[str] = mapped_column(sa.String(300))
    agency_email: Mapped[str] = mapped_column(sa.String(254))
    agency_phone: Mapped[str] = mapped_column(sa.String(50))
    opens_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    is_published: Mapped[bool] = mapped_column(default=False)
    current_revision: Mapped[int] = mapped_column(default=0)
    concluded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    report: Mapped[str] = mapped_column(sa.Text, default="")
    # When subscribers were told it opened / closed (the cron's idempotence marks).
    announced_open_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    announced_closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    files: Mapped[list[ConsultationFile]] = tenant_children(
        "Consultation", "ConsultationFile", "consultation_id", viewonly=True, order_by="ConsultationFile.id"
    )

    __table_args__ = (
        sa.CheckConstraint("opens_at < closes_at", name="opens_before_closing"),
        sa.Index("ix_consultations_tenant_id_closes_at", "tenant_id", "closes_at"),
    )

    def state(self, now: datetime | None = None) -> ConsultationState:
        now = now or datetime.now(UTC)
        if self.concluded_at is not None:
            return ConsultationState.CONCLUDED
        if now < self.opens_at:
            return ConsultationState.UPCOMING
        if now < self.closes_at:
            return ConsultationState.OPEN
        return ConsultationState.CLOSED

    def is_open(self, now: datetime | None = None) -> bool:
        return self.is_published and self.state(now) == ConsultationState.OPEN


class DraftRevision(TenantScoped, db.Model):
    """One numbered version of the draft's text (1, 2, …)."""

    __tablename__ = "consultation_revisions"

    consultation_id: Mapped[int] = mapped_column(sa.BigInteger)
    number: Mapped[int] = mapped_column()
    note: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    __table_args__ = (
        tenant_foreign_key("consultation_id", "consultations", ondelete="CASCADE"),
        sa.UniqueConstraint("tenant_id", "consultation_id", "number"),
        sa.CheckConstraint("number > 0", name="number_positive"),
    )


class DraftClause(TenantScoped, db.Model):
    """A part, article or clause of one revision, in reading order (`position`)."""

    __tablename__ = "consultation_clauses"

    revision_id: Mapped[int] = mapped_column(sa.BigInteger)
    consultation_id: Mapped[int] = mapped_column(sa.BigInteger)
    key: Mapped[str] = mapped_column(sa.String(36))  # stable across revisions
    kind: Mapped[str] = mapped_column(sa.String(10))
    number: Mapped[str] = mapped_column(sa.String(20))
    parent_key: Mapped[str | None] = mapped_column(sa.String(36))
    heading: Mapped[str] = mapped_column(sa.String(500), default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    position: Mapped[int] = mapped_column()

    __table_args__ = (
        tenant_foreign_key("revision_id", "consultation_revisions", ondelete="CASCADE"),
        tenant_foreign_key("consultation_id", "consultations", ondelete="CASCADE"),
        sa.UniqueConstraint("tenant_id", "revision_id", "key"),
        sa.Index(
            "ix_consultation_clauses_tenant_id_consultation_id_key", "tenant_id", "consultation_id", "key"
        ),
        sa.CheckConstraint(check_in("kind", ClauseKind), name="kind"),
    )

    @property
    def anchor(self) -> str:
        return f"k-{self.key}"


class ConsultationComment(TenantScoped, db.Model):
    """A citizen's comment on the whole draft (`clause_key` null) or on one clause."""

    __tablename__ = "consultation_comments"

    consultation_id: Mapped[int] = mapped_column(sa.BigInteger)
    clause_key: Mapped[str | None] = mapped_column(sa.String(36))
    revision_number: Mapped[int] = mapped_column()
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str] = mapped_column(sa.String(254))  # never shown nor exported to the public
    organisation: Mapped[str] = mapped_column(sa.String(200), default="")
    body: Mapped[str] = mapped_column(sa.Text)
    state: Mapped[str] = mapped_column(sa.String(10), default=CommentState.PENDING.value)
    reject_reason: Mapped[str] = mapped_column(sa.String(1000), default="")
    response: Mapped[str] = mapped_column(sa.Text, default="")  # how the agency took it into account
    locale: Mapped[str] = mapped_column(sa.String(5), default="vi")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    moderated_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    moderated_by_id: Mapped[int | None] = mapped_column(
        sa.BigInteger, sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    __table_args__ = (
        tenant_foreign_key("consultation_id", "consultations", ondelete="CASCADE"),
        sa.Index("ix_consultation_comments_tenant_id_consultation_id", "tenant_id", "consultation_id"),
        sa.CheckConstraint(check_in("state", CommentState), name="state"),
    )


class ConsultationFile(TenantScoped, StoredFileColumns, db.Model):
    """The draft as PDF or DOCX (or another attachment), stored through app.uploads."""

    __tablename__ = "consultation_files"

    consultation_id: Mapped[int] = mapped_column(sa.BigInteger)

    __table_args__ = (
        tenant_foreign_key("consultation_id", "consultations", ondelete="CASCADE"),
        sa.Index("ix_consultation_files_tenant_id_consultation_id", "tenant_id", "consultation_id"),
    )


class ConsultationSettings(OnePerTenant, TenantScoped, db.Model):
    """Per-portal settings of consultations (one row per tenant, made on first use)."""

    __tablename__ = "consultation_settings"
    FIRST_VALUES = {"moderation": Moderation.PRE.value}

    moderation: Mapped[str] = mapped_column(sa.String(10), default=Moderation.PRE.value)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id"),
        sa.CheckConstraint(check_in("moderation", Moderation), name="moderation"),
    )


class Subscriber(TenantScoped, db.Model):
    """A citizen told by e-mail when a consultation of this portal opens, closes or is concluded."""

    __tablename__ = "consultation_subscribers"

    email: Mapped[str] = mapped_column(sa.String(254))
    locale: Mapped[str] = mapped_column(sa.String(5), default="vi")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    confirmed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    unsubscribed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    __table_args__ = (sa.UniqueConstraint("tenant_id", "email"),)

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None
