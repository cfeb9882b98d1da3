"""The queue, and enqueueing that waits for the transaction to commit.

A job enqueued before its rows are committed can run first and find nothing (or, if the request
then fails, act on rows that never existed). `enqueue_after_commit` defers the enqueue to the
session's commit and forgets it on rollback.
"""

from __future__ import annotations

from flask import current_app
from rq import Queue, Retry

from app.db import after_commit
from app.extensions import redis_client


def get_queue() -> Queue:
    return Queue(
        current_app.config["RQ_QUEUE"],
        connection=redis_client(),
        default_timeout=current_app.config["RQ_JOB_TIMEOUT"],
    )


def enqueue_after_commit(func, *args, retries: int = 3, **kwargs) -> None:
    """Enqueue `func(*args, **kwargs)` once the current transaction commits."""
    queue = get_queue()  # built now, while the app context is certainly there

    def enqueue() -> None:
        queue.enqueue(func, *args, retry=Retry(max=retries, interval=[10, 60, 300]), **kwargs)

    after_commit(enqueue)
