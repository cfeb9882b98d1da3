"""Probes for load balancers and operators: `/healthz` (the process answers) and `/readyz`
(whether this process can serve). They work on any host and show no tenant data.

`/readyz` opens a *new* database connection for its check, outside the pool: a pooled connection
can go on answering while the server refuses new ones (too many clients, a restart under way),
and the next request that needs a connection would fail. The database is required (503 without
it); Redis is reported but not required, since every page is served without it (caches skipped,
rate limits counted locally, jobs kept in the outbox): `"status": "degraded"` with a 200, so a
Redis outage does not take every web process out of the load balancer at once.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify
from sqlalchemy.pool import NullPool

from app.extensions import redis_client, redis_key

bp = Blueprint("health", __name__)

CONNECT_TIMEOUT_SECONDS = 2


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


def _check(probe) -> dict:
    started = time.perf_counter()
    try:
        probe()
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _probe_engine() -> sa.Engine:
    """An engine without a pool, so each check really connects; one per app."""
    engine = current_app.extensions.get("wardportal.readyz_engine")
    if engine is None:
        engine = sa.create_engine(
            current_app.config["SQLALCHEMY_DATABASE_URI"],
            poolclass=NullPool,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
        )
        current_app.extensions["wardportal.readyz_engine"] = engine
    return engine


def _new_connection_answers() -> None:
    with _probe_engine().connect() as connection:
        connection.execute(sa.text("SELECT 1"))


@bp.get("/readyz")
def readyz():
    checks = {
        "database": _check(_new_connection_answers),
        "redis": _check(lambda: redis_client().ping()),
    }
    try:
        heartbeat = redis_client().get(redis_key("cron", "heartbeat"))
    except Exception:  # noqa: BLE001
        heartbeat = None
    ready = checks["database"]["ok"]
    body = {
        "status": ("ok" if checks["redis"]["ok"] else "degraded") if ready else "unavailable",
        "checks": checks,
        "cron_heartbeat": heartbeat.decode() if heartbeat else None,
    }
    return jsonify(body), 200 if ready else 503
