"""Conditional GET for public, cacheable answers (the open data API, the news feeds).

An ETag computed from the body lets a client or a proxy ask again with `If-None-Match` and get a
bodyless 304 when nothing changed: feed readers poll every few minutes, and most polls find the
same items. One helper, so every cacheable answer validates the same way.
"""

from __future__ import annotations

from flask import Response, request
from werkzeug.wrappers import Response as BaseResponse


def conditional(response: Response, max_age: int) -> BaseResponse:
    """`response` with a strong ETag of its body and public caching for `max_age` seconds,
    turned into a 304 when the request's `If-None-Match` names that ETag."""
    response.add_etag()
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    return response.make_conditional(request)
