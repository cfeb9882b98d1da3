"""Introduction sections, organisation units, leaders and contact officials of one portal."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.bilingual import Translatable
from app.db import TenantScoped, tenant_foreign_key, tenant_parent
from app.enums import LabelledEnum
from app.extensions import db


class SectionKind(LabelledEnum):
    FUNCTIONS = "functions", _l("Chức năng, nhiệm vụ")
    HISTORY = "history", _l("Lịch sử hình thành")
    MAP = "map", _l("Bản đồ địa giới hành chính")
    NATURE = "nature", _l("Điều kiện tự nhiên")
    CULTURE = "culture", _l("Văn hóa, di tích, danh thắng")


class IntroSection(Translatable, TenantScoped, db.Model):
    """One part of the introduction page; the map section may carry an image with alt text."""

    TRANSLATED = ("body", "image_alt")

    __tablename__ = "intro_sections"

    kind: Mapped[str] = mapped_column(sa.String(16))
    body_vi: Mapped[str] = mapped_column(sa.Text, default="")
    body_en: Mapped[str] = mapped_column(sa.Text, default="")
    image_key: Mapped[str | None] = mapped_column(sa.String(200))
    image_type: Mapped[str | None] = mapped_column(sa.String(100))
    image_alt_vi: Mapped[str] = mapped_column(sa.String(300), default="")
    image_alt_en: Mapped[str] = mapped_column(sa.String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now(), onupdate=sa.func.now()
    )

    @property
    def kind_label(self) -> str:
        return str(SectionKind(self.kind).label)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "kind"),
        sa.CheckConstraint("kind IN ('functions', 'history', 'map', 'nature', 'culture')", name="kind"),
    )


class OrgChartUnit(Translatable, TenantScoped, db.Model):
    """A unit of the organisation chart (the People's Committee, a department, an office)."""

    TRANSLATED = ("name", "functions")

    __tablename__ = "org_units"

    parent_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    functions_vi: Mapped[str] = mapped_column(sa.Text, default="")
    functions_en: Mapped[str] = mapped_column(sa.Text, default="")
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    position: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        tenant_foreign_key("parent_id", "org_units"),
        sa.UniqueConstraint("tenant_id", "name_vi"),
    )


class Leader(Translatable, TenantScoped, db.Model):
    """A leader shown on the introduction: photo, short biography and duties."""

    TRANSLATED = ("title", "biography", "duties")

    __tablename__ = "leaders"

    name: Mapped[str] = mapped_column(sa.String(200))
    title_vi: Mapped[str] = mapped_column(sa.String(200))
    title_en: Mapped[str] = mapped_column(sa.String(200), default="")
    biography_vi: Mapped[str] = mapped_column(sa.Text, default="")
    biography_en: Mapped[str] = mapped_column(sa.Text, default="")
    duties_vi: Mapped[str] = mapped_column(sa.Text, default="")
    duties_en: Mapped[str] = mapped_column(sa.Text, default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    photo_key: Mapped[str | None] = mapped_column(sa.String(200))
    photo_type: Mapped[str | None] = mapped_column(sa.String(100))
    position: Mapped[int] = mapped_column(default=0)
    is_published: Mapped[bool] = mapped_column(default=True)


class Contact(Translatable, TenantScoped, db.Model):
    """An official in the contact directory. `checked_on` is when someone last confirmed it."""

    TRANSLATED = ("position",)

    __tablename__ = "contacts"

    unit_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    name: Mapped[str] = mapped_column(sa.String(200))
    position_vi: Mapped[str] = mapped_column(sa.String(200))
    position_en: Mapped[str] = mapped_column(sa.String(200), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    checked_on: Mapped[date] = mapped_column(sa.Date)
    position: Mapped[int] = mapped_column(default=0)
    is_published: Mapped[bool] = mapped_column(default=True)

    unit: Mapped[OrgChartUnit | None] = tenant_parent(
        "Contact", "unit_id", "OrgChartUnit", viewonly=True, lazy="joined"
    )

    __table_args__ = (tenant_foreign_key("unit_id", "org_units"),)
