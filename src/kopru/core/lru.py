"""A small thread-safe store of the most recently used results, shared by the per-process memos
(the calculator's evaluations and drawn panels, insights' computations).

gunicorn's gthread workers run several requests in one process, so reads and writes hold a lock; the
computation itself runs outside it (two threads may compute the same entry once each, never a wrong one).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Remembered:
    """At most `size` results, least recently used dropped first. An entry stored with a `token` (the rule
    tables it was computed from, say) is only reused for that same object."""

    def __init__(self, size: int):
        self.size = size
        self._store: OrderedDict[Hashable, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any], *, token: Any = None) -> Any:
        with self._lock:
            entry = self._store.get(key)
            if entry is not None and entry[0] is token:
                self._store.move_to_end(key)
                return entry[1]
        value = compute()
        with self._lock:
            self._store[key] = (token, value)
            self._store.move_to_end(key)
            while len(self._store) > self.size:
                self._store.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._store.clear()

    def __len__(self) -> int:
        return len(self._store)
