"""Fetching investment records: the one access path with the core record permissions (deals,
opportunities and company profiles follow the visibility rules of every other record)."""

from __future__ import annotations

from kopru.invest.models import CompanyProfile, Deal, Opportunity
from kopru.ui.views.access import access_object


def _access(request, model, pk, for_change: bool):
    perm = "kopru.change_record" if for_change else None
    return access_object(request, model, pk, view="kopru.view_record", perm=perm)


def access_deal(request, pk, *, for_change=False) -> Deal:
    return _access(request, Deal, pk, for_change)


def access_opportunity(request, pk, *, for_change=False) -> Opportunity:
    return _access(request, Opportunity, pk, for_change)


def access_company(request, pk, *, for_change=False) -> CompanyProfile:
    return _access(request, CompanyProfile, pk, for_change)
