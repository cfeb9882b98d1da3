"""Banners, tourism places and links: small records each portal's editors keep."""

from __future__ import annotations

import enum
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from app.db import TenantScoped
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

    def alt(self, locale: str) -> str:
        return self.alt_en if locale == "en" and self.alt_en else self.alt_vi


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

    def title(self, locale: str) -> str:
        return self.title_en if locale == "en" and self.title_en else self.title_vi

    def body(self, locale: str) -> str:
        return self.body_en if locale == "en" and self.body_en else self.body_vi

    def embed_title(self, locale: str) -> str:
        return self.embed_title_en if locale == "en" and self.embed_title_en else self.embed_title_vi


class LinkGroup(enum.StrEnum):
    PROVINCE = "province"
    NEWSPAPER = "newspaper"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    OTHER = "other"

    @property
    def label(self):

        return {LinkGroup.PROVINCE: _l("Cổng thông tin của tỉnh"), LinkGroup.NEWSPAPER: _l("Báo chí"),
                LinkGroup.GOVERNMENT: _l("Chính phủ"), LinkGroup.MINISTRY: _l("Bộ, ngành"),
                LinkGroup.OTHER: _l("Liên kết khác")}[self]


class Link(TenantScoped, db.Model):
    __tablename__ = "links"

    group: Mapped[str] = mapped_column(sa.String(16), default=LinkGroup.OTHER)
    title_vi: Mapped[str] = mapped_column(sa.String(250))
    title_en: Mapped[str] = mapped_column(sa.String(250), default="")
    url: Mapped[str] = mapped_column(sa.String(500))
    position: Mapped[int] = mapped_column(sa.Integer, default=0)

    __table_args__ = (
        sa.CheckConstraint("\"group\" IN ('province', 'newspaper', 'government', 'ministry', 'other')",
                           name="group"),
    )

    def title(self, locale: str) -> str:
        return self.title_en if locale == "en" and self.title_en else self.title_vi
