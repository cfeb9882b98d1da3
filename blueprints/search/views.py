"""The search page and the OpenSearch description. Views parse, call `services.search`, render."""

from __future__ import annotations

from datetime import date

from flask import Response, request, url_for
from flask_babel import gettext as _

from app.i18n import current_locale
from app.templating import render
from blueprints.newsroom.public import sections_tree
from blueprints.search.blueprint import bp
from blueprints.search.links import hit_url
from blueprints.search.models import Kind
from blueprints.search.services import Filters, Results, member_portals, search
from blueprints.search.text import MAX_QUERY_LENGTH, highlight, parse_query, snippet
from tenants.context import require_tenant


def _day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw and len(raw) == 10 else None
    except ValueError:
        return None


def read_filters(args) -> Filters:
    """Unknown or malformed filter values are ignored, as the documents library does."""
    kind = args.get("type", "")
    section = args.get("section", "")
    return Filters(
        kind=kind if kind in set(Kind) else "",
        section_id=int(section) if section.isdigit() and len(section) < 19 else None,
        date_from=_day(args.get("from")),
        date_to=_day(args.get("to")),
        everywhere=args.get("all") == "1",
        all_time=args.get("all_time") == "1",
    )


def read_page(args) -> int:
    page = args.get("page", "1")
    return int(page) if page.isdigit() and len(page) < 6 and int(page) > 0 else 1


def _sections() -> list[tuple[int, str, int]]:
    """(id, name, depth) of the portal's sections, as a flat list for the filter."""
    flat: list[tuple[int, str, int]] = []

    def walk(nodes, depth):
        for node in nodes:
            flat.append((node.section.id, node.section.name_vi, depth))
            walk(node.children, depth + 1)

    walk(sections_tree(), 0)
    return flat


@bp.get("/tim-kiem", endpoint="search")
def search_page():
    tenant = require_tenant()
    raw = request.args.get("q", "")
    error = (
        _("Câu tìm kiếm quá dài: tối đa %(count)d ký tự.", count=MAX_QUERY_LENGTH)
        if len(raw) > MAX_QUERY_LENGTH
        else None
    )
    query = parse_query(raw)
    filters = read_filters(request.args)
    results = (
        search(query, filters, tenant, read_page(request.args))
        if not error
        else Results(query, filters, 1, 1)
    )
    wards = member_portals(tenant) if tenant.kind == "city" else []
    body = render(
        "search/search.html",
        raw=raw[:MAX_QUERY_LENGTH],
        results=results,
        error=error,
        kinds=list(Kind),
        sections=_sections(),
        has_wards=bool(wards),
        hit_url=hit_url,
        highlight=highlight,
        snippet=snippet,
        page_url=_page_url,
        all_time_url=_all_time_url,
    )
    return body, 400 if error else 200


def _page_url(page: int) -> str:
    args = request.args.to_dict() | {"page": str(page)}
    return url_for("search.search", **args)


def _all_time_url() -> str:
    """This search over all time, from its first page (a broad city-wide one covers recent days)."""
    args = {k: v for k, v in request.args.to_dict().items() if k != "page"} | {"all_time": "1"}
    return url_for("search.search", **args)


@bp.get("/opensearch.xml")
def opensearch():
    """The OpenSearch description, so a browser can add this portal as a search engine."""
    tenant = require_tenant()
    xml = render(
        "search/opensearch.xml",
        portal_name=tenant.name(current_locale()),
        template=request.host_url.rstrip("/") + url_for("search.search") + "?q={searchTerms}",
        self_url=url_for("search.opensearch", _external=True),
    )
    return Response(xml, mimetype="application/opensearchdescription+xml")
