"""The page cache's first level: each web process answers a page it served a moment ago from its
own memory, and counts the views it answered so in a batch.

A Redis round trip costs a web process about as much CPU as a whole "hello world" request, so a
portal's busiest pages under load are cheapest answered without one. `LocalPages` keeps what
the hit path read from Redis for a page (the stored entry, the fragments' values) for
PAGE_CACHE_LOCAL_SECONDS (one by default). Within that time:

- A change made in this process (a content version bump, a tenants change) empties it at once,
  so an editor never sees their own change late. A change made in another process shows here
  after at most those seconds: the Redis level itself is exact.
- Views answered from it are counted in `PendingViews` and added to Redis (INCRBY) with this
  process's next round trip, or by itself once a batch is that old, or when the process exits:
  the footer's figures lag by at most a second, and a process killed outright loses at most a
  second of its views.

Both are thread-safe (gunicorn's threads share them). Entries are bounded (first in, first out).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass

from app.bounded import Bounded


@dataclass(frozen=True)
class LocalEntry:
    fetched_at: float
    tenants_version: bytes | None
    stored: bytes  # the page's entry, as stored in Redis
    values: list  # the fragments' values read with it


class LocalPages:
    def __init__(self, seconds: float, entries: int) -> None:
        self.seconds = seconds
        self._pages = Bounded(entries)

    def get(self, key: str, tenants_version: bytes | None, now: float) -> LocalEntry | None:
        """The page when it was read from Redis less than `seconds` ago, under the same tenants'
        version as this process's resolution of the host."""
        entry = self._pages.get(key)
        if (
            entry is None
            or now - entry.fetched_at >= self.seconds
            or entry.tenants_version != tenants_version
        ):
            return None
        return entry

    def put(self, key: str, entry: LocalEntry) -> None:
        self._pages.put(key, entry)

    def clear(self, *_args, **_kwargs) -> None:
        """Forget every page (after a change in this process: its own pages show it at once)."""
        self._pages.clear()


class PendingViews:
    """Views counted in memory, per Redis counter, until they are added to Redis in a batch; and
    each counter's latest value Redis gave back, so the figures shown from memory only grow."""

    LATEST_KEPT = 10_000  # counters remembered (one per portal and day); then forgotten at once

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._counts: Counter[str] = Counter()
        self._latest: dict[str, int] = {}
        self._since = 0.0
        self._lock = threading.Lock()

    def add(self, key: str, now: float) -> None:
        with self._lock:
            if not self._counts:
                self._since = now
            self._counts[key] += 1

    def due(self, now: float) -> bool:
        return bool(self._counts) and now - self._since >= self.seconds

    def take(self) -> dict[str, int]:
        """The batch, emptied: the caller adds it to Redis, then tells `counted` what Redis
        answered (or `restore`s the batch if that failed)."""
        with self._lock:
            counts, self._counts = dict(self._counts), Counter()
        return counts

    def restore(self, counts: dict[str, int], now: float) -> None:
        with self._lock:
            if not self._counts:
                self._since = now
            self._counts.update(counts)

    def counted(self, key: str, value: int) -> None:
        """Redis's answer to an INCR or INCRBY of a counter: its value now."""
        with self._lock:
            if len(self._latest) >= self.LATEST_KEPT:
                self._latest.clear()
            self._latest[key] = max(value, self._latest.get(key, 0))

    def added_to(self, keys: list[str], values: list) -> list:
        """`values` read from Redis for `keys`, with each counter among them at least as high as
        Redis last said, plus this process's views not yet added to it."""
        return [
            self._current(key, value) if key in self._latest else value
            for key, value in zip(keys, values, strict=True)
        ]

    def _current(self, key: str, value) -> int:
        return max(int(value or 0), self._latest[key]) + self._counts.get(key, 0)


def now() -> float:
    return time.monotonic()
