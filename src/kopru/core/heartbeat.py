"""Heartbeats for background work, so that a dead worker's task is noticed within a minute.

A worker running a task touches a timestamp on the task's row every `beat_every()` seconds from a
daemon thread (its own database connection). A worker killed with SIGKILL takes the thread with it, so
the timestamp stops moving; rows whose heartbeat is older than `stale_after()` belong to dead workers and
are queued again by the sweepers each app registers here (`kopru requeue_stale`, run every minute).
"""

from __future__ import annotations

import datetime
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from django.db import connection, models
from django.utils import timezone

from kopru.env import env_int

SWEEPERS: dict[str, Callable[[datetime.datetime], list[int]]] = {}


def beat_every() -> int:
    return env_int("KOPRU_HEARTBEAT_SECONDS", 10)


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=env_int("KOPRU_STALE_AFTER_SECONDS", 60))


def register_sweeper(name: str, sweep: Callable[[datetime.datetime], list[int]]) -> None:
    """`sweep(now)` queues again the app's work whose heartbeat stopped; returns the ids it requeued."""
    SWEEPERS[name] = sweep


def sweep_stale(now: datetime.datetime | None = None) -> dict[str, list[int]]:
    now = now or timezone.now()
    return {name: sweep(now) for name, sweep in sorted(SWEEPERS.items())}


def _touch(model: type[models.Model], pk: int, field: str) -> None:
    model.objects.filter(pk=pk).update(**{field: timezone.now()})


@contextmanager
def heartbeat(model: type[models.Model], pk: int, field: str = "heartbeat_at") -> Iterator[None]:
    """Keep `model(pk).field` fresh while the block runs."""
    _touch(model, pk, field)
    stop = threading.Event()
    every = beat_every()

    def beat() -> None:
        try:
            while not stop.wait(every):
                # A lost beat is not fatal (the database was busy); the next one may get through.
                with suppress(Exception):
                    _touch(model, pk, field)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{model._meta.label}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 5)


def fault_point(name: str) -> None:
    """A pause for the fault tests (`KOPRU_FAULT_DELAY_<NAME>=seconds`): a worker is killed in it.

    Without the variable this does nothing; production never sets it.
    """
    delay = os.environ.get(f"KOPRU_FAULT_DELAY_{name.upper()}")
    if delay:
        print(f"fault point {name} reached; pausing {delay} s", file=sys.stderr, flush=True)
        time.sleep(float(delay))
