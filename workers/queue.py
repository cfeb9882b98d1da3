"""The queue, and enqueueing that waits for the transaction to commit.

A job enqueued before its rows are committed can run first and find nothing (or, if the request
then fails, act on rows that never existed). `enqueue_after_commit` records the job in the same
transaction (the outbox, workers/outbox.py), hands it to RQ after the commit, and forgets it on
rollback; a job Redis could not take then is handed over later by the outbox relay.
"""

from __future__ import annotations

from flask import current_app
from rq import Queue

from app.db import after_commit
from app.extensions import redis_client
from workers import outbox


def get_queue() -> Queue:
    return Queue(
        current_app.config["RQ_QUEUE"],
        connection=redis_client(),
        default_timeout=current_app.config["RQ_JOB_TIMEOUT"],
    )


def enqueue_after_commit(func, *args, retries: int = 3, **kwargs) -> None:
    """Run `func(*args, **kwargs)` on a worker once the current transaction commits.

    The job is written to the outbox in this transaction (its arguments must be JSON: ids,
    strings) and handed to RQ after the commit; if Redis cannot take it then, the request still
    succeeds and the outbox relay hands it over later (workers/outbox.py).
    """
    queue = get_queue()  # built now, while the app context is certainly there
    job = outbox.record(func, args, kwargs, retries)
    after_commit(lambda: outbox.hand_over_after_commit(queue, job))
