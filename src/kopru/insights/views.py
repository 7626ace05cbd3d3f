"""Insights pages. Thin: parse the scope, call a domain function, render. Every page needs a signed-in
user and shows only what that user may read (packs for non-staff users are public packs)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core.models import Sector
from kopru.engage.enums import AreaStatus
from kopru.engage.models import CooperationArea
from kopru.insights.domain import (
    callstats,
    charts,
    commitments,
    digests,
    drill,
    graph,
    overview,
    packs,
    provinces,
)
from kopru.insights.domain.memo import one_version, remembered
from kopru.insights.domain.scope import ScopeError, scope_from_params
from kopru.insights.domain.sources import KIND_LABELS
from kopru.insights.forms import FollowForm, SavedFilterForm
from kopru.insights.models import Follow, FollowKind, SavedFilter
from kopru.insights.pdf import render_pdf
from kopru.ui.listing import apply_list_params, base_queryset
from kopru.ui.registry import RECORD_TYPES
from kopru.ui.views.access import LoginRequired
from kopru.ui.views.exports import csv_response, export_file_name, xlsx_response

SHOWN = 100  # commitments listed on the page, most urgent first (the exports have them all)


def _signed_in(request):
    if not request.user.is_authenticated:
        raise LoginRequired


def _scope(request, **kwargs):
    try:
        return scope_from_params(request.GET, **kwargs)
    except ScopeError as error:
        raise BadScope(str(error)) from None


class BadScope(Exception):
    pass


def _bad(request, error):
    return render(request, "insights/error.html", {"error": error}, status=400)


def _scope_context(request, scope) -> dict:
    pairs = {scope.pair_key}
    for a, b in CooperationArea.objects.values_list("country_a_id", "country_b_id").distinct().order_by():
        pairs.add(f"{a}-{b}")
    return {
        "scope": scope,
        "pairs": sorted(pairs),
        "sectors": Sector.objects.order_by("parent__code", "code"),
        "query": scope.params(),
    }


def guarded(view):
    def wrapper(request, *args, **kwargs):
        _signed_in(request)
        try:
            with one_version():
                return view(request, *args, **kwargs)
        except BadScope as error:
            return _bad(request, str(error))

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _page(request, name: str, parts: tuple, context):
    """Render insights/<name>.html around its body, insights/<name>_body.html, which is rendered from
    context() once per reader class, language, scope and data version (kopru.insights.domain.memo):
    a repeated request renders only the frame (who is signed in, messages, CSRF token)."""
    body = remembered(
        f"page:{name}", request.user, parts, lambda: render_to_string(f"insights/{name}_body.html", context())
    )
    return render(request, f"insights/{name}.html", {"body": body})


@guarded
def overview_page(request):
    scope = _scope(request)

    def context():
        sectors = overview.sector_table(scope, request.user)
        quarters = overview.quarter_table(scope, request.user)
        return _scope_context(request, scope) | {
            "sectors_table": sectors,
            "heatmap": overview.heatmap(sectors),
            "quarters_table": quarters,
            "quarters_chart": charts.chart_data(quarters, "quarter", list(overview.COUNTED)),
        }

    return _page(request, "overview", (scope,), context)


@guarded
def records_page(request):
    scope = _scope(request)
    kind = request.GET.get("kind", "")
    if kind not in KIND_LABELS:
        return _bad(request, _("Say which records to list (kind)."))
    status = request.GET.get("status", "")
    if status and status not in AreaStatus.values:
        return _bad(request, _("Unknown status “%(status)s”.") % {"status": status})
    try:
        count, found = drill.records(
            scope, request.user, kind, status=status, quarter=request.GET.get("quarter", "")
        )
    except ScopeError as error:
        return _bad(request, str(error))
    context = _scope_context(request, scope) | {
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "count": count,
        "records": found,
        "quarter": request.GET.get("quarter", ""),
        "limit": drill.LIMIT,
    }
    return render(request, "insights/records.html", context)


@guarded
def commitments_page(request):
    scope = _scope(request)

    def context():
        items = commitments.commitments(scope, request.user)
        rates = commitments.delivery_tables(items)
        return _scope_context(request, scope) | {
            "summary": commitments.summary(items),
            "status_labels": commitments.STATUS_LABELS,
            "table": commitments.commitment_table(items, limit=SHOWN),
            "shown": SHOWN,
            "total": len(items),
            "rates": rates,
            "rate_chart": charts.chart_data(rates[0], "group", ["rate"]),
        }

    return _page(request, "commitments", (scope, SHOWN), context)


@guarded
def graph_page(request):
    scope = _scope(request, default_days=charts.GRAPH_DAYS)

    def context():
        data = graph.graph(scope, request.user)
        return _scope_context(request, scope) | {"graph": data, "table": graph.edge_table(data)}

    return _page(request, "graph", (scope,), context)


@guarded
def map_page(request):
    scope = _scope(request)
    stage = request.GET.get("stage", "")

    def context():
        table, stages = provinces.province_table(scope, request.user)
        key = f"stage_{stage}" if stage and f"stage_{stage}" in table.keys else "value"
        return _scope_context(request, scope) | {
            "table": table,
            "stages": stages,
            "stage_key": key,
            "map": provinces.choropleth(table, key),
        }

    return _page(request, "map", (scope, stage), context)


@guarded
def calls_page(request):
    scope = _scope(request)

    def context():
        tables = callstats.call_tables(scope, request.user)
        return _scope_context(request, scope) | {
            "tables": tables,
            "topic_chart": charts.chart_data(tables[0], "topic", ["proposals", "funded"]),
        }

    return _page(request, "calls", (scope,), context)


@guarded
def export_table(request, name, extension):
    scope = _scope(request, default_days=charts.GRAPH_DAYS if name == "graph" else None)
    try:
        table = charts.build(name, scope, request.user)
    except ScopeError:
        raise Http404("No such table") from None
    file_name = export_file_name(f"insights-{name}", extension)
    if extension == "csv":
        return csv_response(file_name, table.header(), table.values())
    return xlsx_response(file_name, str(table.title)[:31], table.header(), table.values())


def export_csv(request, name):
    return export_table(request, name, "csv")


def export_xlsx(request, name):
    return export_table(request, name, "xlsx")


def _pack_response(request, pack, pdf: bool, file_stem: str, parts: tuple):
    following = _following(request.user, pack)
    sections = remembered(
        "page:pack",
        request.user,
        parts,
        lambda: render_to_string("insights/_pack_sections.html", {"pack": pack}),
    )
    context = {
        "pack": pack,
        "pdf": pdf,
        "following": following,
        "follow_kind": pack.kind,
        "sections": sections,
    }
    if not pdf:
        return render(request, "insights/pack.html", context)
    html = render(request, "insights/pack.html", context).content.decode()
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_stem}.pdf"'
    return response


def _following(user, pack):
    target = getattr(pack, "target", "")
    if not target:
        return None
    return Follow.objects.filter(user=user, kind=pack.kind, target=target).exists()


@guarded
def pack_person(request, pk, pdf=False):
    scope = _scope(request)
    pack = packs.person_pack(pk, request.user, scope)
    pack.target = str(pk)
    return _pack_response(request, pack, pdf, f"kopru-pack-person-{pk}", ("person", pk, scope))


@guarded
def pack_organisation(request, pk, pdf=False):
    scope = _scope(request)
    pack = packs.organisation_pack(pk, request.user, scope)
    pack.target = str(pk)
    return _pack_response(request, pack, pdf, f"kopru-pack-organisation-{pk}", ("organisation", pk, scope))


@guarded
def pack_pair(request, pdf=False):
    scope = _scope(request)
    pack = packs.pair_pack(request.user, scope)
    pack.target = scope.sector
    pack.kind = FollowKind.SECTOR if scope.sector else "pair"
    pack.query = scope.params()
    stem = f"kopru-pack-{scope.pair_key}-{scope.sector or 'all'}"
    return _pack_response(request, pack, pdf, stem, ("pair", scope))


def pack_person_pdf(request, pk):
    return pack_person(request, pk, pdf=True)


def pack_organisation_pdf(request, pk):
    return pack_organisation(request, pk, pdf=True)


def pack_pair_pdf(request):
    return pack_pair(request, pdf=True)


def _back(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_POST
def follow_view(request):
    _signed_in(request)
    form = FollowForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Say what to follow."))
    kind, target = form.cleaned_data["kind"], form.cleaned_data["target"]
    if form.cleaned_data["action"] == "unfollow":
        digests.unfollow(request.user, kind, target)
        messages.success(request, _("You no longer follow it."))
    else:
        try:
            digests.follow(request.user, kind, target)
        except ValidationError as error:
            raise Http404(error.messages[0]) from None
        messages.success(request, _("Followed: changes will be in your weekly digest."))
    return _back(request, reverse("insights:following"))


def following_page(request):
    _signed_in(request)
    form = SavedFilterForm(
        request.POST or None,
        initial={"slug": request.GET.get("slug", ""), "query": request.GET.get("query", "")},
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.user = request.user
        saved.save()
        messages.success(request, _("Saved “%(name)s”; its feed is below.") % {"name": saved.name})
        return redirect("insights:following")
    follows = list(Follow.objects.filter(user=request.user))
    context = {
        "follows": follows,
        "labels": _follow_labels(follows, request.user),
        "filters": SavedFilter.objects.filter(user=request.user),
        "form": form,
        "preview": digests.digest_items(request.user, until=_tomorrow()),
    }
    return render(
        request, "insights/following.html", context, status=400 if request.method == "POST" else 200
    )


def _tomorrow():
    return timezone.localdate() + dt.timedelta(days=1)


def _follow_labels(follows, user) -> dict:
    labels = {}
    for item in follows:
        try:
            obj = digests.resolve_target(item.kind, item.target, user)
        except ValidationError:
            obj = None
        labels[item.pk] = (
            str(obj) if obj else item.target,
            obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "",
        )
    return labels


@require_POST
def filter_delete(request, pk):
    _signed_in(request)
    saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
    saved.delete()
    messages.success(request, _("Deleted “%(name)s”.") % {"name": saved.name})
    return redirect("insights:following")


class SavedFilterFeed(Feed):
    """An Atom feed of a saved list filter: the newest records matching it, as its owner may read them.
    The URL carries a secret token (feed readers have no session)."""

    feed_type = Atom1Feed

    def get_object(self, request, token):
        saved = SavedFilter.objects.filter(token=token).select_related("user").first()
        if saved is None or not saved.user.is_active or saved.slug not in RECORD_TYPES:
            raise Http404("No such feed")
        return saved

    def title(self, saved):
        return f"Köprü: {saved.name}"

    def link(self, saved):
        return f"{reverse('record-list', args=[saved.slug])}?{saved.query}"

    def subtitle(self, saved):
        return str(RECORD_TYPES[saved.slug].label)

    def items(self, saved):
        record_type = RECORD_TYPES[saved.slug]
        queryset = apply_list_params(
            record_type, base_queryset(record_type, saved.user), QueryDict(saved.query)
        )
        if not record_type.has_visibility:
            return list(queryset[:50])
        return list(queryset.order_by("-updated_at", "-pk")[:50])

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return getattr(item, "summary", "") or getattr(item, "description", "") or ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_updateddate(self, item):
        return getattr(item, "updated_at", None)

    def item_pubdate(self, item):
        return getattr(item, "created_at", None)


saved_filter_feed = SavedFilterFeed()
