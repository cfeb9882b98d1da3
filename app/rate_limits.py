"""Rate limits on Redis that fall back to a local count when Redis fails.

One Flask-Limiter per app (`app.extensions["wardportal.limiter"]`), on the app's Redis: its
storage shares the app's connection pool, so it has the same short timeouts and circuit breaker
(`app.redis_guard`), and keys go under the app's prefix. Limits declared with Flask-Limiter's
decorators use the library's own fallback (`in_memory_fallback_enabled`: the same limits counted
in this process while the storage is down, Redis asked again with a growing interval) and
`swallow_errors`, so a Redis outage never answers 500.

Code that counts by hand (sign-in failures, citizens' forms) calls `hit`, `allows` and `clear`
below, which do the same: the Redis count while it answers, else a count kept in this process.
The local count is per process and starts from zero, so it is looser than the shared one, but it
is a limit: guessing passwords or flooding a form stays slow while Redis is away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, request
from flask_limiter import Limiter
from limits import RateLimitItem
from limits.storage import MemoryStorage
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
    limiter = Limiter(
        key_func=lambda: request.remote_addr or "",
        storage_uri=own_uri or app.config["REDIS_URL"],
        storage_options=options,
        strategy=STRATEGY,
        default_limits=[],
        in_memory_fallback_enabled=True,
        swallow_errors=True,
    )
    limiter.init_app(app)
    app.extensions["wardportal.limiter"] = limiter
    app.extensions["wardportal.local_limiter"] = STRATEGIES[STRATEGY](MemoryStorage())


def _counted(operation: Callable[[RateLimiter], T]) -> T:
    """`operation` on the shared (Redis) limiter; on the local one if the store fails."""
    limiter: Limiter = current_app.extensions["wardportal.limiter"]
    try:
        return operation(limiter.limiter)
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
