"""Rate limits on Redis that fall back to a local count when Redis fails.

One `limits` strategy per app (`app.extensions["wardportal.limiter"]`), on the app's Redis: its
storage shares the app's connection pool, so it has the same short timeouts and circuit breaker
(`app.redis_guard`), and keys go under the app's prefix. The library is used directly, not
through Flask-Limiter: nothing here is limited per route, and Flask-Limiter's per-request check
would cost every page a call for no limit at all.

Code that counts (sign-in failures, citizens' forms) calls `hit`, `allows` and `clear` below:
the Redis count while it answers, else a count kept in this process.
The local count is per process and starts from zero, so it is looser than the shared one, but it
is a limit: guessing passwords or flooding a form stays slow while Redis is away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app
from limits import RateLimitItem
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import STRATEGIES, RateLimiter

log = logging.getLogger(__name__)

T = TypeVar("T")
STRATEGY = "moving-window"


def init_app(app: Flask) -> None:
    own_uri = app.config.get("RATELIMIT_STORAGE_URI")
    options: dict = {"key_prefix": f"{app.config['REDIS_PREFIX']}:limits"}
    if not own_uri:  # the app's Redis: share its pool (timeouts, retry, circuit breaker)
        options["connection_pool"] = app.extensions["wardportal.redis"].connection_pool
    else:
        options |= {"socket_timeout": 1, "socket_connect_timeout": 1}
    storage = storage_from_string(own_uri or app.config["REDIS_URL"], **options)
    app.extensions["wardportal.limiter"] = STRATEGIES[STRATEGY](storage)
    app.extensions["wardportal.local_limiter"] = STRATEGIES[STRATEGY](MemoryStorage())


def _counted(operation: Callable[[RateLimiter], T]) -> T:
    """`operation` on the shared (Redis) limiter; on the local one if the store fails."""
    try:
        return operation(current_app.extensions["wardportal.limiter"])
    except Exception as exc:  # noqa: BLE001  (limits raises the storage's own errors, or wraps them)
        log.warning("rate limits counted in this process: the store failed (%s)", exc)
        return operation(current_app.extensions["wardportal.local_limiter"])


def hit(item: RateLimitItem, *identifiers: str) -> bool:
    """Count one hit of `item` for `identifiers`; False when the limit was already reached."""
    return _counted(lambda limiter: limiter.hit(item, *identifiers))


def allows(item: RateLimitItem, *identifiers: str) -> bool:
    """Whether one more hit would still be within the limit (counts nothing)."""
    return _counted(lambda limiter: limiter.test(item, *identifiers))


def clear(item: RateLimitItem, *identifiers: str) -> None:
    """Forget the hits of `item` for `identifiers` (a successful sign-in clears its failures)."""
    _counted(lambda limiter: limiter.clear(item, *identifiers))
