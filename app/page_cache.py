"""Whole responses for anonymous visitors, cached per portal in Redis, with ETag and 304s.

A public page is the same for every anonymous visitor of a portal, so the first visitor's
response is kept and the next ones get it with one Redis round trip and no SQL or Jinja.

- **Key**: the portal, the scheme and host, the language, the path and the query
  (`page:<tenant id>:<digest>`): one portal's page is never another's, nor one language's
  another's. The entry records the *version* it was rendered under: the tenants' version (the
  resolver's: names, domains, children) and the portal's content version (`app.content_version`,
  bumped after any commit that wrote the portal's rows). A lookup reads both versions and the
  entry in one MGET and serves the entry only if its versions are the current ones. The versions
  are read *before* the page is rendered, so a page rendered while a change commits is stored
  under the old version and never served.
- **Only what is the same for everyone** is stored: a 200 to a GET or HEAD from a visitor who is
  not signed in (no user, no remember cookie) and has no flashed message waiting, that sets no
  cookie and did not change the session, put no CSRF token or script nonce in the page, and that
  the view did not mark `private` or `no-store`. Everything else is served as before.
- **Holes**: what differs from one view to the next (the visit counter's figures) is not baked
  in. A template writes `{{ page_fragment("visits") }}`; on a cacheable request that leaves a
  marker, and every response, fresh or cached, has its markers replaced by the fragment
  rendered then (`add_fragment`), from a value that is itself cached (one Redis MGET).
- **Validators**: an ETag of the stored body (markers, not figures) and Last-Modified (when it was
  stored); `If-None-Match` / `If-Modified-Since` answer 304. `Cache-Control: no-cache` unless
  the view chose its own (the feeds and the API do): browsers revalidate, and get a 304.
- **Lifetime**: PAGE_CACHE_SECONDS (0 turns the cache off). It bounds what no write announces:
  a banner whose dates begin at midnight, a release's new templates, a version bump lost while
  Redis was down.
- **Redis down**: every step catches the error and the page is rendered as if there were no
  cache; nothing fails.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain

from flask import Flask, Response, current_app, g, has_request_context, request, session
from markupsafe import Markup
from redis.exceptions import RedisError
from werkzeug.wrappers import Response as BaseResponse

from app.content_version import content_version_key
from app.extensions import redis_client, redis_key
from app.i18n import current_locale
from tenants.context import current_tenant
from tenants.resolver import Resolution, add_companion_read, version_key

log = logging.getLogger(__name__)

NEVER_CACHED = ("/admin", "/login", "/logout", "/forgot", "/reset")
MAX_QUERY = 256  # longer queries are served fresh: the cache is not a store for any URL made up
# Headers a hit gets afresh from the app's other hooks, or that name one response only.
NOT_STORED = {"set-cookie", "content-length", "etag", "last-modified", "date", "vary", "x-request-id"}
STATE = "page_cache"
MARKER = "<!--wardportal:fragment:{}-->"

# A fragment's render takes the values of its Redis keys (read with the cache lookup, in the
# same round trip) or None (it reads them itself). Its keys are named per tenant.
Render = Callable[[list | None], str]


@dataclass(frozen=True)
class _Fragment:
    render: Render
    keys: Callable[[int], list[str]]


_fragments: dict[str, _Fragment] = {}


def add_fragment(name: str, render: Render, keys: Callable[[int], list[str]] = lambda tenant_id: []) -> None:
    """Register what `page_fragment(name)` shows. `render` is called for every response that has
    the hole, in the portal's scope and language, so it must be cheap and never raise for a
    missing Redis; `keys(tenant_id)` names the Redis keys it reads, which a cache hit reads in
    the lookup's own round trip and hands over."""
    _fragments[name] = _Fragment(render, keys)


def page_fragment(name: str) -> Markup:
    """The fragment, or on a cacheable request a marker that every response replaces with it."""
    if g.get(STATE) is not None:
        return Markup(MARKER.format(name))
    return Markup(_fragments[name].render(None))


@dataclass(frozen=True)
class _Lookup:
    key: str
    version: str


def _anonymous() -> bool:
    return "_user_id" not in session and "_flashes" not in session and "remember_token" not in request.cookies


def _eligible_request() -> bool:
    return (
        current_app.config["PAGE_CACHE_SECONDS"] > 0
        and request.method in ("GET", "HEAD")
        and len(request.query_string) <= MAX_QUERY
        and not request.path.startswith(NEVER_CACHED)
        and _anonymous()
    )


def _lookup_keys(tenant_id: int) -> tuple[list[str], dict[str, list[str]]]:
    """The content version, the page and every fragment's keys: what a lookup reads. Named once
    per request (the resolver's companion read and `serve_cached` both ask)."""
    named = g.get("page_cache_keys")
    if named is None or named[0] != tenant_id:
        fragment_keys = {name: fragment.keys(tenant_id) for name, fragment in _fragments.items()}
        keys = [content_version_key(tenant_id), page_key(tenant_id), *chain(*fragment_keys.values())]
        named = g.page_cache_keys = (tenant_id, keys, fragment_keys)
    return named[1], named[2]


def _companion_keys(resolution: Resolution) -> list[str]:
    """The lookup's keys, read by the tenant resolver with its version check (one round trip)."""
    if not has_request_context() or not resolution.is_primary or not _eligible_request():
        return []
    return _lookup_keys(resolution.tenant.id)[0]


def _receive_companion(resolution: Resolution, tenants_version: bytes | None, values: list) -> None:
    g.page_cache_prefetched = (resolution.tenant.id, tenants_version, values)


def page_key(tenant_id: int) -> str:
    address = "\n".join(
        [request.scheme, request.host.lower(), current_locale(), request.script_root + request.path]
        + [request.query_string.decode("latin-1")]
    )
    return redis_key("page", tenant_id, hashlib.sha256(address.encode()).hexdigest()[:32])


def serve_cached():
    """before_request: the stored response when it is current; None to render the page."""
    prefetched = g.pop("page_cache_prefetched", None)
    tenant = current_tenant()
    if tenant is None or not tenant.is_active or not _eligible_request():
        return None
    keys, fragment_keys = _lookup_keys(tenant.id)
    key = keys[1]
    if prefetched is not None and prefetched[0] == tenant.id:
        tenants_version, (content_version, stored, *values) = prefetched[1], prefetched[2]
    else:
        try:
            tenants_version, content_version, stored, *values = redis_client().mget(version_key(), *keys)
        except RedisError:
            log.warning("page cache: Redis unavailable, page rendered")
            return None
    version = f"{int(tenants_version or 0)}:{int(content_version or 0)}"
    setattr(g, STATE, _Lookup(key, version))
    entry = _decode(stored) if stored else None
    if entry is None or entry[0]["v"] != version:
        return None
    meta, body = entry
    g.pop(STATE)
    prefetched = {}
    for name, keys in fragment_keys.items():
        prefetched[name], values = values[: len(keys)], values[len(keys) :]
    response = current_app.response_class(body, headers=meta["h"])
    return _validated(response, meta["e"], meta["m"], "hit", prefetched)


def store_and_fill(response: Response) -> BaseResponse:
    """after_request (the first to run): store what is the same for everyone, fill the holes."""
    lookup: _Lookup | None = g.pop(STATE, None)
    if lookup is None or not _cacheable(response):
        return _fill(response)
    body = response.get_data()
    etag = response.get_etag()[0] or hashlib.sha256(body).hexdigest()[:32]
    modified = int(time.time())
    headers = [[k, v] for k, v in response.headers.items() if k.lower() not in NOT_STORED]
    meta = {"v": lookup.version, "e": etag, "m": modified, "h": headers}
    try:
        redis_client().set(
            lookup.key, json.dumps(meta).encode() + b"\n" + body, ex=current_app.config["PAGE_CACHE_SECONDS"]
        )
    except RedisError:
        log.warning("page cache: Redis unavailable, page not stored")
        return _fill(response)
    return _validated(response, etag, modified, "miss")


def _cacheable(response: Response) -> bool:
    control = response.cache_control
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and not response.is_streamed
        and "Set-Cookie" not in response.headers
        and not session.modified
        and _anonymous()
        and current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token") not in g
        and "csp_nonce" not in g
        and not control.no_store
        and not control.private
    )


def _validated(
    response: Response, etag: str, modified: int, outcome: str, prefetched: dict | None = None
) -> BaseResponse:
    response = _fill(response, prefetched or {})
    response.set_etag(etag)
    response.last_modified = datetime.fromtimestamp(modified, UTC)
    if not response.headers.get("Cache-Control"):
        response.cache_control.no_cache = True
    response.vary.add("Cookie")
    response.headers["X-Page-Cache"] = outcome
    return response.make_conditional(request)


def _fill(response: Response, prefetched: dict | None = None) -> Response:
    if not _fragments or response.direct_passthrough or response.is_streamed:
        return response
    body = response.get_data()
    if b"<!--wardportal:fragment:" not in body:
        return response
    for name, fragment in _fragments.items():
        marker = MARKER.format(name).encode()
        if marker in body:
            body = body.replace(marker, fragment.render((prefetched or {}).get(name)).encode())
    response.set_data(body)
    return response


def _decode(stored: bytes) -> tuple[dict, bytes] | None:
    head, _, body = stored.partition(b"\n")
    try:
        return json.loads(head), body
    except ValueError:
        return None


def init_app(app: Flask) -> None:
    """Call after every other hook is registered: the lookup runs last before the view (the
    tenant is known, the guards have run) and the store runs first after it (it sees the
    response as the view made it)."""
    app.add_template_global(page_fragment)
    add_companion_read(_companion_keys, _receive_companion)
    app.before_request(serve_cached)
    app.after_request(store_and_fill)
