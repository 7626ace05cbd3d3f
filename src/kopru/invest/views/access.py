"""The investment record types, fetched through the same permission helper as every other record."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kopru.invest.forms import CompanyProfileForm, DealForm, OpportunityForm
from kopru.invest.models import CompanyProfile, Deal, Opportunity
from kopru.ui.registry import RecordType
from kopru.ui.views.access import access_record

DEALS = RecordType("invest-deals", Deal, _("Deals"), (), form=DealForm)
OPPORTUNITIES = RecordType("invest-opportunities", Opportunity, _("Opportunities"), (), form=OpportunityForm)
COMPANIES = RecordType("invest-companies", CompanyProfile, _("Company profiles"), (), form=CompanyProfileForm)


def access_deal(request, pk, *, for_change=False) -> Deal:
    return access_record(request, DEALS, pk, for_change=for_change)


def access_opportunity(request, pk, *, for_change=False) -> Opportunity:
    return access_record(request, OPPORTUNITIES, pk, for_change=for_change)


def access_company(request, pk, *, for_change=False) -> CompanyProfile:
    return access_record(request, COMPANIES, pk, for_change=for_change)
