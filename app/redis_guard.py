"""The app's Redis client, built so that a Redis outage never hangs or breaks a page.

Redis holds nothing a page cannot do without (caches, the visit counter, rate-limit counters,
the tenant cache's change number, the queue's hand-off). So every connection the app opens:

- waits at most `REDIS_SOCKET_TIMEOUT` / `REDIS_CONNECT_TIMEOUT` seconds (a paused server or a
  network partition accepts a connection and then never answers);
- retries once, after a short backoff, only when a connection drops (Redis restarted: the pooled
  socket is stale), never on a timeout (redis-py's `Retry`);
- pings an idle connection before reusing it (`health_check_interval`);
- goes through a **circuit breaker**: after `REDIS_BREAKER_FAILURES` failures in a row the
  breaker opens and, for `REDIS_BREAKER_RESET_SECONDS`, every command fails at once with
  `RedisUnavailable` (a `redis.ConnectionError`) instead of waiting for a timeout. Then the next
  command is let through as a trial: its success closes the breaker, its failure opens it again.

The breaker sits in the connection class, so every user of the pool is covered alike: the
app's own calls, RQ (the queue uses this client) and the rate limiter (its storage shares the
pool). Callers still catch `redis.RedisError` and fall back (a page without its cached part, a
local rate limit, a job left in the outbox); the breaker only makes the failure fast.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from redis.backoff import ExponentialBackoff
from redis.connection import parse_url
from redis.retry import Retry

log = logging.getLogger(__name__)


class RedisUnavailable(redis.ConnectionError):
    """Not sent: the circuit breaker is open because Redis failed just now."""


class CircuitBreaker:
    """Counts consecutive failures; open (refusing) for `reset_seconds` after `threshold` of them.

    One per client, shared by the threads of a process; its state is a counter and a deadline,
    and a race between threads costs at most one extra trial.
    """

    def __init__(self, threshold: int, reset_seconds: float) -> None:
        self.threshold = threshold
        self.reset_seconds = reset_seconds
        self._failures = 0
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def check(self) -> None:
        """Raise `RedisUnavailable` while the breaker is open."""
        if self.is_open:
            raise RedisUnavailable("Redis is unavailable (circuit breaker open)")

    def failed(self, error: Exception) -> None:
        """Count `error` (once, though it passes through several layers of the connection)."""
        if getattr(error, "counted_by_breaker", False):
            return
        error.counted_by_breaker = True  # type: ignore[attr-defined]
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                if not self.is_open:
                    log.warning(
                        "Redis failed %s times: not asking it for %ss", self._failures, self.reset_seconds
                    )
                self._open_until = time.monotonic() + self.reset_seconds
                self._failures = self.threshold - 1  # after the pause, one failure reopens it

    def succeeded(self) -> None:
        if self._failures or self._open_until:
            with self._lock:
                self._failures = 0
                self._open_until = 0.0


class GuardedConnection:
    """Mixin over a redis-py connection class: the breaker is asked before connecting or sending,
    and told of every failure and success. `breaker` is set on the per-client subclass."""

    breaker: CircuitBreaker
    _FAULTS = (redis.ConnectionError, redis.TimeoutError)

    def connect(self):
        if not getattr(self, "_sock", None):
            self.breaker.check()
        try:
            return super().connect()
        except RedisUnavailable:
            raise
        except self._FAULTS as error:
            self.breaker.failed(error)
            raise

    def send_packed_command(self, command, check_health=True):
        self.breaker.check()
        try:
            return super().send_packed_command(command, check_health)
        except RedisUnavailable:
            raise
        except self._FAULTS as error:
            self.breaker.failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except self._FAULTS as error:
            self.breaker.failed(error)
            raise
        self.breaker.succeeded()
        return response


def guarded_client(url: str, config) -> redis.Redis:
    """A client for `url` with the timeouts, retry and circuit breaker described above."""
    breaker = CircuitBreaker(config["REDIS_BREAKER_FAILURES"], config["REDIS_BREAKER_RESET_SECONDS"])
    base = parse_url(url).get("connection_class", redis.Connection)
    connection_class = type(f"Guarded{base.__name__}", (GuardedConnection, base), {"breaker": breaker})
    client = redis.Redis.from_url(
        url,
        connection_class=connection_class,
        socket_timeout=config["REDIS_SOCKET_TIMEOUT"],
        socket_connect_timeout=config["REDIS_CONNECT_TIMEOUT"],
        health_check_interval=30,
        retry=Retry(ExponentialBackoff(cap=0.1, base=0.01), 1, supported_errors=(redis.ConnectionError,)),
    )
    client.breaker = breaker  # type: ignore[attr-defined]  # for the health check and the tests
    return client


def breaker_of(client: redis.Redis) -> CircuitBreaker:
    return client.breaker  # type: ignore[attr-defined]
