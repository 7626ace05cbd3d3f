"""The cooperation-areas board: each sector a row, each lifecycle status a column, each area a card that
says what happened in it — its engagements and agreements and when it last moved.

Counts and dates come only from the engagements and agreements the reader may see, so a card never
reveals that the other side has internal records in a sector.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from kopru.core.access import visible_to
from kopru.core.models import Sector
from kopru.engage.enums import AreaStatus
from kopru.engage.models import Agreement, CooperationArea, Engagement


@dataclass(frozen=True)
class AreaCard:
    area: CooperationArea
    engagements: int
    agreements: int
    last_activity: datetime.date | None


@dataclass(frozen=True)
class BoardRow:
    sector: Sector
    cells: list[list[AreaCard]]  # one list of cards per status, in lifecycle order


def _linked(through, area_field: str, record_field: str, records: QuerySet, date_field: str, area_ids):
    """{area id: (count, latest date)} over the `records` linked to the areas through an m2m table."""
    today = timezone.localdate()
    counts = {
        row[area_field]: row["n"]
        for row in through.objects.filter(**{f"{area_field}__in": area_ids, f"{record_field}__in": records})
        .values(area_field)
        .annotate(n=Count(record_field))
        .order_by()
    }
    # A meeting planned for next month is not activity yet: only dates up to today count.
    latest = {
        row[area_field]: row["last"]
        for row in through.objects.filter(
            **{
                f"{area_field}__in": area_ids,
                f"{record_field}__in": records,
                f"{record_field}__{date_field}__lte": today,
            }
        )
        .values(area_field)
        .annotate(last=Max(f"{record_field}__{date_field}"))
        .order_by()
    }
    return {area_id: (count, latest.get(area_id)) for area_id, count in counts.items()}


def board_rows(user) -> list[BoardRow]:
    areas = list(visible_to(CooperationArea.objects.select_related("sector", "country_a", "country_b"), user))
    area_ids = [area.pk for area in areas]
    engagements = _linked(
        CooperationArea.engagements.through,
        "cooperationarea_id",
        "engagement",
        visible_to(Engagement.objects.all(), user).values("pk"),
        "start_date",
        area_ids,
    )
    agreements = _linked(
        CooperationArea.agreements.through,
        "cooperationarea_id",
        "agreement",
        visible_to(Agreement.objects.all(), user).values("pk"),
        "signed_date",
        area_ids,
    )
    by_cell: dict[tuple[int, str], list[AreaCard]] = {}
    for area in areas:
        engagement_count, engagement_date = engagements.get(area.pk, (0, None))
        agreement_count, agreement_date = agreements.get(area.pk, (0, None))
        dates = [date for date in (area.status_since, engagement_date, agreement_date) if date]
        card = AreaCard(area, engagement_count, agreement_count, max(dates) if dates else None)
        by_cell.setdefault((area.sector_id, area.status), []).append(card)
    sectors = sorted({area.sector for area in areas}, key=lambda sector: str(sector).casefold())
    return [
        BoardRow(sector, [by_cell.get((sector.pk, status.value), []) for status in AreaStatus])
        for sector in sectors
    ]
