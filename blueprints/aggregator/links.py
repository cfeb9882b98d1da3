"""URLs of aggregated items as the current request shows them (pages, feeds, API).

A ward's stored URL names the ward's host on the default port (a job built it); seen from the
parent's page it takes the page's scheme and port, so the demo on :5000 and the tests' live
server link to the ward on the same port. External items keep their own links.
"""

from __future__ import annotations

from flask import request

from blueprints.aggregator.models import AggregatedItem
from blueprints.aggregator.services import on_port


def _port() -> str:
    host = request.host.split("]")[-1]
    return host.rsplit(":", 1)[1] if ":" in host else ""


def item_url(item: AggregatedItem) -> str:
    """The canonical article: on the ward's own domain, or the external source's own link."""
    return item.canonical_url if item.is_external else on_port(item.canonical_url, request.scheme, _port())


def item_image(item: AggregatedItem) -> str | None:
    return item.image_url if item.is_external else on_port(item.image_url, request.scheme, _port())
