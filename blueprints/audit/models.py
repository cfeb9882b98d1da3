"""Audit events: one row per thing done that a board head or an administrator may need to trace.

The actor's e-mail is copied into the row, so the trail reads the same after the account is
renamed or removed; the row belongs to the portal the thing was done on.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.db import TenantScoped
from app.enums import LabelledEnum, check_in
from app.extensions import db


class AuditAction(LabelledEnum):
    # Signing in and out
    SIGNED_IN = "signed-in", _l("Đăng nhập")
    SIGNED_OUT = "signed-out", _l("Đăng xuất")
    # The account's secrets: its password, its second factor
    PASSWORD_CHANGED = "password-changed", _l("Đổi mật khẩu")
    PASSWORD_RESET = "password-reset", _l("Đặt lại mật khẩu")
    TWO_FACTOR_ENABLED = "two-factor-enabled", _l("Bật xác thực hai lớp")
    RECOVERY_CODES_RENEWED = "recovery-codes-renewed", _l("Tạo mã khôi phục mới")
    RECOVERY_CODE_USED = "recovery-code-used", _l("Dùng mã khôi phục")
    # What people may do, and what the portal says in public
    ROLE_GRANTED = "role-granted", _l("Cấp vai trò")
    ARTICLE_PUBLISHED = "article-published", _l("Xuất bản bài viết")


class AuditEvent(TenantScoped, db.Model):
    __tablename__ = "audit_events"
    __public_content__ = False  # a sign-in is no change to what visitors see (app.content_version)

    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    action: Mapped[str] = mapped_column(sa.String(40))
    # Who: the account (gone if it is deleted) and its e-mail at the time (kept).
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    actor_email: Mapped[str] = mapped_column(sa.String(254), default="")
    detail: Mapped[str] = mapped_column(sa.String(500), default="")
    address: Mapped[str] = mapped_column(sa.String(64), default="")

    __table_args__ = (
        sa.CheckConstraint(check_in("action", AuditAction), name="action"),
        sa.Index("ix_audit_events_tenant_id_at", "tenant_id", "at"),
    )

    @property
    def action_label(self):
        return AuditAction(self.action).label
