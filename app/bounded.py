"""A bounded map for what a web process keeps in its own memory (the page cache's first level,
the block cache): thread-safe, since gunicorn's threads share it, and when it is full the oldest
entry goes first."""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any


class Bounded:
    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._items: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        return self._items.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        """Keep `value` as the newest entry, dropping the oldest ones beyond the bound."""
        with self._lock:
            self._items.pop(key, None)
            while self._items and len(self._items) >= self.entries:
                self._items.pop(next(iter(self._items)))
            self._items[key] = value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
