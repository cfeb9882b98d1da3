"""Failed jobs, for platform administrators: RQ's failed-job registry of this deployment's queue.

A job lands there when it still raised after its retries, or when its worker died under it and
RQ gave up on it. The queue serves every portal, so the list is the platform's, never a portal's:
only platform administrators see it. Retrying puts the job back on the queue as it was (jobs are
idempotent: they commit once, at the end); deleting drops it and its record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job

from tenants.resolver import tenant_by_id
from workers.queue import get_queue

# The newest this many are listed; an administrator clears or retries them from the top.
LIMIT = 200


@dataclass(frozen=True)
class FailedJob:
    id: str
    function: str
    arguments: str
    portal: str | None  # the slug of the tenant a tenant job worked for
    failed_at: datetime | None
    error: str  # the traceback's last line
    traceback: str


def _portal(job: Job) -> str | None:
    """The tenant a `@tenant_job` worked for: its first argument is the tenant's id."""
    try:
        is_tenant_job = getattr(job.func, "tenant_job", False)
    except (AttributeError, ImportError, ValueError):  # the function no longer exists
        return None
    if not is_tenant_job or not job.args or not isinstance(job.args[0], int):
        return None
    tenant = tenant_by_id(job.args[0])
    return tenant.slug if tenant else None


def _describe(job: Job) -> FailedJob:
    result = job.latest_result()
    traceback = ((result.exc_string if result else None) or "").strip()
    return FailedJob(
        id=job.id,
        function=job.func_name,
        arguments=", ".join([*map(repr, job.args), *(f"{k}={v!r}" for k, v in job.kwargs.items())]),
        portal=_portal(job),
        failed_at=job.ended_at,
        error=traceback.splitlines()[-1] if traceback else "",
        traceback=traceback,
    )


def failed_jobs() -> tuple[list[FailedJob], int]:
    """The newest failed jobs (at most LIMIT), and how many there are in all."""
    registry = get_queue().failed_job_registry
    ids = registry.get_job_ids(0, LIMIT - 1, desc=True)
    jobs = Job.fetch_many(ids, connection=registry.connection)
    return [_describe(job) for job in jobs if job is not None], registry.count


def retry(job_id: str) -> bool:
    """Put a failed job back on the queue; False when it is no longer among the failed."""
    try:
        get_queue().failed_job_registry.requeue(job_id)
    except (InvalidJobOperation, NoSuchJobError):
        return False
    return True


def delete(job_id: str) -> bool:
    """Drop a failed job and its record; False when it is no longer among the failed."""
    registry = get_queue().failed_job_registry
    if job_id not in registry.get_job_ids():
        return False
    registry.remove(job_id, delete_job=True)
    return True
