"""Company profiles: list, detail with ranked opportunities, create and edit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.notes import notes_for
from kopru.core.text import fold
from kopru.invest.domain.companies import save_company_profile
from kopru.invest.domain.matchmaking import opportunities_for_company
from kopru.invest.forms import CompanyProfileForm, leaf_sectors
from kopru.invest.models import CompanyProfile
from kopru.invest.views.access import access_company
from kopru.invest.views.common import form_status
from kopru.web.forms import NoteForm
from kopru.web.views.access import require_creator


def company_list(request):
    queryset = access.visible_to(
        CompanyProfile.objects.select_related("organisation", "organisation__country").prefetch_related(
            "organisation__sectors"
        ),
        request.user,
    )
    params = request.GET
    if params.get("q"):
        queryset = queryset.filter(organisation__search_text__contains=fold(params["q"]))
    if params.get("country"):
        queryset = queryset.filter(organisation__country_id=params["country"].upper())
    if params.get("sector"):
        queryset = queryset.filter(organisation__sectors__code=params["sector"])
    page = Paginator(queryset.order_by("organisation__name", "pk"), settings.KOPRU_PAGE_SIZE).get_page(
        params.get("page")
    )
    return render(
        request,
        "invest/company_list.html",
        {
            "page": page,
            "sectors": leaf_sectors(),
            "params": params,
            "can_create": access.can_create(request.user),
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
            "can_change": access.can_change(user, profile),
            "notes": notes_for(profile, user),
            "note_form": NoteForm() if access.can_create(user) else None,
            "note_url": "invest:company-note",
        },
    )


def _save(request, instance=None):
    form = CompanyProfileForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = save_company_profile(form)
        messages.success(request, _("Saved “%(name)s”.") % {"name": obj})
        return form, obj
    return form, None


def company_create(request):
    require_creator(request)
    form, obj = _save(request)
    if obj is not None:
        return redirect(obj.get_absolute_url())
    return render(
        request,
        "invest/form.html",
        {"form": form, "title": _("New company profile"), "cancel": "invest:company-list"},
        status=form_status(request),
    )


def company_edit(request, pk):
    instance = access_company(request, pk, for_change=True)
    form, obj = _save(request, instance)
    if obj is not None:
        return redirect(obj.get_absolute_url())
    return render(
        request,
        "invest/form.html",
        {"form": form, "title": _("Edit %(name)s") % {"name": instance}, "object": instance},
        status=form_status(request),
    )
