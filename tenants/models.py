"""The tenant list: global tables, read by the resolver before any tenant is current."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


class TenantKind(enum.StrEnum):
    CITY = "city"
    WARD = "ward"
    COMMUNE = "commune"


class TenantStatus(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class Tenant(db.Model):  # type: ignore[name-defined]  # Flask-SQLAlchemy makes db.Model at run time
    """One portal: the city or one of its wards and communes."""

    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(63), unique=True)
    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(16))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("tenants.id"))
    # Set when this portal's rows were merged into another (the 2025 reform); it stays suspended.
    merged_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("tenants.id"))
    status: Mapped[str] = mapped_column(sa.String(16), default=TenantStatus.ACTIVE)
    default_locale: Mapped[str] = mapped_column(sa.String(8), default="vi")
    timezone: Mapped[str] = mapped_column(sa.String(64), default="Asia/Ho_Chi_Minh")
    theme: Mapped[str] = mapped_column(sa.String(40), default="default")
    # Owner, person responsible, address, phone, e-mail: shown in every page's footer.
    contact: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    parent: Mapped[Tenant | None] = relationship(remote_side=[id], foreign_keys=[parent_id])
    domains: Mapped[list[TenantDomain]] = relationship(
        back_populates="tenant",
        foreign_keys="TenantDomain.tenant_id",
        cascade="all, delete-orphan",
        order_by="TenantDomain.hostname",
    )

    __table_args__ = (
        sa.CheckConstraint("kind IN ('city', 'ward', 'commune')", name="kind"),
        sa.CheckConstraint("status IN ('active', 'suspended')", name="status"),
        sa.CheckConstraint("slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'", name="slug_format"),
    )

    @property
    def primary_domain(self) -> TenantDomain | None:
        return next((d for d in self.domains if d.is_primary), None)


class TenantDomain(db.Model):  # type: ignore[name-defined]  # Flask-SQLAlchemy makes db.Model at run time
    """A hostname that serves a tenant. Exactly one per tenant is primary; the rest redirect."""

    __tablename__ = "tenant_domains"

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(sa.ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    hostname: Mapped[str] = mapped_column(sa.String(253), unique=True)
    is_primary: Mapped[bool] = mapped_column(default=False)
    # The portal this hostname served before a merge made it an alias here: its old paths that
    # changed are looked up in that portal's `merge_redirects`.
    former_tenant_id: Mapped[int | None] = mapped_column(sa.ForeignKey("tenants.id", ondelete="SET NULL"))

    tenant: Mapped[Tenant] = relationship(back_populates="domains", foreign_keys=[tenant_id])

    __table_args__ = (
        sa.Index(
            "uq_tenant_domains_one_primary",
            "tenant_id",
            unique=True,
            postgresql_where=sa.text("is_primary"),
        ),
    )
