"""`/sitemap.xml` and `/robots.txt`, for the portal the request's host names."""

from __future__ import annotations

from flask import Response, request

from blueprints.seo.blueprint import bp
from blueprints.seo.services import robots_txt, sitemap_xml


def _base_url() -> str:
    """Scheme and host of this portal, without the /en prefix."""
    return request.host_url


@bp.get("/sitemap.xml")
def sitemap():
    response = Response(sitemap_xml(_base_url()), mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/robots.txt")
def robots():
    return Response(robots_txt(_base_url()), mimetype="text/plain")
