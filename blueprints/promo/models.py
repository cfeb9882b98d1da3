"""Banners, tourism places and links: small records each portal's editors keep."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.bilingual import bilingual
from app.db import TenantScoped
from app.enums import LabelledEnum
from app.extensions import db


class Banner(TenantScoped, db.Model):
    """An image shown on the home page from `starts_on` to `ends_on` inclusive (portal's dates)."""

    __tablename__ = "banners"

    alt_vi: Mapped[str] = mapped_column(sa.String(250))
    alt_en: Mapped[str] = mapped_column(sa.String(250), default="")
    link_url: Mapped[str] = mapped_column(sa.String(500), default="")
    starts_on: Mapped[date] = mapped_column(sa.Date)
    ends_on: Mapped[date] = mapped_column(sa.Date)
    position: Mapped[int] = mapped_column(sa.Integer, default=0)
    image_key: Mapped[str | None] = mapped_column(sa.String(200))
    image_type: Mapped[str | None] = mapped_column(sa.String(60))

    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="dates_in_order"),)

    alt = bilingual("alt")


class TourismPlace(TenantScoped, db.Model):
    """A landmark or destination, optionally with a 360° tour embedded from an allowed host."""

    __tablename__ = "tourism_places"

    title_vi: Mapped[str] = mapped_column(sa.String(250))
    title_en: Mapped[str] = mapped_column(sa.String(250), default="")
    body_vi: Mapped[str] = mapped_column(sa.Text, default="")  # cleaned HTML
    body_en: Mapped[str] = mapped_column(sa.Text, default="")  # cleaned HTML
    embed_url: Mapped[str] = mapped_column(sa.String(500), default="")
    embed_title_vi: Mapped[str] = mapped_column(sa.String(250), default="")
    embed_title_en: Mapped[str] = mapped_column(sa.String(250), default="")
    position: Mapped[int] = mapped_column(sa.Integer, default=0)

    title = bilingual("title")
    body = bilingual("body")
    embed_title = bilingual("embed_title")


class LinkGroup(LabelledEnum):
    PROVINCE = "province", _l("Cổng thông tin của tỉnh")
    NEWSPAPER = "newspaper", _l("Báo chí")
    GOVERNMENT = "government", _l("Chính phủ")
    MINISTRY = "ministry", _l("Bộ, ngành")
    OTHER = "other", _l("Liên kết khác")


class Link(TenantScoped, db.Model):
    __tablename__ = "links"

    group: Mapped[str] = mapped_column(sa.String(16), default=LinkGroup.OTHER)
    title_vi: Mapped[str] = mapped_column(sa.String(250))
    title_en: Mapped[str] = mapped_column(sa.String(250), default="")
    url: Mapped[str] = mapped_column(sa.String(500))
    position: Mapped[int] = mapped_column(sa.Integer, default=0)

    __table_args__ = (
        sa.CheckConstraint(
            "\"group\" IN ('province', 'newspaper', 'government', 'ministry', 'other')", name="group"
        ),
    )

    title = bilingual("title")
