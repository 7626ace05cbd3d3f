"""Opportunity catalogue: list, detail with ranked companies and offered incentives, create and edit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.notes import notes_for
from kopru.core.text import fold
from kopru.invest.domain.incentives import offered_incentives, region_of
from kopru.invest.domain.matchmaking import companies_for_opportunity
from kopru.invest.enums import OpportunityKind, OpportunityStatus
from kopru.invest.forms import OpportunityForm, leaf_sectors
from kopru.invest.models import Opportunity
from kopru.invest.views.access import access_opportunity
from kopru.invest.views.common import form_status
from kopru.web.forms import NoteForm
from kopru.web.views.access import require_creator


def opportunity_list(request):
    queryset = access.visible_to(
        Opportunity.objects.select_related("host_country").prefetch_related("sectors"), request.user
    )
    params = request.GET
    if params.get("q"):
        queryset = queryset.filter(search_text__contains=fold(params["q"]))
    if params.get("kind"):
        queryset = queryset.filter(kind=params["kind"])
    if params.get("status"):
        queryset = queryset.filter(status=params["status"])
    if params.get("sector"):
        queryset = queryset.filter(sectors__code=params["sector"])
    page = Paginator(queryset.order_by("title", "pk"), settings.KOPRU_PAGE_SIZE).get_page(params.get("page"))
    return render(
        request,
        "invest/opportunity_list.html",
        {
            "page": page,
            "kinds": OpportunityKind.choices,
            "statuses": OpportunityStatus.choices,
            "sectors": leaf_sectors(),
            "params": params,
            "can_create": access.can_create(request.user),
        },
    )


def opportunity_detail(request, pk):
    opportunity = access_opportunity(request, pk)
    user = request.user
    matches, match_note = (
        companies_for_opportunity(opportunity, user) if access.can_create(user) else ([], "")
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
            "show_matches": access.can_create(user),
            "deals": access.visible_to(
                opportunity.deals.select_related("stage", "company__organisation"), user
            ),
            "contacts": access.visible_to(opportunity.contacts.all(), user),
            "attachments": access.visible_to(opportunity.attachments.all(), user),
            "can_change": access.can_change(user, opportunity),
            "notes": notes_for(opportunity, user),
            "note_form": NoteForm() if access.can_create(user) else None,
            "note_url": "invest:opportunity-note",
        },
    )


def _save(request, instance=None):
    form = OpportunityForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
        messages.success(request, _("Saved “%(name)s”.") % {"name": obj})
        return form, obj
    return form, None


def opportunity_create(request):
    require_creator(request)
    form, obj = _save(request)
    if obj is not None:
        return redirect(obj.get_absolute_url())
    return render(
        request,
        "invest/form.html",
        {"form": form, "title": _("New opportunity"), "cancel": "invest:opportunity-list"},
        status=form_status(request),
    )


def opportunity_edit(request, pk):
    instance = access_opportunity(request, pk, for_change=True)
    form, obj = _save(request, instance)
    if obj is not None:
        return redirect(obj.get_absolute_url())
    return render(
        request,
        "invest/form.html",
        {"form": form, "title": _("Edit %(name)s") % {"name": instance}, "object": instance},
        status=form_status(request),
    )
