"""Opportunity catalogue: list, detail with ranked companies and offered incentives, create and edit."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.notes import notes_for
from kopru.invest.domain.filters import filter_opportunities
from kopru.invest.domain.incentives import offered_incentives, region_of
from kopru.invest.domain.matchmaking import companies_for_opportunity
from kopru.invest.domain.opportunities import save_opportunity
from kopru.invest.enums import OpportunityKind, OpportunityStatus
from kopru.invest.forms import OpportunityForm, leaf_sectors
from kopru.invest.models import Opportunity
from kopru.invest.views.access import access_opportunity
from kopru.invest.views.common import form_page
from kopru.ui.forms import NoteForm
from kopru.ui.views.access import has_perm, require_creator


def opportunity_list(request):
    queryset = access.visible_to(
        Opportunity.objects.select_related("host_country").prefetch_related("sectors"), request.user
    )
    params = request.GET
    queryset = filter_opportunities(
        queryset,
        q=params.get("q"),
        kind=params.get("kind"),
        status=params.get("status"),
        sector=params.get("sector"),
    )
    page = Paginator(queryset, settings.KOPRU_PAGE_SIZE).get_page(params.get("page"))
    return render(
        request,
        "invest/opportunity_list.html",
        {
            "page": page,
            "kinds": OpportunityKind.choices,
            "statuses": OpportunityStatus.choices,
            "sectors": leaf_sectors(),
            "params": params,
            "can_create": has_perm(request.user, "kopru.add_record"),
        },
    )


def opportunity_detail(request, pk):
    opportunity = access_opportunity(request, pk)
    user = request.user
    matches, match_note = (
        companies_for_opportunity(opportunity, user) if has_perm(user, "kopru.add_record") else ([], "")
    )
    return render(
        request,
        "invest/opportunity_detail.html",
        {
            "object": opportunity,
            "region": region_of(opportunity.province) if opportunity.province else None,
            "incentives": offered_incentives(opportunity),
            "matches": matches,
            "match_note": match_note,
            "show_matches": has_perm(user, "kopru.add_record"),
            "deals": access.visible_to(
                opportunity.deals.select_related("stage", "company__organisation"), user
            ),
            "contacts": access.visible_to(opportunity.contacts.all(), user),
            "attachments": access.visible_to(opportunity.attachments.all(), user),
            "can_change": has_perm(user, "kopru.change_record", opportunity),
            "notes": notes_for(opportunity, user),
            "note_form": NoteForm() if has_perm(user, "kopru.add_record") else None,
            "note_url": "invest:opportunity-note",
        },
    )


def opportunity_create(request):
    require_creator(request)
    form = OpportunityForm(request.POST or None, user=request.user)
    return form_page(
        request, form, save_opportunity, title=_("New opportunity"), cancel="invest:opportunity-list"
    )


def opportunity_edit(request, pk):
    instance = access_opportunity(request, pk, for_change=True)
    form = OpportunityForm(request.POST or None, instance=instance, user=request.user)
    return form_page(request, form, save_opportunity, instance=instance)
