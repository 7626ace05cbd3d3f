"""Results of the heavy insights computations, kept per process until the record changes.

The key holds the data version: the highest id of kopru.insights.models.DataChange, which every write to a
record insights reads moves (kopru.insights.domain.changes), read by one index lookup per request. A cached
result is therefore never older than the record as far as the application wrote it; what bypasses model
signals (bulk_create, queryset.update()) is not seen until the next such write. The key also holds who reads
(visibility class), the language, the scope, and today's date (commitment statuses depend on it).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django.apps import apps
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from kopru.core import access
from kopru.core.lru import Remembered

MAX_ENTRIES = 128
_store = Remembered(MAX_ENTRIES)
_pinned: ContextVar[list | None] = ContextVar("insights_data_version", default=None)


@lru_cache(maxsize=1)
def _version_sql() -> str:
    return f"SELECT MAX(id) FROM {apps.get_model('insights', 'DataChange')._meta.db_table}"


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
    return _store.get_or_compute(key, compute)


def forget() -> None:
    _store.clear()
