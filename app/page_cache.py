"""Whole responses for anonymous visitors, cached per portal in Redis, with ETag and 304s.

A public page is the same for every anonymous visitor of a portal, so the first visitor's
response is kept and the next ones get it with one Redis round trip and no SQL or Jinja. A visitor
without cookies (most readers) is answered before Flask is reached (`app.page_cache_wsgi`); one
with a session cookie is answered by the hooks below, which also store what both serve.

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
- **Views**: the capability that counts readers' views names its counter (`count_views`), so a
  hit answered before Flask counts the view in the lookup's own round trip.
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

from app.block_cache import epoch_key, new_epoch, set_place
from app.content_version import content_version_key
from app.extensions import redis_client, redis_key
from app.i18n import current_locale
from app.security import visitor_secrets
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
# same round trip) or None (it reads them itself), and the page's language. It runs in the
# portal's scope. Its keys are named per tenant.
Render = Callable[[list | None, str], str]


@dataclass(frozen=True)
class _Fragment:
    render: Render
    keys: Callable[[int], list[str]]


_fragments: dict[str, _Fragment] = {}


@dataclass(frozen=True)
class ViewCounter:
    """How readers' views are counted: `key(tenant_id)` names today's counter (an INCR), and
    `counts(method, path, user_agent, prefetch)` says whether a request answered with an HTML
    page is a reader's view. The hit path before Flask counts a view with these on arrival and
    marks the request `VIEW_COUNTED`; the capability's own after-request hook counts the others,
    and takes a marked request's count back when Flask's answer is no page view."""

    key: Callable[[int], str]
    counts: Callable[[str, str, str, bool], bool]


VIEW_COUNTED = "wardportal.view_counted"  # in the WSGI environ: this view is counted already
_view_counter: list[ViewCounter] = []


def count_views(counter: ViewCounter) -> None:
    _view_counter[:] = [counter]


def view_counter() -> ViewCounter | None:
    return _view_counter[0] if _view_counter else None


def uncount(view_key: str) -> None:
    """Take back a view counted on arrival (on the counter `view_key`) whose answer was no page
    view."""
    try:
        redis_client().decr(view_key)
    except RedisError:
        log.warning("a view counted on arrival was not taken back: Redis unavailable")


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
    return Markup(_fragments[name].render(g.get(FRAGMENT_VALUES, {}).get(name), current_locale()))


# In `g`: the fragments' values read with the tenant resolver's version check, for pages that
# render their fragments (every page has the visit figures): one Redis round trip, not two.
FRAGMENT_VALUES = "page_fragment_values"


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
        and eligible_address(request.path, request.query_string)
        and _anonymous()
    )


def _lookup_keys(tenant_id: int) -> tuple[list[str], dict[str, list[str]]]:
    """The content version, the page and every fragment's keys: what a lookup reads. Named once
    per request (the resolver's companion read and `serve_cached` both ask)."""
    named = g.get("page_cache_keys")
    if named is None or named[0] != tenant_id:
        by_fragment = fragment_keys(tenant_id)
        keys = [content_version_key(tenant_id), page_key(tenant_id), *chain(*by_fragment.values())]
        named = g.page_cache_keys = (tenant_id, keys, by_fragment)
    return named[1], named[2]


def _companion_keys(resolution: Resolution) -> list[str]:
    """What the tenant resolver reads with its version check (one round trip): the block cache's
    epoch, then the lookup's keys; for a page this cache does not take, the content version and
    the fragments' keys (the blocks and the holes of the page rendered now)."""
    if not has_request_context() or not resolution.is_primary or request.method not in ("GET", "HEAD"):
        return []
    tenant_id = resolution.tenant.id
    if _eligible_request():
        g.page_cache_companion = None
        return [epoch_key(), *_lookup_keys(tenant_id)[0]]
    g.page_cache_companion = fragment_keys(tenant_id)
    return [epoch_key(), content_version_key(tenant_id), *chain(*g.page_cache_companion.values())]


def _receive_companion(resolution: Resolution, tenants_version: bytes | None, values: list) -> None:
    tenant_id = resolution.tenant.id
    epoch, *values = values
    if epoch is None:
        _start_epoch()
    by_fragment = g.pop("page_cache_companion", None)
    if by_fragment is None:
        g.page_cache_prefetched = (tenant_id, tenants_version, values)
        address = _lookup_keys(tenant_id)[0][1]  # named already, for the lookup
    else:
        g.setdefault(FRAGMENT_VALUES, split_values(values[1:], by_fragment))
        address = page_key(tenant_id)
    set_place(address, epoch, tenants_version, values[0])


def _start_epoch() -> None:
    """A Redis without the block cache's epoch (new, or it lost its data): give it one, for the
    next requests' blocks."""
    try:
        redis_client().set(epoch_key(), new_epoch(), nx=True)
    except RedisError:
        log.warning("block cache: Redis unavailable, no epoch set")


def page_key(tenant_id: int) -> str:
    return address_key(
        tenant_id,
        request.scheme,
        request.host,
        current_locale(),
        request.script_root + request.path,
        request.query_string,
    )


def address_key(tenant_id: int, scheme: str, host: str, locale: str, path: str, query: bytes) -> str:
    """The key of one page: its portal, and every part of its address that can change it."""
    address = "\n".join([scheme, host.lower(), locale, path, query.decode("latin-1")])
    return redis_key("page", tenant_id, hashlib.sha256(address.encode()).hexdigest()[:32])


def eligible_address(path: str, query: bytes) -> bool:
    """Whether a page at this address may come from the cache (the other conditions are the
    visitor's)."""
    return len(query) <= MAX_QUERY and not path.startswith(NEVER_CACHED)


def serve_cached():
    """before_request: the stored response when it is current; None to render the page."""
    prefetched = g.pop("page_cache_prefetched", None)
    tenant = current_tenant()
    if tenant is None or not tenant.is_active or not _eligible_request():
        return None
    keys, by_fragment = _lookup_keys(tenant.id)
    key = keys[1]
    if prefetched is not None and prefetched[0] == tenant.id:
        tenants_version, (content_version, stored, *values) = prefetched[1], prefetched[2]
    else:
        try:
            tenants_version, content_version, stored, *values = redis_client().mget(version_key(), *keys)
        except RedisError:
            log.warning("page cache: Redis unavailable, page rendered")
            return None
    version = entry_version(tenants_version, content_version)
    setattr(g, STATE, _Lookup(key, version))
    entry = decode(stored, version) if stored else None
    if entry is None:
        g.setdefault(FRAGMENT_VALUES, split_values(values, by_fragment))  # for the page rendered now
        return None
    meta, body = entry
    g.pop(STATE)
    response = current_app.response_class(body, headers=meta["h"])
    return _validated(response, meta["e"], meta["m"], "hit", split_values(values, by_fragment))


def store_and_fill(response: Response) -> BaseResponse:
    """after_request (the first to run): store what is the same for everyone, fill the holes."""
    lookup: _Lookup | None = g.pop(STATE, None)
    if lookup is None or not _cacheable(response):
        return _fill(response)
    body = response.get_data()
    etag = response.get_etag()[0] or hashlib.sha256(body).hexdigest()[:32]
    modified = int(time.time())
    headers = [[k, v] for k, v in response.headers.items() if k.lower() not in NOT_STORED]
    meta = {"e": etag, "m": modified, "h": headers}
    try:
        redis_client().set(
            lookup.key,
            encode(lookup.version, response.mimetype or "", meta, body),
            ex=current_app.config["PAGE_CACHE_SECONDS"],
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
        and not visitor_secrets()
        and not control.no_store
        and not control.private
    )


def _validated(
    response: Response, etag: str, modified: int, outcome: str, prefetched: dict | None = None
) -> BaseResponse:
    response = _fill(response, prefetched or {})
    mark(response, etag, modified, outcome)
    return response.make_conditional(request)


def mark(response: BaseResponse, etag: str, modified: int, outcome: str) -> None:
    """A cached or cacheable response's validators and caching headers."""
    response.set_etag(etag)
    response.last_modified = datetime.fromtimestamp(modified, UTC)
    if not response.headers.get("Cache-Control"):
        response.cache_control.no_cache = True
    response.vary.add("Cookie")
    response.headers["X-Page-Cache"] = outcome


def _fill(response: Response, prefetched: dict | None = None) -> Response:
    if not _fragments or response.direct_passthrough or response.is_streamed:
        return response
    body = response.get_data()
    if b"<!--wardportal:fragment:" in body:
        response.set_data(fill_holes(body, prefetched or g.get(FRAGMENT_VALUES, {}), current_locale()))
    return response


def fill_holes(body: bytes, prefetched: dict[str, list], locale: str) -> bytes:
    """The body with each fragment's marker replaced by the fragment, rendered from the values
    read with the lookup where there are some (in the portal's scope)."""
    for name, fragment in _fragments.items():
        marker = MARKER.format(name).encode()
        if marker in body:
            body = body.replace(marker, fragment.render(prefetched.get(name), locale).encode())
    return body


def split_values(values: list, fragment_keys: dict[str, list[str]]) -> dict[str, list]:
    """The values read after the lookup's own keys, handed to each fragment in turn."""
    prefetched = {}
    for name, keys in fragment_keys.items():
        prefetched[name], values = values[: len(keys)], values[len(keys) :]
    return prefetched


def fragment_keys(tenant_id: int) -> dict[str, list[str]]:
    return {name: fragment.keys(tenant_id) for name, fragment in _fragments.items()}


# An entry: `<tenants version>:<content version> <h for an HTML page, else ->`, a line of JSON
# (ETag, when stored, headers), then the body. The first line is plain so that the hit path
# before Flask can check the version and tell a page view without parsing JSON.
HTML, OTHER = "h", "-"


def entry_version(tenants_version: bytes | None, content_version: bytes | None) -> str:
    """The version an entry is stored under, from the two counters as Redis returns them."""
    return f"{int(tenants_version or 0)}:{int(content_version or 0)}"


def encode(version: str, mimetype: str, meta: dict, body: bytes) -> bytes:
    kind = HTML if mimetype == "text/html" else OTHER
    return f"{version} {kind}\n".encode() + json.dumps(meta).encode() + b"\n" + body


def stored_under(stored: bytes, version: str) -> bool:
    return stored.startswith(f"{version} ".encode())


def is_html(stored: bytes) -> bool:
    """Whether the entry is an HTML page (a reader's view), from its first line."""
    return stored.partition(b"\n")[0].endswith(f" {HTML}".encode())


def decode(stored: bytes, version: str | None = None) -> tuple[dict, bytes] | None:
    """The entry's meta and body, or None when it was stored under another `version` than the
    one named (the hit path before Flask has checked it already)."""
    if version is not None and not stored_under(stored, version):
        return None
    meta, _, body = stored.partition(b"\n")[2].partition(b"\n")
    try:
        return json.loads(meta), body
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
