"""Periodic work: the registry capabilities add their jobs to, and the platform's own heartbeat.

A capability calls `add_periodic(job, seconds)` from its blueprint's `init_app`; the one cron
process (`workers/cron.py`) builds the app, which fills the registry, and hands every entry to
`rq cron`. The core thus never imports a capability to schedule its work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.extensions import redis_client, redis_key
from workers.jobs import platform_job
from workers.outbox import relay_outbox


@dataclass(frozen=True)
class Periodic:
    job: Callable
    interval: int  # seconds


_registry: dict[str, Periodic] = {}


def add_periodic(job: Callable, interval: int) -> None:
    """Run `job` (a `@platform_job`) every `interval` seconds; registering twice keeps one entry."""
    _registry[f"{job.__module__}.{job.__qualname__}"] = Periodic(job, interval)


def periodic_jobs() -> list[Periodic]:
    return list(_registry.values())


@platform_job
def record_heartbeat() -> str:
    """Proves the cron → queue → worker path works: `/readyz` shows the last beat."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    redis_client().set(redis_key("cron", "heartbeat"), stamp, ex=3600)
    return stamp


add_periodic(record_heartbeat, 60)
add_periodic(relay_outbox, 30)
