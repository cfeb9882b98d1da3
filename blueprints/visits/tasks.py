"""The periodic flush of visit counts (registered in `workers/cron.py`)."""

from __future__ import annotations

from flask import has_app_context

from blueprints.visits import services
from workers.jobs import tenant_job, worker_app
from workers.queue import get_queue


@tenant_job
def flush_tenant_visits() -> int:
    """One portal's claimed counts into PostgreSQL; safe to run twice or after a crash."""
    return services.flush_tenant()


def flush_visits() -> int:
    """Claim every portal's live counts, then queue one flush job per portal that has some.

    A platform job like the heartbeat: it touches Redis only; the database work happens in each
    tenant's own job and scope."""

    if not has_app_context():
        with worker_app().app_context():
            return flush_visits()
    tenants = services.claim_live_counts()
    queue = get_queue()
    for tenant_id in sorted(tenants):
        queue.enqueue(flush_tenant_visits, tenant_id)
    return len(tenants)
