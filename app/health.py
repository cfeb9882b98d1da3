"""Probes for load balancers and operators: `/healthz` (the process answers) and `/readyz`
(the database and Redis answer). They work on any host and show no tenant data."""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import Blueprint, jsonify

from app.extensions import db, redis_client, redis_key

bp = Blueprint("health", __name__)


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


@bp.get("/readyz")
def readyz():
    checks = {
        "database": _check(lambda: db.session.execute(sa.text("SELECT 1"))),
        "redis": _check(lambda: redis_client().ping()),
    }
    try:
        heartbeat = redis_client().get(redis_key("cron", "heartbeat"))
    except Exception:  # noqa: BLE001
        heartbeat = None
    ready = all(c["ok"] for c in checks.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": checks,
        "cron_heartbeat": heartbeat.decode() if heartbeat else None,
    }
    return jsonify(body), 200 if ready else 503
