"""Jobs that cron runs for the platform as a whole (tenant work uses `@tenant_job`)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.extensions import redis_client, redis_key
from workers.jobs import platform_job


@platform_job
def record_heartbeat() -> str:
    """Proves the cron → queue → worker path works: `/readyz` shows the last beat."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    redis_client().set(redis_key("cron", "heartbeat"), stamp, ex=3600)
    return stamp
