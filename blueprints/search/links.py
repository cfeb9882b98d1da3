"""URLs of search results: on this portal, or on a ward's own domain (same scheme, port and
language as the request). Web layer only: it reads the request."""

from __future__ import annotations

from flask import request, url_for
from werkzeug.routing import BuildError

from blueprints.search.services import Hit


def hit_url(hit: Hit, external: bool = False) -> str | None:
    """Where the item is read; None while the package that shows it is not installed."""
    try:
        path = url_for(hit.endpoint, **hit.url_args)
    except BuildError:
        return None
    if hit.portal is None:
        return request.host_url.rstrip("/") + path if external else path
    port = request.host.rsplit(":", 1)[1] if ":" in request.host else ""
    return f"{request.scheme}://{hit.portal.host}{':' + port if port else ''}{path}"
