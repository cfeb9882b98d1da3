"""Home, public services and site map (the introduction lives in blueprints/about)."""

from __future__ import annotations

from flask import request

from app.templating import render
from blueprints.news.services import home_news
from blueprints.pages.blueprint import bp
from blueprints.pages.services import member_portals, provincial_portal_url
from tenants.context import require_tenant


def portal_link(host: str) -> str:
    """A link to another portal on the same scheme and port, in the current language."""
    port = request.host.rsplit(":", 1)[1] if ":" in request.host else ""
    return f"{request.scheme}://{host}{':' + port if port else ''}{request.script_root}/"


@bp.get("/")
def home():
    tenant = require_tenant()
    portals = member_portals(tenant) if tenant.kind == "city" else []
    return render("pages/home.html", portals=portals, portal_link=portal_link, home_news=home_news(),
                  provincial_url=provincial_portal_url())


@bp.get("/public-services")
def public_services():
    return render("pages/public_services.html", provincial_url=provincial_portal_url())


@bp.get("/site-map")
def site_map():
    return render("pages/site_map.html")

