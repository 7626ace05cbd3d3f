"""The list pages' paginator: on PostgreSQL a large list is counted from the planner's estimate.

`COUNT(*)` over 100,000 visible rows reads them all on every page view; above
`settings.KOPRU_EXACT_COUNT_LIMIT` rows the planner's estimate (one EXPLAIN, no rows read) is close enough
to number the pages. Small lists, and every list on SQLite, are counted exactly.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from ninja.pagination import LimitOffsetPagination


def estimated_count(queryset) -> int | None:
    """The planner's row estimate for `queryset` on PostgreSQL; None elsewhere.

    Remembered for KOPRU_MENU_CACHE_SECONDS per statement (its SQL holds the reader's visibility filter): the
    estimate only moves with the table statistics, and asking again cost an EXPLAIN on every list page."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    sql, params = queryset.order_by().query.sql_with_params()
    return statement_estimate(queryset.db, sql, params)


def statement_estimate(using: str, sql: str, params) -> int | None:
    """`estimated_count` of a SELECT already written (`sql` with `params`, unordered), on database `using`."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    key = "kopru:estimate:" + hashlib.sha256(f"{using}|{sql}|{params!r}".encode()).hexdigest()
    estimate = cache.get(key)
    if estimate is None:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        estimate = int(plan[0]["Plan"]["Plan Rows"])
        cache.set(key, estimate, settings.KOPRU_MENU_CACHE_SECONDS)
    return estimate


def table_rows(queryset) -> float | None:
    """The number of rows in `queryset`'s whole table by PostgreSQL's statistics (pg_class.reltuples),
    remembered for KOPRU_MENU_CACHE_SECONDS; None elsewhere or when the table was never analysed."""
    return model_table_rows(queryset.db, queryset.model)


def model_table_rows(using: str, model) -> float | None:
    """`table_rows` of `model`'s table on database `using`."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    table = model._meta.db_table
    key = f"kopru:table-rows:{using}:{table}"
    rows = cache.get(key)
    if rows is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
            found = cursor.fetchone()
        rows = float(found[0]) if found else -1.0
        cache.set(key, rows, settings.KOPRU_MENU_CACHE_SECONDS)
    return rows if rows >= 0 else None


def count_statement(queryset) -> tuple[str, tuple]:
    """The SELECT whose rows `queryset.count()` counts: its own rows, unordered, by key only."""
    return queryset.order_by().values("pk").query.sql_with_params()


def counts_in_one_statement(querysets) -> list[int]:
    """`queryset.count()` of each queryset, asked in one SELECT of subqueries: a page that shows several
    counts paid a round trip to the database for each (the dashboard, the investment home)."""
    querysets = list(querysets)
    if not querysets:
        return []
    return statement_counts(querysets[0].db, [count_statement(queryset) for queryset in querysets])


def statement_counts(using: str, statements) -> list[int]:
    """The number of rows of each `(sql, params)` SELECT (`count_statement`), asked in one statement."""
    selects, params = [], []
    for index, (sql, subquery_params) in enumerate(statements):
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{index})")
        params.extend(subquery_params)
    if not selects:
        return []
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        return [int(n) for n in cursor.fetchone()]


def cheap_count(queryset, exact: int | None = None) -> int:
    """The planner's estimate above KOPRU_EXACT_COUNT_LIMIT rows on PostgreSQL, else the exact count
    (`exact` when the caller knows it already, else `queryset.count()`).

    A table known to be under the limit is counted at once, without asking the planner first (the
    dashboard asked it about seven tables, six of them small, on every view)."""
    whole = table_rows(queryset)
    if whole is not None and whole <= settings.KOPRU_EXACT_COUNT_LIMIT:
        return queryset.count() if exact is None else exact
    estimate = estimated_count(queryset)
    if estimate is not None and estimate > settings.KOPRU_EXACT_COUNT_LIMIT:
        return estimate
    return queryset.count() if exact is None else exact


class ListPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        if hasattr(self.object_list, "query"):
            return cheap_count(self.object_list)
        return super().count


class EstimatedLimitOffsetPagination(LimitOffsetPagination):
    """The API's ?limit=&offset= pages with the list pages' count: the planner's estimate above
    KOPRU_EXACT_COUNT_LIMIT rows on PostgreSQL (an exact COUNT(*) over 100,000 documents took 55 ms of a
    60 ms request), exact otherwise."""

    def _items_count(self, queryset) -> int:
        if isinstance(queryset, QuerySet):
            return cheap_count(queryset)
        return super()._items_count(queryset)
