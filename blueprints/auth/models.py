"""People: global users and their roles on each portal.

A user is one person across the whole deployment (one e-mail, one password). What they may do
is per portal: a `Membership` row, owned by that tenant, gives one role there. Platform
administrators are marked on the user, because their role is not any one tenant's to grant.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import TenantScoped
from app.extensions import db
from app.roles import PLATFORM_ADMIN
from tenants.context import current_tenant_id


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    is_platform_admin: Mapped[bool] = mapped_column(default=False)
    is_disabled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    password_changed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    # Part of every session's user id: raising it (sign-out, a new password) ends every session.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Two-factor sign-in: the TOTP secret (shown once, at enrolment) and argon2 hashes of the
    # unused recovery codes.
    totp_secret: Mapped[str | None] = mapped_column(sa.String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    recovery_code_hashes: Mapped[list[str]] = mapped_column(JSONB, default=list, server_default="[]")

    memberships: Mapped[list[Membership]] = relationship(back_populates="user", viewonly=True)

    __table_args__ = (sa.Index("uq_users_email_lower", sa.func.lower(email), unique=True),)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses disabled users
        return not self.is_disabled

    def get_id(self) -> str:
        """Flask-Login's alternative id: the session names the epoch it was begun in, so a
        session (or a copied cookie) stops working when the epoch moves on."""
        return f"{self.id}.{self.session_epoch}"

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled_at is not None

    def roles_here(self) -> set[str]:
        """Roles on the current portal (memberships are filtered by the current tenant).

        Cached on the instance per tenant: Flask-Login loads a fresh user for every request.
        """

        cache = self.__dict__.setdefault("_roles_by_tenant", {})
        tenant_id = current_tenant_id()
        if tenant_id not in cache:
            roles = set(db.session.scalars(sa.select(Membership.role).where(Membership.user_id == self.id)))
            if self.is_platform_admin:
                roles.add(PLATFORM_ADMIN)
            cache[tenant_id] = roles
        return cache[tenant_id]

    def has_role(self, *roles: str) -> bool:
        mine = self.roles_here()
        return PLATFORM_ADMIN in mine or bool(mine.intersection(roles))


class Membership(TenantScoped, db.Model):
    """One role of one user on one portal."""

    __tablename__ = "memberships"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(sa.String(32))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    user: Mapped[User] = relationship(back_populates="memberships")

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "user_id", "role"),
        sa.CheckConstraint("role IN ('collaborator', 'editor', 'approver', 'board-head')", name="role"),
    )
