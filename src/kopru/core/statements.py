"""SQL statements written once per process and reader scope.

A page that shows what its reader may read builds its querysets through `access.visible_to`, whose filter
depends only on the reader's scope (`access.reader_scope`). Building and compiling such a queryset costs
0.2–0.5 ms of CPU each time, far more than PostgreSQL spends on most of them; the SQL and its parameters
are the same for every reader of a scope, so a page may keep them here and only run them. Only statements
are kept, never rows or counts: every view still asks the database.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from kopru.core.access import reader_scope
from kopru.core.lru import Remembered

_STATEMENTS = Remembered(512)

# A record id no table of this project reaches, within every integer key's range (a 32-bit AutoField's
# too, so that no lookup drops it as an overflow): a kept statement is written for a stand-in record with
# this id, and each parameter equal to it takes the real record's id when asked.
STAND_IN_ID = 2_147_483_000


def for_reader(purpose: str, user, using: str, build: Callable[[Any, str], Any]) -> Any:
    """What `build(user, using)` gives (statements for database `using`), built once per `purpose`,
    database and scope of `user`; `build` must depend on the user only through `visible_to`."""
    return _STATEMENTS.get_or_compute((purpose, using, reader_scope(user)), lambda: build(user, using))


def forget() -> None:
    """Drop every kept statement (tests that change what a scope's statement would be)."""
    _STATEMENTS.clear()


# psycopg prepares a statement by itself after this many runs; Django's connections say never (None, for
# connection poolers), so only the statements asked for explicitly below are prepared
_ONLY_WHEN_ASKED = sys.maxsize


def prepared_cursor(using: str):
    """A cursor of database `using` for a statement this process runs again and again (a detail page's
    kept reads): on PostgreSQL its statements are prepared on the server, once per connection, and
    afterwards only bound and run. PostgreSQL parsing and planning them was most of their cost: a detail
    page's six statements 1.3 ms of the database's CPU as plain text, 0.3 ms prepared (bench/load.py,
    engagement detail). Elsewhere (SQLite) or with `KOPRU_DB_PREPARED=0` (a pooler that does not keep a
    connection's prepared statements, such as PgBouncer in transaction mode before 1.21), a plain cursor.

    The statement goes through Django's cursor wrapper (its query log, `execute_wrapper`, the tests'
    query counts), with the parameters bound by the server instead of written into the text; psycopg
    keeps each connection's prepared statements (the last 100; all of them forgotten at a rollback)."""
    from django.conf import settings
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql" or not getattr(settings, "KOPRU_DB_PREPARED", True):
        return connection.cursor()
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    if not is_psycopg3:
        return connection.cursor()
    # what `connection.cursor()` does, with a server-binding cursor (`BaseDatabaseWrapper._cursor`,
    # `DatabaseWrapper.create_cursor`)
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = connection.connection
        if raw.prepare_threshold is None:
            raw.prepare_threshold = _ONLY_WHEN_ASKED
        preparing, logging = _preparing_classes()
        cursor = preparing(raw)
        _same_timezone(connection, cursor)
        if connection.queries_logged:
            connection.validate_thread_sharing()
            return logging(cursor, connection)
        return connection._prepare_cursor(cursor)


@functools.cache
def _preparing_classes():
    from django.db.backends.postgresql.base import CursorDebugWrapper, ServerBindingCursor
    from django.db.backends.utils import CursorWrapper

    class PreparingCursor(ServerBindingCursor):
        """Django's server-binding cursor whose every statement is prepared (`prepared_cursor`)."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    class LoggingCursor(CursorDebugWrapper):
        """Django's query log for a prepared statement: the statement with its parameters written in, as
        a plain cursor logs it (psycopg keeps no text of a prepared statement's run)."""

        def execute(self, sql, params=None):
            with self.debug_sql(self.db.ops.compose_sql(sql, params) if params is not None else sql):
                return CursorWrapper.execute(self, sql, params)

    return PreparingCursor, LoggingCursor


def _same_timezone(connection, cursor) -> None:
    """The connection's time zone on `cursor`, as Django's `create_cursor` does."""
    from django.db.backends.postgresql.base import TIMESTAMPTZ_OID, Format, register_tzloader

    tzloader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != tzloader.timezone:
        register_tzloader(connection.timezone, cursor)


class KeptRows:
    """A queryset's SELECT written once, and how its rows become instances: what Django's ModelIterable
    does with the compiler's select list, its converters and its related populators (select_related), kept
    with the statement, so that reading the rows again costs the query and the instances only.

    For querysets of model instances without prefetches or annotations (refused otherwise). The statement's
    parameters are fixed (a reader's visible rows), or, with `key` (a record's id, `STAND_IN_ID` for a
    statement written for a stand-in record), each parameter equal to it is the record's: `read(key)` asks
    the same of another record. With `prepared`, the statement is prepared on the server (`prepared_cursor`:
    a detail page's reads of one record by its key)."""

    def __init__(self, queryset, *, key=None, prepared=False):
        from django.db.models.query import ModelIterable, get_related_populators

        if (
            queryset._iterable_class is not ModelIterable
            or queryset._prefetch_related_lookups
            or queryset.query.annotation_select
        ):
            raise ValueError("KeptRows reads plain model rows only")
        # a record's reverse foreign key rows (`record.agreements.all()`) know their record: each row gets
        # the record it is read for (`read(key, known=…)`), as the manager's rows get theirs
        self.known = [
            field
            for field in queryset._known_related_objects
            if len(field.from_fields) == 1 and field.from_fields[0] == "self"
        ]
        if len(self.known) != len(queryset._known_related_objects):
            raise ValueError("KeptRows knows plain foreign keys only")
        self.using = queryset.db
        self.prepared = prepared
        compiler = queryset.query.get_compiler(using=self.using)
        self.sql, self.params = compiler.as_sql()  # fills the select list and klass_info
        self.keyed = key is not None
        if self.keyed and key not in self.params:
            raise ValueError("a keyed statement holds its key")
        self.key = key
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        self.model, self.start, self.end = klass_info["model"], fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, self.using)
        self.converters = list(
            compiler.get_converters([column[0] for column in select[: compiler.col_count]]).items()
        )

    def read(self, key=None, known=None) -> list:
        from django.db import connections

        connection = connections[self.using]
        params = [key if param == self.key else param for param in self.params] if self.keyed else self.params
        with prepared_cursor(self.using) if self.prepared else connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if self.converters:
                row = _converted(row, self.converters, connection)
            record = self.model.from_db(self.using, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, record)
            for field in self.known:
                if (
                    known is not None
                    and not field.is_cached(record)
                    and getattr(record, field.attname) == known.pk
                ):
                    setattr(record, field.name, known)
            found.append(record)
        return found


def kept_rows(purpose: str, user, using: str, build: Callable[[Any, str], Any]) -> list:
    """The rows of the queryset `build(user, using)` gives, its statement kept per purpose, database and
    scope of `user` (`KeptRows`, `for_reader`); read anew on every call."""
    return for_reader(purpose, user, using, lambda user, using: KeptRows(build(user, using))).read()


class KeptValues:
    """A `values_list()` queryset's SELECT written once, asked again with other parameters of the same
    number (a list page's links for other records): the statement the ORM wrote for `params`, whose
    parameters must be exactly `params` in order (refused otherwise), and its converters."""

    def __init__(self, queryset, params):
        from django.db.models.query import ValuesListIterable

        if queryset._iterable_class is not ValuesListIterable:
            raise ValueError("KeptValues reads values_list() rows only")
        self.using = queryset.db
        compiler = queryset.query.get_compiler(using=self.using)
        self.sql, compiled = compiler.as_sql()
        if tuple(compiled) != tuple(params):
            raise ValueError("the statement's parameters are not the given ones")
        self.converters = list(
            compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]]).items()
        )

    def read(self, params) -> list[tuple]:
        from django.db import connections

        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, list(params))
            rows = cursor.fetchall()
        if not self.converters:
            return rows
        return [tuple(_converted(row, self.converters, connection)) for row in rows]


def _converted(row, converters, connection) -> list:
    """A fetched row with each column through the compiler's converters (what the ORM does to its rows)."""
    row = list(row)
    for position, (column_converters, expression) in converters:
        value = row[position]
        for converter in column_converters:
            value = converter(value, expression, connection)
        row[position] = value
    return row
