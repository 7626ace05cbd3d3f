"""Dashboard, global search, engagement timeline and the cooperation-area board."""

from __future__ import annotations

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone

from kopru.core.access import visible_to
from kopru.core.domain.search import search_everything
from kopru.core.models import Document, Organisation, Person, Sector
from kopru.engage.enums import OPEN_ACTION_STATUSES, AreaStatus
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement


def dashboard(request):
    user = request.user
    counts = [
        ("engagements", visible_to(Engagement.objects.all(), user).count()),
        ("agreements", visible_to(Agreement.objects.all(), user).count()),
        ("areas", visible_to(CooperationArea.objects.all(), user).count()),
        ("claims", visible_to(Claim.objects.all(), user).count()),
        ("people", visible_to(Person.objects.all(), user).count()),
        ("organisations", visible_to(Organisation.objects.all(), user).count()),
        ("documents", visible_to(Document.objects.all(), user).count()),
    ]
    latest = visible_to(Engagement.objects.prefetch_related("people"), user)[:8]
    open_actions = visible_to(
        Action.objects.filter(status__in=OPEN_ACTION_STATUSES).select_related("owner"), user
    ).order_by("due_date")[:10]
    return render(
        request,
        "ui/dashboard.html",
        {
            "counts": counts,
            "latest": latest,
            "open_actions": open_actions,
            "today": timezone.localdate(),
        },
    )


def search(request):
    query = request.GET.get("q", "").strip()
    groups = search_everything(request.user, query) if query else []
    return render(request, "ui/search.html", {"query": query, "groups": groups})


def engagement_timeline(request):
    engagements = visible_to(
        Engagement.objects.filter(start_date__isnull=False)
        .select_related("country")
        .prefetch_related("people"),
        request.user,
    ).order_by("-start_date")[:300]
    undated = visible_to(Engagement.objects.filter(start_date__isnull=True), request.user)[:50]
    months = [
        (key, list(items))
        for key, items in groupby(engagements, key=lambda e: e.start_date.strftime("%Y-%m"))
    ]
    return render(request, "ui/timeline.html", {"months": months, "undated": undated})


def area_board(request):
    areas = visible_to(
        CooperationArea.objects.select_related("sector", "country_a", "country_b"), request.user
    )
    by_cell: dict[tuple[int, str], list] = {}
    for area in areas:
        by_cell.setdefault((area.sector_id, area.status), []).append(area)
    sector_ids = {sector_id for sector_id, _ in by_cell}
    rows = [
        (sector, [by_cell.get((sector.pk, status.value), []) for status in AreaStatus])
        for sector in Sector.objects.filter(pk__in=sector_ids).order_by("code")
    ]
    return render(request, "ui/board.html", {"statuses": list(AreaStatus), "rows": rows})
