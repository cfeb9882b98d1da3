"""Routes of `/api/v1/`: a list and a by-id route per registered resource, and the OpenAPI
document. Every answer is JSON, carries CORS and ETag headers, and honours If-None-Match."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from flask import Response, current_app, request
from flask_babel import gettext as _
from werkzeug.exceptions import MethodNotAllowed

from app.conditional import conditional
from app.errors import MESSAGES, error_page
from blueprints.api import openapi
from blueprints.api import resources as _resources  # noqa: F401  (registers every resource)
from blueprints.api.blueprint import bp
from blueprints.api.params import PAGE, PER_PAGE, ApiError
from blueprints.api.registry import Resource, resources

PREFIX = "/api/v1"
DEFAULT_PER_PAGE = 20


def json_response(body: dict, status: int = 200, headers: dict | None = None) -> Response:
    response = current_app.response_class(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status=status,
        mimetype="application/json",
        headers=headers,
    )
    if status == 200:
        conditional(response, max_age=60)
    return response


def read_filters(resource: Resource) -> tuple[dict, int, int]:
    """The filters, page and page size asked for; any unknown or wrong parameter is a 400."""
    known = {p.name for p in resource.filters} | {PAGE.name, PER_PAGE.name}
    for name in request.args:
        if name not in known:
            raise ApiError(
                400,
                _(
                    "Tham số “%(name)s” không được hỗ trợ. Tham số hợp lệ: %(known)s.",
                    name=name,
                    known=", ".join(sorted(known)),
                ),
                name,
            )
    filters = {p.name: p.read(request.args) for p in resource.filters}
    if resource.check:
        resource.check(filters)
    return filters, PAGE.read(request.args) or 1, PER_PAGE.read(request.args) or DEFAULT_PER_PAGE


def _page_link(page: int) -> str:
    args = request.args.to_dict() | {"page": str(page)}
    return request.base_url + "?" + urlencode(args)


def list_view(resource: Resource):
    filters, page, per_page = read_filters(resource)
    rows = resource.list_rows(filters, page, per_page)
    pages = rows.pages
    next_url = _page_link(page + 1) if page < pages else None
    prev_url = _page_link(min(page - 1, max(pages, 1))) if page > 1 else None
    links = [f'<{_page_link(1)}>; rel="first"', f'<{_page_link(max(pages, 1))}>; rel="last"']
    links += [f'<{url}>; rel="{rel}"' for rel, url in (("next", next_url), ("prev", prev_url)) if url]
    body = {
        "items": [resource.schema.dump(row) for row in rows.items],
        "page": page,
        "per_page": per_page,
        "total": rows.total,
        "pages": pages,
        "next": next_url,
        "prev": prev_url,
    }
    return json_response(body, headers={"Link": ", ".join(links)})


def item_view(resource: Resource, item_id: int):
    row = resource.get_row(item_id) if item_id <= 9_223_372_036_854_775_807 else None
    if row is None:
        raise ApiError(404, str(resource.not_found))
    return json_response(resource.schema.dump(row))


def _add_routes() -> None:
    for resource in resources():
        bp.add_url_rule(
            f"{PREFIX}/{resource.path}",
            f"list_{resource.path}",
            lambda resource=resource: list_view(resource),
        )
        bp.add_url_rule(
            f"{PREFIX}/{resource.path}/<int:item_id>",
            f"get_{resource.path}",
            lambda item_id, resource=resource: item_view(resource, item_id),
        )


_add_routes()


@bp.get(f"{PREFIX}/openapi.json")
def openapi_document():
    return json_response(openapi.document())


@bp.get(PREFIX)
@bp.get(f"{PREFIX}/")
def index():
    """What a client finds at the root: the resources and the document describing them."""
    return json_response(
        {
            "openapi": request.host_url.rstrip("/") + request.script_root + f"{PREFIX}/openapi.json",
            "resources": {
                r.path: request.host_url.rstrip("/") + request.script_root + f"{PREFIX}/{r.path}"
                for r in resources()
            },
        }
    )


def error_body(code: int, message: str, parameter: str | None = None) -> dict:
    title = MESSAGES.get(code, MESSAGES[500])[0]
    return {
        "error": {
            "code": code,
            "title": str(title),
            "message": message,
            **({"parameter": parameter} if parameter else {}),
        }
    }


@bp.errorhandler(ApiError)
def api_error(exc: ApiError):
    return json_response(error_body(exc.code, exc.message, exc.parameter), exc.code)


@bp.app_errorhandler(MethodNotAllowed)
def method_not_allowed(exc: MethodNotAllowed):
    """405 under the API: JSON with the `Allow` header HTTP asks for. Elsewhere, the core's page."""
    if not request.path.startswith(PREFIX + "/") and request.path != PREFIX:
        return error_page(405)
    return json_response(
        error_body(405, _("Dữ liệu mở chỉ cho phép đọc (GET).")),
        405,
        headers={"Allow": ", ".join(sorted(exc.valid_methods or ["GET", "HEAD", "OPTIONS"]))},
    )


@bp.after_app_request
def open_data_headers(response: Response) -> Response:
    """Open data: any site may read it from a browser (CORS), errors included."""
    if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "ETag, Link"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "If-None-Match"
            response.headers["Access-Control-Max-Age"] = "86400"
    return response
