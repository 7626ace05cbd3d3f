"""Results of the heavy insights computations, kept per process until the record changes.

The key holds the data version: the highest history id of every audited model of the record (core,
engage, invest, calls — django-simple-history writes a row for every create, change, delete and
many-to-many change) and the highest stage-change id, read in one query of index lookups. Any write
through the application moves it, so a cached table is never older than the record; what bypasses the
audit trail (bulk_create, queryset.update()) is not seen until the next audited write. The key also holds
who reads (visibility class), the scope, and today's date (commitment statuses depend on it).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django.apps import apps
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from kopru.core import access

MAX_ENTRIES = 128
AUDITED_APPS = ("core", "engage", "invest", "calls")
_store: OrderedDict = OrderedDict()
_lock = threading.Lock()
_pinned: ContextVar[list | None] = ContextVar("insights_data_version", default=None)


@lru_cache(maxsize=1)
def _version_sql() -> str:
    tables = sorted(
        (model._meta.db_table, model._meta.pk.column)
        for model in apps.get_models()
        if model._meta.app_label in AUDITED_APPS and model.__name__.startswith("Historical")
    )
    stage_changes = apps.get_model("invest", "StageChange")._meta.db_table
    tables.append((stage_changes, "id"))
    parts = ", ".join(f"(SELECT MAX({column}) FROM {table})" for table, column in tables)
    return f"SELECT {parts}"


@contextmanager
def one_version():
    """Within one request: read the data version once for all the tables the page shows."""
    token = _pinned.set([])
    try:
        yield
    finally:
        _pinned.reset(token)


def data_version() -> tuple:
    holder = _pinned.get()
    if holder:
        return holder[0]
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        version = tuple(cursor.fetchone())
    if holder is not None:
        holder.append(version)
    return version


def reader_key(user) -> str:
    """Users who see the same records share results: by role, side or organisation."""
    if access.is_admin(user):
        return "admin"
    if access.is_government_staff(user):
        return f"staff:{access.side_of(user)}"
    organisation = access.company_organisation_id(user)
    if organisation:
        return f"company:{organisation}"
    if getattr(user, "is_authenticated", False):
        return f"user:{user.pk}"  # reviewers see their own assignments
    return "public"


def remembered(name: str, user, parts: tuple, compute, *, version: tuple | None = None):
    """compute() once per (name, reader, parts, today, data version); later calls reuse the result."""
    # Labels and sector names are computed in the reader's language: a Turkish page must not reuse English.
    key = (name, reader_key(user), get_language(), parts, timezone.localdate(), version or data_version())
    with _lock:
        if key in _store:
            _store.move_to_end(key)
            return _store[key]
    value = compute()
    with _lock:
        _store[key] = value
        while len(_store) > MAX_ENTRIES:
            _store.popitem(last=False)
    return value


def forget() -> None:
    with _lock:
        _store.clear()
