"""Page-cache hits answered before Flask: one Redis call and a few header lines per page.

Most readers send no cookie at all, and for them a cached page is the whole answer. Building
Flask's request, running a dozen hooks and then finding the page in Redis cost several times
what serving it does, so `CachedPages` (WSGI middleware inside `ProxyFix` and `LocalePrefix`,
outside Flask) looks first:

1. Only a GET or HEAD without any cookie, at an address the cache takes (`eligible_address`),
   on a host this process has already resolved to an active portal's primary domain
   (`cached_resolution`: no Redis, no SQL).
2. One Redis round trip (a pipeline) reads the tenants' version, the portal's content version,
   the page and the fragments' values, and counts the reader's view (an INCR) when the request
   is a reader's (`ViewCounter`). The page is served when the tenants' version is still the one
   this process resolved the host under and the entry was stored under both current versions.
   A view is counted on arrival because waiting for the answer would cost a second round trip:
   when the answer is not a page view after all (a miss that ends in a 404 or a redirect, a
   cached feed), the count is taken back (Flask's path is told through `VIEW_COUNTED`).
3. The answer is what the Flask hooks would give a hit: the same body with its holes filled
   (in an app context with the portal's language and scope), the stored headers, the
   validators and 304s, the security headers, a request id, the request counted in the
   metrics.

A page read from Redis a moment ago is answered from this process's memory, without the round
trip, for PAGE_CACHE_LOCAL_SECONDS, its views counted in a batch (`app.page_cache_local`).

Anything else (a cookie, an unknown or stale host, a miss, Redis down) goes on to Flask
unchanged, whose hooks serve hits to the rest and store the pages both paths serve.
"""

from __future__ import annotations

import atexit
import logging
import time
from dataclasses import dataclass
from itertools import chain

from flask import Flask
from redis.exceptions import RedisError
from werkzeug.http import http_date, quote_etag
from werkzeug.wrappers import Request

from app.content_version import content_changed, content_version_key
from app.i18n import LOCALE_ENVIRON
from app.logs import request_id
from app.metrics import observe
from app.page_cache import (
    VIEW_COUNTED,
    address_key,
    decode,
    eligible_address,
    entry_version,
    fill_holes,
    fragment_keys,
    is_html,
    mark,
    split_values,
    stored_under,
    uncount,
    view_counter,
)
from app.page_cache_local import LocalEntry, LocalPages, PendingViews, now
from app.security import add_security_headers, security_header_items
from tenants.context import TenantInfo, tenant_scope
from tenants.resolver import InvalidHost, cached_resolution, normalise_host, tenants_changed, version_key

log = logging.getLogger(__name__)

Answer = tuple[str, list[tuple[str, str]], bytes]  # status line, headers, body


@dataclass(frozen=True)
class _Lookup:
    """What one request looks for: its portal, page key and language, the keys read with the
    page, and the counter its view goes to (None: not a reader's view)."""

    tenant: TenantInfo
    tenants_version: bytes | None  # this process's, when it resolved the host
    page: str
    locale: str
    keys: list[str]  # the tenants' and content versions, the page, then the fragments' keys
    by_fragment: dict[str, list[str]]
    view_key: str | None


class CachedPages:
    """WSGI middleware: a cookie-less reader's cached page, without Flask."""

    def __init__(self, app: Flask, wsgi_app) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self.redis = app.extensions["wardportal.redis"]
        seconds = app.config["PAGE_CACHE_LOCAL_SECONDS"]
        self.local = LocalPages(seconds, app.config["PAGE_CACHE_LOCAL_ENTRIES"]) if seconds > 0 else None
        self.pending = PendingViews(seconds)
        if self.local is not None:
            content_changed.connect(self.local.clear)
            tenants_changed.connect(self.local.clear)
            atexit.register(self.flush_views)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        if self._may_be_cached(environ):
            with self.app.app_context():
                answer = self._hit(Request(environ), started)
            if answer is not None:
                status, headers, body = answer
                start_response(status, headers)
                return [body]
        return self.wsgi_app(environ, start_response)

    def _may_be_cached(self, environ) -> bool:
        return (
            environ.get("REQUEST_METHOD") in ("GET", "HEAD")
            and "HTTP_COOKIE" not in environ
            and self.app.config["PAGE_CACHE_SECONDS"] > 0
        )

    def _hit(self, request: Request, started: float) -> Answer | None:
        """The cached answer, or None for Flask to answer."""
        lookup = self._lookup(request)
        if lookup is None:
            return None
        moment = now()
        local = self.local.get(lookup.page, lookup.tenants_version, moment) if self.local else None
        found = (
            self._from_memory(lookup, local, moment) if local else self._from_redis(lookup, request, moment)
        )
        if found is None:
            return None
        stored, values = found
        try:
            answer = self._answer(
                request, lookup.tenant, lookup.locale, stored, split_values(values, lookup.by_fragment)
            )
        except Exception:  # the page is still Flask's to serve
            log.exception("page cache: a hit could not be answered before Flask")
            return None
        observe(lookup.tenant.slug, int(answer[0][:3]), started)
        return answer

    def _lookup(self, request: Request) -> _Lookup | None:
        """What to look for, or None when the request cannot be a hit here."""
        if not eligible_address(request.path, request.query_string):
            return None
        try:
            cached = cached_resolution(normalise_host(request.host))
        except InvalidHost:
            return None
        if cached is None or not cached[0].is_primary or not cached[0].tenant.is_active:
            return None
        tenant, environ = cached[0].tenant, request.environ
        locale = environ.get(LOCALE_ENVIRON, "vi")
        page = address_key(
            tenant.id,
            request.scheme,
            request.host,
            locale,
            request.root_path + request.path,
            request.query_string,
        )
        by_fragment = fragment_keys(tenant.id)
        keys = [version_key(), content_version_key(tenant.id), page, *chain(*by_fragment.values())]
        counter = view_counter()
        counts = counter is not None and counter.counts(
            request.method,
            request.path,
            environ.get("HTTP_USER_AGENT", ""),
            "prefetch" in environ.get("HTTP_SEC_PURPOSE", "") + environ.get("HTTP_PURPOSE", ""),
        )
        view_key = counter.key(tenant.id) if counter is not None and counts else None
        return _Lookup(tenant, cached[1], page, locale, keys, by_fragment, view_key)

    def _from_redis(self, lookup: _Lookup, request: Request, moment: float) -> tuple[bytes, list] | None:
        """One round trip: the versions, the page and the fragments' values; the view counted on
        arrival, with this process's pending views. The page when it is current, else None."""
        batch = self.pending.take()
        try:
            pipeline = self.redis.pipeline(transaction=False)
            pipeline.mget(lookup.keys)
            if lookup.view_key:
                pipeline.incr(lookup.view_key)
            for key, count in batch.items():
                pipeline.incrby(key, count)
            (tenants_now, content_version, stored, *values), *counters = pipeline.execute()
        except RedisError:
            self.pending.restore(batch, moment)
            return None  # Flask's path logs it and renders the page
        for key, value in zip(
            [lookup.view_key, *batch] if lookup.view_key else list(batch), counters, strict=True
        ):
            self.pending.counted(key, value)
        request.environ[VIEW_COUNTED] = lookup.view_key is not None
        version = entry_version(tenants_now, content_version)
        if tenants_now != lookup.tenants_version or not stored or not stored_under(stored, version):
            return None
        if lookup.view_key and not is_html(stored):
            uncount(lookup.view_key)  # a cached feed is no page view
        if self.local is not None:
            self.local.put(lookup.page, LocalEntry(moment, tenants_now, stored, values))
        return stored, values

    def _from_memory(self, lookup: _Lookup, local: LocalEntry, moment: float) -> tuple[bytes, list]:
        """The page as read a moment ago; the figures with the views counted here since."""
        values = self.pending.added_to(lookup.keys[3:], local.values)
        if lookup.view_key and is_html(local.stored):
            self.pending.add(lookup.view_key, moment)
            if self.pending.due(moment):
                self.flush_views()
        return local.stored, values

    def flush_views(self) -> None:
        """Add the views counted in memory to Redis (kept for the next try if it cannot)."""
        batch = self.pending.take()
        if not batch:
            return
        try:
            pipeline = self.redis.pipeline(transaction=False)
            for key, count in batch.items():
                pipeline.incrby(key, count)
            for key, value in zip(batch, pipeline.execute(), strict=True):
                self.pending.counted(key, value)
        except RedisError:
            log.warning("page cache: %s views kept in memory: Redis unavailable", sum(batch.values()))
            self.pending.restore(batch, now())

    def _answer(
        self, request: Request, tenant: TenantInfo, locale: str, stored: bytes, values: dict
    ) -> Answer:
        """What Flask's hooks give a hit: the page with its holes filled, the stored headers, the
        validators, the caching and security headers and a request id."""
        entry = decode(stored)
        if entry is None:
            raise ValueError("unreadable page-cache entry")
        meta, body = entry
        with tenant_scope(tenant):
            body = fill_holes(body, values, locale)
        if "HTTP_IF_NONE_MATCH" in request.environ or "HTTP_IF_MODIFIED_SINCE" in request.environ:
            return self._conditional(request, meta, body)
        headers = [(name, value) for name, value in meta["h"]]
        names = {name.lower() for name, _ in headers}
        mimetype = next((v for k, v in headers if k.lower() == "content-type"), "").partition(";")[0]
        if "cache-control" not in names:
            headers.append(("Cache-Control", "no-cache"))
        headers += [
            ("Content-Length", str(len(body))),
            ("ETag", quote_etag(meta["e"])),
            ("Last-Modified", http_date(meta["m"])),
            ("Vary", "Cookie"),
            ("X-Page-Cache", "hit"),
        ]
        headers += [
            item
            for item in security_header_items(mimetype, request.scheme == "https")
            if item[0].lower() not in names
        ]
        headers.append(("X-Request-ID", request_id(request.environ.get("HTTP_X_REQUEST_ID", ""))))
        return "200 OK", headers, b"" if request.method == "HEAD" else body

    def _conditional(self, request: Request, meta: dict, body: bytes) -> Answer:
        """A revalidation (If-None-Match, If-Modified-Since): werkzeug decides 200 or 304."""
        response = self.app.response_class(body, headers=meta["h"])
        mark(response, meta["e"], meta["m"], "hit")
        add_security_headers(response.headers, response.mimetype or "", request.scheme == "https")
        response.headers["X-Request-ID"] = request_id(request.environ.get("HTTP_X_REQUEST_ID", ""))
        answered = response.make_conditional(request.environ)
        headers = answered.get_wsgi_headers(request.environ)
        return answered.status, headers.to_wsgi_list(), b"".join(answered.get_app_iter(request.environ))
