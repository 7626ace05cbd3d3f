"""Background jobs by name, queued after the transaction commits.

Domain functions say *what* should run in the background (`enqueue_on_commit("intel.extract_document",
item_id=7)`); each app's tasks module registers how (its django-tasks `enqueue`) from `AppConfig.ready`.
So tasks import domain and never the reverse: no import cycle, no function-level import to hide one.
Jobs take ids only; the task re-reads everything from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

JOBS: dict[str, Callable[..., Any]] = {}


class UnknownJob(LookupError):
    """No app registered a job of that name (its app is not installed or not ready)."""


def register_job(name: str, enqueue: Callable[..., Any]) -> None:
    JOBS[name] = enqueue


def enqueue_now(name: str, **ids: int) -> Any:
    try:
        enqueue = JOBS[name]
    except KeyError:
        raise UnknownJob(f"No background job named {name!r} is registered.") from None
    return enqueue(**ids)


def enqueue_on_commit(name: str, **ids: int) -> None:
    """Queue the job once the current transaction commits (at once outside a transaction)."""
    if name not in JOBS:
        raise UnknownJob(f"No background job named {name!r} is registered.")
    transaction.on_commit(lambda: enqueue_now(name, **ids))
