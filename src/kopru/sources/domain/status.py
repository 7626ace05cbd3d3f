"""What the status page and the API show of each source: its item count and its last fetch, in one query."""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery

from kopru.sources.models import FetchLog, Source


def with_last_fetch(sources: QuerySet[Source]) -> QuerySet[Source]:
    last = FetchLog.objects.filter(source=OuterRef("pk")).order_by("-started_at", "-pk")
    return sources.annotate(
        item_count=Count("items", distinct=True),
        last_outcome=Subquery(last.values("outcome")[:1]),
        last_new=Subquery(last.values("new_items")[:1]),
        last_message=Subquery(last.values("message")[:1]),
    )
