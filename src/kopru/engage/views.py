"""The engagements app's pages: the dashboard, the timeline, the cooperation-area board and its status
changes, and the iCalendar feed."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from kopru.core.access import visible_to
from kopru.engage.dashboard_rows import action_rows_html, latest_rows_html
from kopru.engage.domain import dashboard as dashboard_data
from kopru.engage.domain.area_board import board_rows
from kopru.engage.domain.areas import advance_area
from kopru.engage.enums import AreaStatus, EngagementStatus
from kopru.engage.forms import AreaTransitionForm
from kopru.engage.models import Engagement
from kopru.ui.errors import add_form_messages, attempt
from kopru.ui.registry import record_type_for
from kopru.ui.views.access import access_record, require_staff


def dashboard(request):
    user = request.user
    latest = dashboard_data.latest_engagements(user)
    open_actions = dashboard_data.open_actions(user)
    today = timezone.localdate()
    return render(
        request,
        "engage/dashboard.html",
        {
            "counts": dashboard_data.card_counts(user),
            "latest": latest,
            "latest_rows": latest_rows_html(latest, user, dashboard_data.participants_of(latest)),
            "open_actions": open_actions,
            "action_rows": action_rows_html(open_actions, user, today),
            "today": today,
        },
    )


def engagement_timeline(request):
    """Held and past engagements by month, newest first; what is under way and what is coming up on top;
    undated ones apart by status, so a planned visit never sits among meetings that took place."""
    today = timezone.localdate()
    visible = visible_to(
        Engagement.objects.select_related("country").prefetch_related("people"), request.user
    )
    dated = visible.filter(start_date__isnull=False)
    ongoing = list(dated.filter(status=EngagementStatus.ONGOING).order_by("start_date")[:50])
    upcoming = list(
        dated.filter(status=EngagementStatus.PLANNED, start_date__gte=today).order_by("start_date")[:100]
    )
    past = (
        dated.exclude(status=EngagementStatus.ONGOING)
        .exclude(status=EngagementStatus.PLANNED, start_date__gte=today)
        .order_by("-start_date")[:300]
    )
    months = [
        (key, list(items)) for key, items in groupby(past, key=lambda e: e.start_date.strftime("%Y-%m"))
    ]
    undated = visible.filter(start_date__isnull=True)
    context = {
        "ongoing": ongoing,
        "upcoming": upcoming,
        "months": months,
        "undated_planned": list(undated.filter(status=EngagementStatus.PLANNED)[:50]),
        "undated_ongoing": list(undated.filter(status=EngagementStatus.ONGOING)[:50]),
        "undated_held": list(undated.filter(status=EngagementStatus.HELD)[:50]),
    }
    return render(request, "engage/timeline.html", context)


def area_board(request):
    rows = board_rows(request.user)
    return render(request, "engage/board.html", {"statuses": list(AreaStatus), "rows": rows})


@require_POST
def area_advance(request, pk):
    area = access_record(request, record_type_for("areas"), pk, for_change=True)
    form = AreaTransitionForm(request.POST)
    if form.is_valid():
        attempt(
            request, lambda: advance_area(area, by=request.user, **form.cleaned_data), _("Status changed.")
        )
    else:
        add_form_messages(request, form)
    return redirect(area.get_absolute_url())


def engagements_ical(request):
    require_staff(request)
    calendar = Calendar()
    calendar.add("prodid", "-//Köprü//engagements//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Köprü engagements")
    engagements = visible_to(Engagement.objects.filter(start_date__isnull=False), request.user)
    host = request.get_host()
    for engagement in engagements[:5000]:
        event = Event()
        event.add("uid", f"engagement-{engagement.pk}@{host}")
        event.add("summary", engagement.get_title_display())
        event.add("dtstart", engagement.start_date)
        event.add("dtend", (engagement.end_date or engagement.start_date) + datetime.timedelta(days=1))
        event.add("dtstamp", engagement.updated_at)
        if engagement.place:
            event.add("location", engagement.place)
        event.add(
            "status",
            "CANCELLED"
            if engagement.status == "cancelled"
            else "TENTATIVE"
            if engagement.status == "planned"
            else "CONFIRMED",
        )
        event.add("description", engagement.summary)
        event.add("url", request.build_absolute_uri(engagement.get_absolute_url()))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kopru-engagements.ics"'
    return response
