"""SQL statements written once per process and reader scope.

A page that shows what its reader may read builds its querysets through `access.visible_to`, whose filter
depends only on the reader's scope (`access.reader_scope`). Building and compiling such a queryset costs
0.2–0.5 ms of CPU each time, far more than PostgreSQL spends on most of them; the SQL and its parameters
are the same for every reader of a scope, so a page may keep them here and only run them. Only statements
are kept, never rows or counts: every view still asks the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kopru.core.access import reader_scope
from kopru.core.lru import Remembered

_STATEMENTS = Remembered(512)


def for_reader(purpose: str, user, using: str, build: Callable[[Any, str], Any]) -> Any:
    """What `build(user, using)` gives (statements for database `using`), built once per `purpose`,
    database and scope of `user`; `build` must depend on the user only through `visible_to`."""
    return _STATEMENTS.get_or_compute((purpose, using, reader_scope(user)), lambda: build(user, using))


def forget() -> None:
    """Drop every kept statement (tests that change what a scope's statement would be)."""
    _STATEMENTS.clear()
