"""The current tenant, for requests, jobs and commands alike.

A `ContextVar` rather than `flask.g`, so that a job or a CLI command enters a tenant the same way a
request does (`with tenant_scope(tenant):`) and the database scoping in `app.db` reads one source.
The value is a `TenantInfo` snapshot, never an ORM object, so it is safe to cache and to share
between threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.bilingual import bilingual


@dataclass(frozen=True)
class TenantInfo:
    """What a request needs to know about its tenant, loaded once and cached by the resolver."""

    id: int
    slug: str
    kind: str
    status: str
    name_vi: str
    name_en: str
    default_locale: str
    timezone: str
    theme: str
    primary_host: str
    parent_id: int | None = None
    parent_name_vi: str = ""
    parent_name_en: str = ""
    parent_host: str = ""
    # Other portals were merged into this one (their domains are its aliases): only then can a
    # page have a "formerly …" line to look up (tenants.provenance).
    received_merge: bool = False
    # It has active child portals (a city over its wards): its menus and panels aggregate them.
    has_children: bool = False
    contact: dict = field(default_factory=dict, compare=False, hash=False)

    name = bilingual("name")

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def zone(self) -> ZoneInfo:
        """The portal's time zone: months, days and deadlines are counted in it."""
        return ZoneInfo(self.timezone)

    def today(self) -> date:
        """Today's date where the portal is, not where the server is."""
        return datetime.now(self.zone).date()


_current: ContextVar[TenantInfo | None] = ContextVar("current_tenant", default=None)


def current_tenant() -> TenantInfo | None:
    return _current.get()


def current_tenant_id() -> int | None:
    tenant = _current.get()
    return tenant.id if tenant else None


def require_tenant() -> TenantInfo:
    tenant = _current.get()
    if tenant is None:
        raise LookupError("no current tenant")
    return tenant


# Called after every change of the current tenant. The database session registers here
# (app/db.py) to re-scope a transaction that is already open; the tenancy imports nothing of it.
_listeners: list[Callable[[], None]] = []


def on_tenant_change(listener: Callable[[], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def _announce() -> None:
    for listener in _listeners:
        listener()


@contextmanager
def tenant_scope(tenant: TenantInfo | None) -> Iterator[TenantInfo | None]:
    """Make `tenant` current for the block, in the ORM and in the open database transaction."""
    token = _current.set(tenant)
    _announce()
    try:
        yield tenant
    finally:
        _current.reset(token)
        _announce()


def portal_zone() -> ZoneInfo:
    """The current portal's time zone: months, days and deadlines are counted in it."""
    return require_tenant().zone


def set_request_tenant(tenant: TenantInfo | None):
    """Enter a tenant for the rest of a request; returns the token `reset_request_tenant` takes."""
    token = _current.set(tenant)
    _announce()
    return token


def reset_request_tenant(token) -> None:
    _current.reset(token)
