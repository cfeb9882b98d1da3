"""Home, public services and site map (the introduction lives in blueprints/about)."""

from __future__ import annotations

from flask import abort, request

from app.block_cache import deferred, deferred_parts
from app.templating import render
from blueprints.news.services import home_news
from blueprints.pages.blueprint import bp
from blueprints.pages.services import home_portals, member_portals, provincial_portal_url
from tenants.context import require_tenant
from tenants.resolver import split_host_port


def portal_link(host: str) -> str:
    """A link to another portal on the same scheme and port, in the current language."""
    port = split_host_port(request.host)[1]
    authority = host if port is None else f"{host}:{port}"
    return f"{request.scheme}://{authority}{request.script_root}/"


@bp.get("/")
def home():
    tenant = require_tenant()
    wards = ("portals", "more_portals")  # a city's first wards, and whether it has more
    return render(
        "pages/home.html",
        **deferred_parts(wards, lambda: home_portals(tenant) if tenant.kind == "city" else ([], False)),
        portal_link=portal_link,
        home_news=deferred(home_news),
        provincial_url=provincial_portal_url(),
    )


@bp.get("/cac-phuong-xa")
def portals():
    """Every ward and commune of a city, linked: the home page shows the first few."""
    tenant = require_tenant()
    if tenant.kind != "city":
        abort(404)
    return render("pages/portals.html", portals=member_portals(tenant), portal_link=portal_link)


@bp.get("/dich-vu-cong")
def public_services():
    return render("pages/public_services.html", provincial_url=provincial_portal_url())


@bp.get("/so-do-trang")
def site_map():
    return render("pages/site_map.html")
