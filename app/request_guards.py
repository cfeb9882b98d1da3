"""Hostile input stopped at the door: a clear 4xx, never a 500 from deep inside a query.

PostgreSQL refuses NUL characters in text and numbers beyond a bigint; psycopg raises on both,
and the view that passed them on answers 500. Rather than guard every view, the core refuses
them once: integer URL parts beyond a bigint match no route (404), and a query string, form or
path holding NUL, or an integer argument beyond a bigint (a page number beyond a million, whose
OFFSET would overflow), is a bad request (400).
"""

from __future__ import annotations

import re

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

BIGINT_MAX = 2**63 - 1
# A page number times a page size becomes an OFFSET, itself a bigint: pages stop well before.
PAGE_MAX = 1_000_000
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


class BigintConverter(IntegerConverter):
    """`<int:…>` that only matches what a PostgreSQL bigint holds: larger ids are not found."""

    def __init__(self, map, fixed_digits=0, min=None, max=BIGINT_MAX, signed=False):  # noqa: A002  # werkzeug's names
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def integer_limit(name: str) -> int | None:
    """The largest value of an argument the views read as an integer (None: not one of them)."""
    if name in {"page", "per_page"}:
        return PAGE_MAX
    if name in {"year", "month", "id"} or name.endswith("_id"):
        return BIGINT_MAX
    return None


def out_of_range(name: str, value: str) -> bool:
    limit = integer_limit(name)
    return limit is not None and bool(_INTEGER.fullmatch(value)) and abs(int(value)) > limit


def hostile(pairs) -> bool:
    return any("\x00" in name or "\x00" in value or out_of_range(name, value) for name, value in pairs)


def refuse_hostile_input() -> None:
    if "\x00" in request.path or hostile(request.args.items(multi=True)):
        abort(400)
    if request.method in {"POST", "PUT", "PATCH"} and hostile(request.form.items(multi=True)):
        abort(400)


def init_app(app: Flask) -> None:
    """Call before any blueprint is registered (rules take their converter when added), and
    after the tenant hook, so that the 400 page is the portal's own."""
    app.url_map.converters["int"] = BigintConverter
    app.before_request(refuse_hostile_input)
