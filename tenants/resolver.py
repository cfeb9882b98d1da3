"""From a Host header to a tenant.

The mapping is cached in each process. A change of domains or tenants bumps a version number in
Redis (after the change commits); every request compares it with the version its cache was built
from, one GET, and drops the cache when they differ, so every web process and worker sees the
change on its next request. If Redis cannot be reached the cache is trusted for a short while
(`TENANT_CACHE_FALLBACK_SECONDS`) rather than failing every page.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import redis
import sqlalchemy as sa
from blinker import Namespace
from flask import current_app

from app.extensions import db, redis_client, redis_key
from tenants.children import has_active_children
from tenants.context import TenantInfo
from tenants.models import Tenant, TenantDomain

log = logging.getLogger(__name__)


class InvalidHost(ValueError):
    """The Host header is not a hostname at all."""


def split_host_port(host: str) -> tuple[str, int | None]:
    """A Host header's name and port: `example.org:5000` → `("example.org", 5000)`,
    `[::1]:5000` → `("[::1]", 5000)`, `[::1]` → `("[::1]", None)`.

    The one place a port is cut off a host. An IPv6 literal keeps its brackets, as it is written
    in a URL; an empty port (`example.org:`) is no port. Raises `InvalidHost` for a bad port, an
    unclosed bracket or an IPv6 address without brackets.
    """
    host = (host or "").strip()
    if host.startswith("["):
        end = host.find("]")
        if end < 0 or (end + 1 < len(host) and host[end + 1] != ":"):
            raise InvalidHost(host)
        name, port = host[: end + 1], host[end + 2 :]
    elif host.count(":") > 1:
        raise InvalidHost(host)
    else:
        name, _, port = host.partition(":")
    if not port:
        return name, None
    if not (port.isascii() and port.isdigit()) or int(port) > 65535:
        raise InvalidHost(host)
    return name, int(port)


@lru_cache(maxsize=4096)
def normalise_host(host: str) -> str:
    """Lower case, no port, no trailing dot, IDNA (punycode) form.

    `Phường-1.VungTau.localhost.:5000` and `xn--phng-1-...` name the same host. Remembered
    per Host header (a deployment's hosts are few; a made-up one only takes a slot), since
    every request asks.
    """
    host = split_host_port(host)[0]
    if host.startswith("["):  # an IPv6 literal
        return host.lower()
    host = host.rstrip(".").lower()
    if not host or len(host) > 253:
        raise InvalidHost(host)
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidHost(host) from exc
    if any(not (c.isalnum() or c in "-.") for c in host):
        raise InvalidHost(host)
    return host


@dataclass(frozen=True)
class Resolution:
    """What a host means: a tenant, and whether this host is its primary domain."""

    tenant: TenantInfo
    is_primary: bool
    former_tenant_id: int | None = None  # an alias left by a merge: the portal it used to serve


_lock = threading.Lock()
_cache: dict[str, Resolution | None] = {}
_cache_version: bytes | None = None
_checked_at = 0.0


def version_key() -> str:
    """The tenants' version: bumped when any tenant or domain changes (the page cache reads it too)."""
    return redis_key("tenants", "version")


# Sent by `announce_change` in the process that made the change (sender: None), Redis or not.
tenants_changed = Namespace().signal("tenants-changed")


def announce_change() -> None:
    """Tell every process that tenants or domains changed. Call after the change commits.

    Without Redis the change is committed all the same; every process then reloads its cache
    within `TENANT_CACHE_FALLBACK_SECONDS` (see `_refresh_if_stale`), and this one at once."""
    tenants_changed.send(None)
    try:
        redis_client().incr(version_key())
    except redis.RedisError:
        log.warning("tenant change not announced: Redis unavailable; caches expire on their own")
        clear_cache()


def clear_cache() -> None:
    global _cache_version
    with _lock:
        _cache.clear()
        _cache_version = None


# Keys another part of the core reads in the same round trip as the version check: the page
# cache's lookup, named from the host's cached resolution. `keys(resolution)` names them (or none);
# `receive(resolution, version, values)` gets their values when the cached resolution is current.
CompanionKeys = Callable[[Resolution], list[str]]
CompanionReceive = Callable[[Resolution, "bytes | None", list], None]
_companion: tuple[CompanionKeys, CompanionReceive] | None = None


def add_companion_read(keys: CompanionKeys, receive: CompanionReceive) -> None:
    """Read `keys(resolution)` with every version check of a cached host (one MGET, not two)."""
    global _companion
    _companion = (keys, receive)


def _refresh_if_stale(host: str) -> None:
    global _cache_version, _checked_at
    cached = _cache.get(host)
    keys = _companion[0](cached) if _companion and cached else []
    try:
        # redis-py types every answer as "maybe awaitable"; this client is the synchronous one
        version, *values = cast("list", redis_client().mget(version_key(), *keys))
    except redis.RedisError:
        fallback = current_app.config["TENANT_CACHE_FALLBACK_SECONDS"]
        if time.monotonic() - _checked_at > fallback:
            log.warning("tenant cache: Redis unreachable for %ss, reloading from the database", fallback)
            clear_cache()
            _checked_at = time.monotonic()
        return
    _checked_at = time.monotonic()
    if version != _cache_version:
        with _lock:
            _cache.clear()
            _cache_version = version
    elif keys and _companion and cached:
        _companion[1](cached, version, values)


def tenant_info(tenant: Tenant) -> TenantInfo:
    primary, parent = tenant.primary_domain, tenant.parent
    parent_primary = parent.primary_domain if parent else None
    return TenantInfo(
        id=tenant.id,
        slug=tenant.slug,
        kind=tenant.kind,
        status=tenant.status,
        name_vi=tenant.name_vi,
        name_en=tenant.name_en,
        default_locale=tenant.default_locale,
        timezone=tenant.timezone,
        theme=tenant.theme,
        primary_host=primary.hostname if primary else "",
        parent_id=tenant.parent_id,
        parent_name_vi=parent.name_vi if parent else "",
        parent_name_en=parent.name_en if parent else "",
        parent_host=parent_primary.hostname if parent_primary else "",
        received_merge=any(d.former_tenant_id for d in tenant.domains),
        has_children=has_active_children(tenant.id),
        contact=dict(tenant.contact or {}),
    )


def _load(host: str) -> Resolution | None:
    domain = db.session.scalar(sa.select(TenantDomain).where(TenantDomain.hostname == host))
    if domain is None:
        return None
    return Resolution(
        tenant=tenant_info(domain.tenant),
        is_primary=domain.is_primary,
        former_tenant_id=domain.former_tenant_id,
    )


def resolve_host(raw_host: str) -> Resolution | None:
    """The tenant a Host header names, or None. Raises `InvalidHost` for malformed hosts."""
    host = normalise_host(raw_host)
    _refresh_if_stale(host)
    if host in _cache:
        return _cache[host]
    resolution = _load(host)
    with _lock:
        _cache[host] = resolution
    return resolution


def cached_resolution(host: str) -> tuple[Resolution, bytes | None] | None:
    """This process's resolution of an already normalised host and the tenants' version it was
    loaded under, without asking Redis or the database; None when the host is not cached (or
    named no portal). A caller that acts on it checks that version against Redis's."""
    version = _cache_version  # read before the entry: a refresh clears the entries, then sets it
    resolution = _cache.get(host)
    return None if resolution is None else (resolution, version)


def tenant_by_slug(slug: str) -> TenantInfo | None:
    """For jobs and commands, which know a tenant by id or slug rather than by host."""
    tenant = db.session.scalar(sa.select(Tenant).where(Tenant.slug == slug))
    return tenant_info(tenant) if tenant else None


def tenant_by_id(tenant_id: int) -> TenantInfo | None:
    tenant = db.session.get(Tenant, tenant_id)
    return tenant_info(tenant) if tenant else None
