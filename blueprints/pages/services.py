"""What the core pages show. Tenants are global rows, so listing a city's wards crosses no line."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l

from app.navigation import add_public_page
from tenants.children import ChildPortal, active_children
from tenants.context import TenantInfo
from tenants.models import Tenant

# The home page names at most this many of a city's wards; the rest are one link away, so a
# city of 500 wards has a home page the size of one of 20.
HOME_PORTALS = 24


def member_portals(city: TenantInfo, limit: int | None = None) -> list[ChildPortal]:
    """The active wards and communes under a city, with their primary hosts: wards, then
    communes, each in the order created."""
    return active_children(city.id, Tenant.kind.desc(), Tenant.id, limit=limit)


def home_portals(city: TenantInfo) -> tuple[list[ChildPortal], bool]:
    """The first HOME_PORTALS wards and communes, and whether there are more."""
    portals = member_portals(city, limit=HOME_PORTALS + 1)
    return portals[:HOME_PORTALS], len(portals) > HOME_PORTALS


def provincial_portal_url() -> str:
    return current_app.config.get("PROVINCIAL_PUBLIC_SERVICES_URL", "https://dichvucong.gov.vn")


# The portal's own pages; other capabilities add theirs the same way.
add_public_page(
    "pages.home", _l("Trang chủ"), _l("Tin tức, tin nổi bật và liên kết nhanh của cổng thông tin."), order=0
)
add_public_page(
    "pages.public_services",
    _l("Dịch vụ công"),
    _l("Thủ tục hành chính và Cổng dịch vụ công của tỉnh."),
    order=80,
)
add_public_page(
    "pages.site_map", _l("Sơ đồ cổng thông tin"), _l("Tất cả các chuyên mục của cổng thông tin."), order=90
)
