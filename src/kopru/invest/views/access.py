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
    return _access(request, _by_pk(Deal).select_related(*related), pk, for_change)


def access_opportunity(request, pk, *, for_change=False) -> Opportunity:
    return _access(request, _by_pk(Opportunity), pk, for_change)


def access_company(request, pk, *, for_change=False) -> CompanyProfile:
    return _access(request, _by_pk(CompanyProfile), pk, for_change)


def _by_pk(model):
    """The model's rows without its list order: one row is read by its key (`first()` then orders by the key
    alone). A deal's order (stage order, position, last change) joined the stages and cost Django about
    1 ms to compile for a query that finds one row."""
    return model._default_manager.order_by()
