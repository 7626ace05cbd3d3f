"""Company profiles: list, detail with ranked opportunities, create and edit."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.notes import notes_for
from kopru.invest.domain.companies import save_company_profile
from kopru.invest.domain.filters import filter_companies
from kopru.invest.domain.matchmaking import opportunities_for_company
from kopru.invest.forms import CompanyProfileForm, leaf_sectors
from kopru.invest.models import CompanyProfile
from kopru.invest.views.access import access_company
from kopru.invest.views.common import form_page
from kopru.ui.forms import NoteForm
from kopru.ui.views.access import has_perm, require_creator


def company_list(request):
    queryset = access.visible_to(
        CompanyProfile.objects.select_related("organisation", "organisation__country").prefetch_related(
            "organisation__sectors"
        ),
        request.user,
    )
    params = request.GET
    queryset = filter_companies(
        queryset, q=params.get("q"), country=params.get("country"), sector=params.get("sector")
    )
    page = Paginator(queryset, settings.KOPRU_PAGE_SIZE).get_page(params.get("page"))
    return render(
        request,
        "invest/company_list.html",
        {
            "page": page,
            "sectors": leaf_sectors(),
            "params": params,
            "can_create": has_perm(request.user, "kopru.add_record"),
        },
    )


def company_detail(request, pk):
    profile = access_company(request, pk)
    user = request.user
    matches, match_note = opportunities_for_company(profile, user)
    return render(
        request,
        "invest/company_detail.html",
        {
            "object": profile,
            "organisation": profile.organisation,
            "sectors": profile.organisation.sectors.all(),
            "matches": matches,
            "match_note": match_note,
            "deals": access.visible_to(profile.deals.select_related("stage", "opportunity"), user),
            "people": access.visible_to(profile.people.all(), user),
            "can_change": has_perm(user, "kopru.change_record", profile),
            "notes": notes_for(profile, user),
            "note_form": NoteForm() if has_perm(user, "kopru.add_record") else None,
            "note_url": "invest:company-note",
        },
    )


def company_create(request):
    require_creator(request)
    form = CompanyProfileForm(request.POST or None, user=request.user)
    return form_page(
        request, form, save_company_profile, title=_("New company profile"), cancel="invest:company-list"
    )


def company_edit(request, pk):
    instance = access_company(request, pk, for_change=True)
    form = CompanyProfileForm(request.POST or None, instance=instance, user=request.user)
    return form_page(request, form, save_company_profile, instance=instance)
