"""Fetching investment records: the one access path with the core record permissions (deals,
opportunities and company profiles follow the visibility rules of every other record)."""

from __future__ import annotations

from kopru.invest.models import CompanyProfile, Deal, Opportunity
from kopru.ui.views.access import access_object


def _access(request, source, pk, for_change: bool):
    perm = "kopru.change_record" if for_change else None
    return access_object(request, source, pk, view="kopru.view_record", perm=perm)


def access_deal(request, pk, *, for_change=False, related: tuple[str, ...] = ()) -> Deal:
    """`related`: relations to read with the deal (select_related), for a page that shows them."""
    return _access(request, Deal.objects.select_related(*related) if related else Deal, pk, for_change)


def access_opportunity(request, pk, *, for_change=False) -> Opportunity:
    return _access(request, Opportunity, pk, for_change)


def access_company(request, pk, *, for_change=False) -> CompanyProfile:
    return _access(request, CompanyProfile, pk, for_change)
