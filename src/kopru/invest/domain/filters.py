"""The filters of the opportunity and company lists, shared by the list pages and the API."""

from __future__ import annotations

from django.db.models import QuerySet

from kopru.core.text import fold


def filter_opportunities(queryset: QuerySet, *, q=None, kind=None, status=None, sector=None) -> QuerySet:
    """Opportunities matching every filter given (an empty one is no filter), by title."""
    if q:
        queryset = queryset.filter(search_text__contains=fold(q))
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if sector:
        queryset = queryset.filter(sectors__code=sector)
    return queryset.order_by("title", "pk")


def filter_companies(queryset: QuerySet, *, q=None, country=None, sector=None) -> QuerySet:
    """Company profiles matching every filter given (an empty one is no filter), by organisation name."""
    if q:
        queryset = queryset.filter(organisation__search_text__contains=fold(q))
    if country:
        queryset = queryset.filter(organisation__country_id=country.upper())
    if sector:
        queryset = queryset.filter(organisation__sectors__code=sector)
    return queryset.order_by("organisation__name", "pk")
