"""The OpenAPI 3.1 document, built from the registered resources: their schemas (the very
objects that serialise the responses) and their query parameters (the very objects that parse
them). Descriptions follow the request's language, like the rest of the portal."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from blueprints.api.params import MAX_PER_PAGE, PAGE, PER_PAGE
from blueprints.api.registry import Resource, resources
from blueprints.api.schema import Schema
from tenants.context import require_tenant

VERSION = "1.0.0"

ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "integer"},
                "title": {"type": "string"},
                "message": {"type": "string"},
                "parameter": {"type": "string"},
            },
            "required": ["code", "title", "message"],
            "additionalProperties": False,
        }
    },
    "required": ["error"],
    "additionalProperties": False,
}


def page_schema(schema: Schema) -> dict:
    nullable_uri = {"type": ["string", "null"], "format": "uri"}
    return {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema.name}"}},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "total": {"type": "integer", "minimum": 0},
            "pages": {"type": "integer", "minimum": 0},
            "next": nullable_uri,
            "prev": nullable_uri,
        },
        "required": ["items", "page", "per_page", "total", "pages", "next", "prev"],
        "additionalProperties": False,
    }


def _error_responses(*codes: int) -> dict:
    texts = {400: _("Tham số không hợp lệ"), 404: _("Không tìm thấy"), 405: _("Phương thức không được phép")}
    return {
        str(code): {
            "description": texts[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def _headers() -> dict:
    return {
        "ETag": {"$ref": "#/components/headers/ETag"},
        "Access-Control-Allow-Origin": {"$ref": "#/components/headers/AccessControlAllowOrigin"},
    }


def _paths(resource: Resource) -> dict:
    name = resource.schema.name
    listing = {
        "get": {
            "operationId": f"list_{resource.path}",
            "summary": str(resource.title),
            "description": str(resource.description),
            "tags": [resource.path],
            "parameters": [p.openapi() for p in (*resource.filters, PAGE, PER_PAGE)],
            "responses": {
                "200": {
                    "description": str(resource.title),
                    "headers": {**_headers(), "Link": {"$ref": "#/components/headers/Link"}},
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}Page"}}},
                },
                "304": {"description": _("Không thay đổi (If-None-Match)")},
                **_error_responses(400, 405),
            },
        },
    }
    single = {
        "get": {
            "operationId": f"get_{resource.path}",
            "summary": str(resource.title),
            "tags": [resource.path],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
            ],
            "responses": {
                "200": {
                    "description": str(resource.schema.description),
                    "headers": _headers(),
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                },
                "304": {"description": _("Không thay đổi (If-None-Match)")},
                **_error_responses(404, 405),
            },
        },
    }
    return {f"/{resource.path}": listing, f"/{resource.path}/{{id}}": single}


def document() -> dict:
    """The document for the current portal and language (its server URL is this portal's)."""
    tenant = require_tenant()
    locale = "en" if request.script_root.endswith("/en") else "vi"
    schemas: dict[str, dict] = {}
    paths: dict[str, dict] = {}
    for resource in resources():
        for name, nested in resource.schema.components().items():
            schemas[name] = nested.json_schema()
        schemas[f"{resource.schema.name}Page"] = page_schema(resource.schema)
        paths |= _paths(resource)
    schemas["Error"] = ERROR
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("API dữ liệu mở của %(portal)s", portal=tenant.name(locale)),
            "version": VERSION,
            "description": _(
                "Dữ liệu đã công bố của cổng thông tin, chỉ đọc, dạng JSON. "
                "Ngày giờ theo ISO 8601 với múi giờ của cổng."
            ),
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": request.host_url.rstrip("/") + request.script_root + "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "headers": {
                "ETag": {"schema": {"type": "string"}},
                "AccessControlAllowOrigin": {"schema": {"type": "string", "const": "*"}},
                "Link": {
                    "schema": {"type": "string"},
                    "description": _("Liên kết first, prev, next, last (RFC 8288)."),
                },
            },
        },
    }
