"""The job outbox: a job is a row written in the same transaction as the change that asks for it.

`enqueue_after_commit` (workers/queue.py) adds an `OutboxJob` row to the session; the row commits
or rolls back with the change, so a saved article always has its notification recorded, and a
failed request never leaves a job behind. After the commit the job is handed to RQ at once when
Redis answers. When it does not (down, hanging, the circuit breaker open), the request still
succeeds: the row waits, and the periodic `relay_outbox` hands it over once Redis is back.

Handing over is idempotent. The RQ job id is the outbox row's id (a UUID, unique across
databases and deployments sharing a Redis) and RQ's `unique=True` enqueue refuses, atomically,
an id it already holds; RQ keeps a handed job's record for `HANDED_JOB_TTL` seconds, far longer
than a row can wait for the relay to delete it. So the after-commit hand-off and the relay may
both see a row, or a relay may run twice, and the job is still queued once.

The table is global (no tenant_id): the relay works for every portal at once, and a row holds
only a function's name and its arguments (ids, a locale), never a portal's content. A tenant job
finds its portal from its first argument, as always (`@tenant_job`).
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

import redis
import sqlalchemy as sa
from rq import Queue, Retry
from rq.exceptions import DuplicateJobError
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from workers.jobs import platform_job

log = logging.getLogger(__name__)

RETRY_INTERVALS = [10, 60, 300]  # seconds before each retry of a failed job
HANDED_JOB_TTL = 24 * 3600  # how long RQ remembers a finished job, hence refuses its id again
RELAY_BATCH = 500


class OutboxJob(db.Model):  # type: ignore[name-defined]  # Flask-SQLAlchemy makes db.Model at run time
    """A job asked for by a committed change and not yet known to be handed to RQ."""

    __tablename__ = "job_outbox"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    func: Mapped[str] = mapped_column(sa.String(300))  # "package.module.function"
    args: Mapped[list] = mapped_column(JSONB)
    kwargs: Mapped[dict] = mapped_column(JSONB)
    retries: Mapped[int] = mapped_column(sa.Integer)
    created_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now(), index=True
    )


@dataclass(frozen=True)
class PendingJob:
    """What a hand-off needs, copied out of the row (which expires at commit)."""

    id: uuid.UUID
    func: str
    args: list
    kwargs: dict
    retries: int

    @classmethod
    def of(cls, row: OutboxJob) -> PendingJob:
        return cls(row.id, row.func, list(row.args), dict(row.kwargs), row.retries)


def record(func, args: tuple, kwargs: dict, retries: int) -> PendingJob:
    """Add the outbox row of `func(*args, **kwargs)` to the current transaction. Raises TypeError
    at once, at the call, for arguments JSON cannot hold (jobs take ids, not objects)."""
    json.dumps([args, kwargs])
    row = OutboxJob(
        id=uuid.uuid4(),
        func=f"{func.__module__}.{func.__qualname__}",
        args=list(args),
        kwargs=dict(kwargs),
        retries=retries,
    )
    db.session.add(row)
    return PendingJob.of(row)


def hand_over(queue: Queue, job: PendingJob) -> bool:
    """Enqueue `job` on RQ under its outbox id; False when RQ already has it (handed before).
    Raises `redis.RedisError` when Redis cannot take it."""
    try:
        queue.enqueue_call(
            job.func,
            args=job.args,
            kwargs=job.kwargs,
            job_id=f"outbox-{job.id}",
            retry=Retry(max=job.retries, interval=RETRY_INTERVALS) if job.retries else None,
            result_ttl=HANDED_JOB_TTL,
            failure_ttl=HANDED_JOB_TTL * 7,
            unique=True,
        )
    except DuplicateJobError:
        return False
    return True


def hand_over_after_commit(queue: Queue, job: PendingJob) -> None:
    """The after-commit hand-off: never fails the request, whose change is already committed."""
    try:
        hand_over(queue, job)
    except redis.RedisError as exc:
        log.warning("job %s (%s) left in the outbox: Redis unavailable (%s)", job.id, job.func, exc)


@platform_job
def relay_outbox() -> int:
    """Hand every waiting outbox row to RQ and delete it; the rows of one run are locked (`SKIP
    LOCKED`), so two relays never take the same row. Returns how many jobs it queued."""
    from workers.queue import get_queue

    queue = get_queue()
    rows = db.session.scalars(
        sa.select(OutboxJob)
        .order_by(OutboxJob.created_at)
        .limit(RELAY_BATCH)
        .with_for_update(skip_locked=True)
    ).all()
    queued = 0
    for row in rows:
        try:
            queued += hand_over(queue, PendingJob.of(row))
        except redis.RedisError:
            log.warning("outbox relay stopped: Redis unavailable; %s rows wait", len(rows) - queued)
            break
        db.session.delete(row)
    db.session.commit()
    if queued:
        log.info("outbox relay: %s jobs queued", queued)
    return queued
