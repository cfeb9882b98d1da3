"""The wrapper every job runs in: an app context, its tenant, one commit.

Jobs take ids, never model objects. `@tenant_job` makes the first argument a tenant id: the job
runs inside that tenant's scope, so the same isolation rules as a web request hold, and it commits
once at the end (or rolls back on error, and RQ retries it). Jobs must be idempotent.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.orm import selectinload

from app.db import cross_tenant_reads
from app.extensions import db
from tenants.context import TenantInfo, require_tenant, tenant_scope
from tenants.models import Tenant, TenantStatus
from tenants.resolver import tenant_by_id, tenant_info

_worker_app = None


def worker_app():
    """The app of a worker process, built once on first use."""
    global _worker_app
    if _worker_app is None:
        from app import create_app

        _worker_app = create_app()
    return _worker_app


def _run_in_tenant(func, tenant_id: int, args, kwargs):

    tenant = tenant_by_id(tenant_id)
    if tenant is None:
        current_app.logger.warning("job %s: tenant %s no longer exists", func.__name__, tenant_id)
        return None
    with tenant_scope(tenant):
        try:
            result = func(*args, **kwargs)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    return result


def portal_request_context(locale: str, port: int | None = None):
    """A request context on the current tenant's primary host (and `port`, when the portal is
    served on one), in `locale`, so that a job's `url_for(..., _external=True)` builds links to
    that portal (and to its English pages)."""
    tenant = require_tenant()
    scheme = current_app.config["PREFERRED_URL_SCHEME"]
    script_root = "/en" if locale == "en" else ""
    authority = tenant.primary_host if port is None else f"{tenant.primary_host}:{port}"
    return current_app.test_request_context(
        base_url=f"{scheme}://{authority}{script_root}",
        environ_overrides={"wardportal.locale": locale},
    )


def platform_job(func):
    """Decorate a job that works for the platform as a whole (no tenant is current)."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        if has_app_context():
            return func(*args, **kwargs)
        with worker_app().app_context():
            try:
                return func(*args, **kwargs)
            finally:
                db.session.remove()

    return run


def tenant_job(func):
    """Decorate a job whose first argument is the id of the tenant it works for."""

    @functools.wraps(func)
    def run(tenant_id: int, *args, **kwargs):
        if has_app_context():
            return _run_in_tenant(func, tenant_id, args, kwargs)
        with worker_app().app_context():
            try:
                return _run_in_tenant(func, tenant_id, args, kwargs)
            finally:
                db.session.remove()

    run.tenant_job = True  # read by the failed jobs' screen
    return run


def portals_with_work(having: sa.Select, what: str) -> list[TenantInfo]:
    """The active portals among the tenant ids `having` selects (read across tenants, so one
    query finds where there is work), with their domains and parents, in a constant number of
    queries however many portals the platform has."""
    with cross_tenant_reads(what):
        tenants = db.session.scalars(
            sa.select(Tenant)
            .where(Tenant.status == TenantStatus.ACTIVE, Tenant.id.in_(having))
            .options(selectinload(Tenant.domains), selectinload(Tenant.parent).selectinload(Tenant.domains))
            .order_by(Tenant.id)
        ).all()
        found = [tenant_info(t) for t in tenants]
    db.session.commit()
    return found


def each_active_portal(
    work: Callable[[], int],
    what: str,
    log: logging.Logger,
    *,
    having: Callable[[], sa.Select],
    fail_at_end: bool = True,
) -> dict[str, int]:
    """Run `work()` in the scope of every active portal that has some, one commit each, for a
    platform cron job. `having()` is a SELECT of the tenant ids with work (due rows, read across
    tenants): a job that runs every minute thus costs the same with 18 portals or 10,000, and
    enters only those. A failure is logged on `log` and the others still run; with `fail_at_end`
    the job then fails (so RQ records it). Returns the non-zero counts by portal slug."""
    done: dict[str, int] = {}
    failed: list[str] = []
    for tenant in portals_with_work(having(), what):
        with tenant_scope(tenant):
            try:
                count = work()
                db.session.commit()
            except Exception:
                db.session.rollback()
                log.exception("%s failed for %s", what, tenant.slug)
                failed.append(tenant.slug)
                continue
        if count:
            done[tenant.slug] = count
    if failed and fail_at_end:
        raise RuntimeError(f"{what} failed for: {', '.join(failed)}")
    return done
