"""The developers' page `/api` (HTML, both languages): what the API offers and how to call it,
drawn from the same registry as the routes and the OpenAPI document."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from app.navigation import add_public_page
from app.templating import render
from blueprints.api.blueprint import bp
from blueprints.api.registry import resources

add_public_page(
    "api.guide",
    _l("Dữ liệu mở (API)"),
    _l("Dữ liệu đã công bố của cổng dạng JSON cho nhà phát triển."),
    order=95,
    in_main_menu=False,
)


@bp.get("/api")
def guide():
    base = request.host_url.rstrip("/") + request.script_root + "/api/v1"
    return render("api/guide.html", resources=resources(), base=base)
