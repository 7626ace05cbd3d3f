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


class KeptRows:
    """A queryset's SELECT written once, and how its rows become instances: what Django's ModelIterable
    does with the compiler's select list, its converters and its related populators (select_related), kept
    with the statement, so that reading the rows again costs the query and the instances only.

    For querysets of model instances without prefetches or annotations (refused otherwise); the statement's
    parameters are fixed, so it fits a reader's visible rows, not a record's."""

    def __init__(self, queryset):
        from django.db.models.query import ModelIterable, get_related_populators

        if (
            queryset._iterable_class is not ModelIterable
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
            or queryset.query.annotation_select
        ):
            raise ValueError("KeptRows reads plain model rows only")
        self.using = queryset.db
        compiler = queryset.query.get_compiler(using=self.using)
        self.sql, self.params = compiler.as_sql()  # fills the select list and klass_info
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        self.model, self.start, self.end = klass_info["model"], fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, self.using)
        self.converters = list(
            compiler.get_converters([column[0] for column in select[: compiler.col_count]]).items()
        )

    def read(self) -> list:
        from django.db import connections

        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if self.converters:
                row = list(row)
                for position, (converters, expression) in self.converters:
                    value = row[position]
                    for converter in converters:
                        value = converter(value, expression, connection)
                    row[position] = value
            record = self.model.from_db(self.using, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, record)
            found.append(record)
        return found


def kept_rows(purpose: str, user, using: str, build: Callable[[Any, str], Any]) -> list:
    """The rows of the queryset `build(user, using)` gives, its statement kept per purpose, database and
    scope of `user` (`KeptRows`, `for_reader`); read anew on every call."""
    return for_reader(purpose, user, using, lambda user, using: KeptRows(build(user, using))).read()
