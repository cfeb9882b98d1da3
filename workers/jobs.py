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

from app.extensions import db
from tenants.context import require_tenant, tenant_scope
from tenants.models import Tenant, TenantStatus
from tenants.resolver import tenant_by_id

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


def portal_request_context(locale: str):
    """A request context on the current tenant's primary host, in `locale`, so that a job's
    `url_for(..., _external=True)` builds links to that portal (and to its English pages)."""
    tenant = require_tenant()
    scheme = current_app.config["PREFERRED_URL_SCHEME"]
    script_root = "/en" if locale == "en" else ""
    return current_app.test_request_context(
        base_url=f"{scheme}://{tenant.primary_host}{script_root}",
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


def each_active_portal(
    work: Callable[[], int], what: str, log: logging.Logger, *, fail_at_end: bool = True
) -> dict[str, int]:
    """Run `work()` in every active portal's scope, one commit each, for a platform cron job; a
    failure is logged on `log` and the others still run. With `fail_at_end` the job then fails
    (so RQ records it); returns the non-zero counts by portal slug."""
    done: dict[str, int] = {}
    failed: list[str] = []
    ids = db.session.scalars(sa.select(Tenant.id).where(Tenant.status == TenantStatus.ACTIVE)).all()
    db.session.commit()
    for tenant_id in ids:
        tenant = tenant_by_id(tenant_id)
        if tenant is None:
            continue
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
