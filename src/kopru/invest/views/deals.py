"""Deals: list with filters and exports, detail with timeline, create, edit, stage moves and notes."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model, Prefetch
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core import access
from kopru.core.models import Sector
from kopru.core.text import fold
from kopru.invest.domain.deal_page import deal_sectors, pipeline_stages, related_lists, timeline
from kopru.invest.domain.deals import StageMoveRefused, move_deal, save_deal_changes, save_new_deal
from kopru.invest.forms import DealForm, MoveForm, leaf_sectors, move_form_html
from kopru.invest.models import Deal, Pipeline, Stage
from kopru.invest.views.access import access_company, access_deal, access_opportunity
from kopru.invest.views.common import form_page
from kopru.ui.display import linked_name
from kopru.ui.errors import add_form_messages
from kopru.ui.forms import NoteForm
from kopru.ui.views.access import has_perm, require_creator, require_staff
from kopru.ui.views.exports import csv_response, export_file_name, neutralise_formula, xlsx_response
from kopru.ui.views.records import post_note, readable_change

EXPORT_LIMIT = 100_000


def filtered_deals(request):
    queryset = access.visible_to(
        Deal.objects.select_related(
            "stage", "pipeline", "company__organisation", "opportunity"
        ).prefetch_related(Prefetch("sectors", queryset=Sector.objects.order_by("code"))),
        request.user,
    )
    params = request.GET
    if params.get("q"):
        queryset = queryset.filter(search_text__contains=fold(params["q"]))
    if params.get("pipeline"):
        queryset = (
            queryset.filter(pipeline_id=params["pipeline"])
            if params["pipeline"].isdigit()
            else queryset.none()
        )
    if params.get("stage"):
        queryset = queryset.filter(stage__code=params["stage"])
    if params.get("sector"):
        queryset = queryset.filter(sectors__code=params["sector"])
    if params.get("company"):
        queryset = queryset.filter(company__organisation__search_text__contains=fold(params["company"]))
    return queryset.order_by("pipeline__name", "stage__order", "position", "pk")


def deal_list(request):
    page = Paginator(filtered_deals(request), settings.KOPRU_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "invest/deal_list.html",
        {
            "page": page,
            "params": request.GET,
            "pipelines": Pipeline.objects.all(),
            "stages": Stage.objects.filter(pipeline__is_default=True).order_by("order"),
            "sectors": leaf_sectors(),
            "can_create": has_perm(request.user, "kopru.add_record"),
            "is_staff": has_perm(request.user, "kopru.add_record"),
        },
    )


EXPORT_COLUMNS = [
    ("id", lambda d: d.pk),
    ("title", lambda d: d.title),
    ("company", lambda d: d.company),  # linked records: named as the exporting user may see them
    ("opportunity", lambda d: d.opportunity),
    ("pipeline", lambda d: d.pipeline.name),
    ("stage", lambda d: d.stage.label),
    ("stage since", lambda d: d.stage_since.date().isoformat()),
    ("sectors", lambda d: "; ".join(s.code for s in d.sectors.all())),
    ("province", lambda d: d.province),
    ("currency", lambda d: d.currency),
    ("announced (million)", lambda d: d.announced_amount),
    ("committed (million)", lambda d: d.committed_amount),
    ("realised (million)", lambda d: d.realised_amount),
    ("expected capex (million)", lambda d: d.expected_capex),
    ("capacity", lambda d: d.capacity_text),
    ("jobs", lambda d: d.jobs),
    ("probability (%)", lambda d: d.effective_probability),
    ("agreement signed on", lambda d: d.agreement_signed_on.isoformat() if d.agreement_signed_on else ""),
    ("next action", lambda d: d.next_action),
    ("next action due", lambda d: d.next_action_due.isoformat() if d.next_action_due else ""),
    ("lost because", lambda d: d.get_lost_reason_display() if d.lost_reason else ""),
    ("visibility", lambda d: d.visibility),
]


def _inert(value):
    return "" if value is None else neutralise_formula(value)


def _export_rows(request):
    require_staff(request)  # before any file is started
    return (
        [_inert(_shown(getter(deal), request.user)) for _name, getter in EXPORT_COLUMNS]
        for deal in filtered_deals(request)[:EXPORT_LIMIT]
    )


def _shown(value, user):
    return linked_name(value, user) if isinstance(value, Model) else value


def deal_export_csv(request):
    rows = _export_rows(request)
    return csv_response(export_file_name("deals", "csv"), [name for name, _getter in EXPORT_COLUMNS], rows)


def deal_export_xlsx(request):
    rows = _export_rows(request)
    return xlsx_response(
        export_file_name("deals", "xlsx"),
        "deals",
        [name for name, _getter in EXPORT_COLUMNS],
        ([float(v) if hasattr(v, "as_tuple") else v for v in row] for row in rows),
    )


def _history_change(change, user) -> dict:
    """One change of the audit log in the generic history's words, times in the reader's format."""
    shown = readable_change(Deal, change, user)
    for side in ("old", "new"):
        value = getattr(change, side)
        if isinstance(value, datetime.datetime):
            shown[side] = date_format(localtime(value), "DATETIME_FORMAT")
    return shown


HISTORY_SHOWN = 30


def deal_detail(request, pk):
    # every deal has both and the page shows both: read with the deal, not a query each. Not its company,
    # opportunity or next-action owner (often empty): six joined tables took PostgreSQL 0.9 ms to plan.
    deal = access_deal(request, pk, related=("pipeline", "stage"))
    user = request.user
    staff = has_perm(user, "kopru.add_record")
    can_change = has_perm(user, "kopru.change_record", deal)  # asked once: the page shows it twice
    stages = pipeline_stages(deal)  # the move form's choices and the timeline's stages
    lists = related_lists(deal, user, staff=staff, history_shown=HISTORY_SHOWN)
    history = [
        # the generic history's wording: field labels, names of linked records, values as people read them
        {
            "record": record,
            "changes": [
                _history_change(change, user)
                for change in (record.diff_against(previous).changes if previous else [])
            ],
        }
        for record, previous in lists["history"]
    ]
    return render(
        request,
        "invest/deal_detail.html",
        {
            "object": deal,
            "is_staff": staff,
            "can_change": can_change,
            "stage_changes": timeline(deal, stages),
            "engagements": lists["engagements"],
            "attachments": lists["attachments"],
            "sectors": deal_sectors(deal),
            "evidence": lists["evidence"],
            "notes": lists["notes"],
            "note_form": NoteForm() if staff else None,
            "note_url": "invest:deal-note",
            # the form as its HTML (`MoveForm.as_p`), drawn once per language, stages and chosen stage
            "move_form": move_form_html(deal, user, stages, request.GET.get("move_to") or deal.stage_id)
            if can_change
            else None,
            "history": history,
        },
    )


def deal_create(request):
    require_creator(request)
    initial = {}
    if request.GET.get("company"):
        initial["company"] = access_company(request, request.GET["company"]).pk
    if request.GET.get("opportunity"):
        opportunity = access_opportunity(request, request.GET["opportunity"])
        initial.update(
            opportunity=opportunity.pk,
            title=opportunity.title,
            province=opportunity.province,
            sectors=[s.pk for s in opportunity.sectors.all()],
            jobs=opportunity.jobs,
            expected_capex=opportunity.capex_musd,
        )
    pipeline = Pipeline.objects.filter(is_default=True).first()
    if pipeline:
        initial.setdefault("pipeline", pipeline.pk)
        initial.setdefault("stage", pipeline.stages.order_by("order").values_list("pk", flat=True).first())
    form = DealForm(request.POST or None, user=request.user, initial=initial)
    return form_page(
        request,
        form,
        lambda form: save_new_deal(form, user=request.user),
        title=_("New deal"),
        cancel="invest:deal-list",
    )


def deal_edit(request, pk):
    instance = access_deal(request, pk, for_change=True)
    form = DealForm(request.POST or None, instance=instance, user=request.user)
    return form_page(request, form, save_deal_changes, instance=instance)


def _wants_json(request) -> bool:
    return bool(request.headers.get("HX-Request")) or "application/json" in request.headers.get("Accept", "")


@require_POST
def deal_move(request, pk):
    """Move a deal (board drag and drop answers in JSON; the form on the deal page redirects back)."""
    deal = access_deal(request, pk, for_change=True)
    form = MoveForm(request.POST, deal=deal, user=request.user)
    if not form.is_valid():
        reason = "; ".join(str(m) for errors in form.errors.values() for m in errors)
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": reason, "fields": form.errors}, status=422)
        add_form_messages(request, form)
        return redirect(deal.get_absolute_url())
    data = form.cleaned_data
    try:
        change = move_deal(
            deal,
            data["stage"],
            user=request.user,
            note=data.get("note") or "",
            lost_reason=data.get("lost_reason") or "",
            position=data.get("position"),
            override_reason=data.get("override_reason") or "",
        )
    except StageMoveRefused as refusal:
        if _wants_json(request):
            return JsonResponse(
                {"ok": False, "error": refusal.reason, "overridable": refusal.overridable, "deal": deal.pk},
                status=409,
            )
        messages.error(request, refusal.reason)
        return redirect(f"{deal.get_absolute_url()}?move_to={data['stage'].pk}#move")
    deal.refresh_from_db()
    if _wants_json(request):
        return JsonResponse(
            {"ok": True, "deal": deal.pk, "stage": deal.stage.code, "moved": change is not None}
        )
    if change is not None:
        messages.success(request, _("Moved to %(stage)s.") % {"stage": deal.stage.label})
    return redirect(deal.get_absolute_url())


def _note_view(fetch):
    @require_POST
    def view(request, pk):
        return post_note(request, fetch(request, pk))

    return view


deal_note = _note_view(access_deal)
opportunity_note = _note_view(access_opportunity)
company_note = _note_view(access_company)
