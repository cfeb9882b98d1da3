"""The resources of the API. Each module in `resources/` registers one; the routes, the OpenAPI
document and the developers' page are all drawn from this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from blueprints.api.params import Param
from blueprints.api.schema import Schema


@dataclass(frozen=True)
class Resource:
    """`path` is the URL segment ("articles"); `list_rows(filters, page, per_page)` returns a
    Flask-SQLAlchemy `Pagination` of public rows; `get_row(id)` one public row or None (a row of
    another portal is None too: the tenant filter sees to it)."""

    path: str
    schema: Schema
    title: object
    description: object
    filters: tuple[Param, ...]
    list_rows: Callable[[dict, int, int], Any]
    get_row: Callable[[int], Any]
    not_found: object
    check: Callable[[dict], None] | None = None  # rules across filters (raises ApiError)


_resources: dict[str, Resource] = {}


def register(resource: Resource) -> Resource:
    _resources[resource.path] = resource
    return resource


def resources() -> list[Resource]:
    return list(_resources.values())
