"""Rules of banners, tourism embeds and links.

Embeds: an iframe is a window onto another site inside the portal, so only hosts the deployment
names in `PORTAL_EMBED_HOSTS` (comma-separated, exact host names) may be embedded, and only over
HTTPS. The rule is checked when an editor saves and again when the page renders, so removing a
host from the setting takes every embed from it off the portals at once.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from app.extensions import db
from app.richtext import clean_html
from app.uploads import form_upload
from app.validation import FieldErrors
from blueprints.promo.models import Banner, Link, LinkGroup, TourismPlace
from tenants.context import require_tenant


def embed_hosts() -> frozenset[str]:
    """The allow-list of the `PORTAL_EMBED_HOSTS` setting."""
    value = current_app.config["PORTAL_EMBED_HOSTS"]
    if isinstance(value, str):
        value = value.split(",")
    return frozenset(h.strip().lower().rstrip(".") for h in value if h.strip())


def embed_allowed(url: str) -> bool:
    parts = urlsplit(url or "")
    host = (parts.hostname or "").rstrip(".")
    return parts.scheme == "https" and not parts.username and bool(host) and host in embed_hosts()


def check_embed(url: str) -> None:
    """Raise FieldErrors with a message the editor can act on when `url` may not be embedded."""
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise FieldErrors.on("embed_url", _("Địa chỉ nhúng phải bắt đầu bằng https://."))
    if not embed_allowed(url):
        allowed = ", ".join(sorted(embed_hosts())) or _("(chưa cấu hình máy chủ nào)")
        raise FieldErrors.on(
            "embed_url",
            _(
                "Không được nhúng nội dung từ “%(host)s”. "
                "Chỉ nhận các máy chủ trong danh sách cho phép: %(allowed)s.",
                host=parts.hostname or url,
                allowed=allowed,
            ),
        )


def check_link(url: str, field: str) -> None:
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise FieldErrors.on(field, _("Địa chỉ liên kết phải bắt đầu bằng http:// hoặc https://."))


def active_banners(today: date | None = None) -> list[Banner]:
    """Banners whose dates include today (in the portal's time zone), in the editors' order."""
    today = today or require_tenant().today()
    return list(
        db.session.scalars(
            sa.select(Banner)
            .where(Banner.starts_on <= today, Banner.ends_on >= today, Banner.image_key.is_not(None))
            .order_by(Banner.position, Banner.id)
        )
    )


def save_banner(banner: Banner, form) -> None:
    if banner.ends_on < banner.starts_on:
        raise FieldErrors.on("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
    check_link(banner.link_url, "link_url")
    stored = form_upload(
        form, "image", "image", has_one=bool(banner.image_key), missing=_("Hãy chọn ảnh băng-rôn.")
    )
    if stored:
        banner.image_key, banner.image_type = stored.key, stored.content_type


def save_place(place: TourismPlace, form) -> None:
    check_embed(place.embed_url)
    if place.embed_url and not place.embed_title_vi:
        raise FieldErrors.on(
            "embed_title_vi", _("Hãy đặt tiêu đề cho nội dung nhúng (dành cho trình đọc màn hình).")
        )
    place.body_vi = clean_html(place.body_vi)
    place.body_en = clean_html(place.body_en)


def save_link(link: Link, form) -> None:
    check_link(link.url, "url")


def list_places() -> list[TourismPlace]:
    return list(db.session.scalars(sa.select(TourismPlace).order_by(TourismPlace.position, TourismPlace.id)))


def grouped_links() -> list[tuple[LinkGroup, list[Link]]]:
    links = db.session.scalars(sa.select(Link).order_by(Link.position, Link.id)).all()
    return [
        (g, [link for link in links if link.group == g])
        for g in LinkGroup
        if any(link.group == g for link in links)
    ]
