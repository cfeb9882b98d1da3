"""`/sitemap.xml` (with its pages when split) and `/robots.txt`, for the portal the request's
host names."""

from __future__ import annotations

from flask import Response, request

from app.crud import or_404
from blueprints.seo.blueprint import bp
from blueprints.seo.services import robots_txt, sitemap_page_xml, sitemap_xml


def _base_url() -> str:
    """Scheme and host of this portal, without the /en prefix."""
    return request.host_url


def _xml(body: str) -> Response:
    response = Response(body, mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/sitemap.xml")
def sitemap():
    return _xml(sitemap_xml(_base_url()))


@bp.get("/sitemap-<int:number>.xml")
def sitemap_page(number: int):
    body = or_404(sitemap_page_xml(_base_url(), number))
    return _xml(body)


@bp.get("/robots.txt")
def robots():
    return Response(robots_txt(_base_url()), mimetype="text/plain")
