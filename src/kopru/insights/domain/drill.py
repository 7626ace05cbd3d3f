"""The records behind a number: a cell of the overview or a bar of the activity chart opens this list,
read through the very source the number was counted from."""

from __future__ import annotations

import dataclasses

from kopru.insights.domain import sources
from kopru.insights.domain.scope import Scope, ScopeError, quarter_bounds

LIMIT = 200
DATE_FIELDS = {
    "areas": "status_since",
    "engagements": "start_date",
    "agreements": "signed_date",
    "deals": "stage_since",
    "proposals": "submitted_at",
}
TITLE_FIELDS = {"areas": "sector__name", "proposals": "title"}


def narrowed_to_quarter(scope: Scope, quarter: str) -> Scope:
    start, end = quarter_bounds(quarter)
    if scope.start and scope.start > start:
        start = scope.start
    if scope.end and scope.end < end:
        end = scope.end
    return dataclasses.replace(scope, start=start, end=end)


def records(scope: Scope, user, kind: str, *, status: str = "", quarter: str = "") -> tuple[int, list]:
    """(count, first LIMIT records) of `kind` in `scope` (narrowed to `quarter`), as objects with a URL."""
    if kind not in sources.SOURCES:
        raise ScopeError(f"unknown kind {kind!r}")
    if quarter:
        scope = narrowed_to_quarter(scope, quarter)
    if kind == "areas":
        queryset = sources.areas(scope, user, status=status).select_related(
            "sector", "country_a", "country_b"
        )
    else:
        queryset = sources.SOURCES[kind](scope, user)
    queryset = queryset.order_by(f"-{DATE_FIELDS[kind]}", "-pk")
    if kind == "engagements":
        queryset = queryset.defer("summary")
    return queryset.count(), list(queryset[:LIMIT])
