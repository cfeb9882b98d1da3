"""The request hook that turns the Host header into the current tenant.

Only `request.host` is read. It comes from the Host header, or from X-Forwarded-Host when
`PORTAL_TRUSTED_PROXIES` says how many proxies to trust (werkzeug's ProxyFix, set up in
`create_app`); no other header can choose a tenant.
"""

from __future__ import annotations

from flask import Flask, abort, g, redirect, request

from tenants.context import reset_request_tenant, set_request_tenant
from tenants.resolver import InvalidHost, resolve_host, split_host_port

# Endpoints that answer on any host: probes, the metrics (guarded by their own settings), and
# static files the error pages themselves need.
TENANTLESS_ENDPOINTS = {"health.healthz", "health.readyz", "metrics.metrics", "static", "theme_static"}


class UnknownPortal(Exception):
    """No portal answers on this host: rendered as a themed, translated 404."""


class PortalSuspended(Exception):
    """The portal exists but is suspended: rendered as a 503."""


def _enter_tenant():
    if request.endpoint in TENANTLESS_ENDPOINTS:
        return None
    try:
        resolution = resolve_host(request.host)
    except InvalidHost:
        abort(400)
    if resolution is None:
        raise UnknownPortal(request.host)
    tenant = resolution.tenant
    if not resolution.is_primary and tenant.primary_host:
        return _redirect_to_primary(tenant.primary_host)
    g.tenant_token = set_request_tenant(tenant)
    if not tenant.is_active:
        raise PortalSuspended(tenant.slug)
    return None


def _redirect_to_primary(primary_host: str):
    """301 to the same path and query on the primary domain."""
    path = request.script_root + request.path
    query = request.query_string.decode("latin-1")
    port = split_host_port(request.host)[1]
    authority = primary_host if port is None else f"{primary_host}:{port}"
    target = f"{request.scheme}://{authority}{path}" + (f"?{query}" if query else "")
    return redirect(target, code=301)


def _leave_tenant(exc=None) -> None:
    token = g.pop("tenant_token", None)
    if token is not None:
        reset_request_tenant(token)


def init_app(app: Flask) -> None:
    app.before_request(_enter_tenant)
    app.teardown_request(_leave_tenant)
