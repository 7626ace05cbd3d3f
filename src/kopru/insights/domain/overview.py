"""The cooperation overview of a country pair: where each sector stands (the cooperation area's status)
and how much happened in it (engagements, agreements, deals, call proposals), and activity per quarter."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import TruncQuarter
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopru.core.models import Sector
from kopru.engage.enums import AreaStatus
from kopru.insights.domain import sources
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope, quarter_of
from kopru.insights.domain.tables import Table
from kopru.invest.models import StageChange

NO_AREA = "none"
COUNTED = ("engagements", "agreements", "deals", "proposals")


def _drill(scope: Scope, **extra) -> str:
    return f"{reverse('insights:records')}?{scope.params(**extra)}"


def _per_sector(queryset, lookup: str) -> dict[str, int]:
    rows = (
        queryset.filter(**{f"{lookup}__isnull": False}).values(lookup).annotate(n=Count("pk", distinct=True))
    )
    return {row[lookup]: row["n"] for row in rows.order_by()}


def sector_table(scope: Scope, user) -> Table:
    """One row per sector with an area or any activity: the area's status and the counts behind it."""
    return remembered("sectors", user, (scope,), lambda: _sector_table(scope, user))


def _sector_table(scope: Scope, user) -> Table:
    table = Table(
        "sectors",
        _("Cooperation by sector"),
        [
            ("sector", _("sector")),
            ("code", _("code")),
            ("status", _("area status")),
            ("engagements", _("engagements")),
            ("agreements", _("agreements")),
            ("deals", _("deals")),
            ("proposals", _("call proposals")),
            ("total", _("total")),
        ],
    )
    status_of = dict(sources.areas(scope, user).values_list("sector__code", "status").order_by())
    area_ids = dict(sources.areas(scope, user).values_list("sector__code", "pk").order_by())
    counts = {
        "engagements": _per_sector(sources.engagements(scope, user), "sectors__code"),
        "agreements": _per_sector(sources.agreements(scope, user), "sectors__code"),
        "deals": _per_sector(sources.deals(scope, user), "sectors__code"),
        "proposals": _per_sector(sources.proposals(scope, user), "topic__code"),
    }
    codes = set(status_of)
    for per in counts.values():
        codes |= set(per)
    if scope.sector:
        codes &= set(scope.sector_codes)
    sectors = {sector.code: sector for sector in Sector.objects.filter(code__in=codes)}
    labels = dict(AreaStatus.choices)
    for code in sorted(codes, key=lambda c: str(sectors[c]) if c in sectors else c):
        row = {kind: counts[kind].get(code, 0) for kind in COUNTED}
        row["total"] = sum(row[kind] for kind in COUNTED)
        status = status_of.get(code, NO_AREA)
        row.update(
            sector=str(sectors.get(code, code)), code=code, status=str(labels.get(status, _("no area")))
        )
        links = {kind: _drill(scope, sector=code, kind=kind) for kind in COUNTED if row[kind]}
        if code in area_ids:
            links["status"] = reverse("record-detail", args=["areas", area_ids[code]])
        links["sector"] = f"{reverse('insights:pack-pair')}?{scope.params(sector=code)}"
        table.add(row, links)
        table.rows[-1]["status_key"] = status
    return table


def heatmap(table: Table) -> dict:
    """The sector × status matrix drawn from the sector table: each sector's activity sits in its area's
    status column (the colour is the number of records), so the map shows how far and how busy."""
    columns = [(value, str(label)) for value, label in AreaStatus.choices] + [(NO_AREA, str(_("no area")))]
    peak = max((row["total"] for row in table.rows), default=0) or 1
    rows = []
    for row, links in zip(table.rows, table.links, strict=True):
        cells = []
        for status, _label in columns:
            if row["status_key"] == status:
                cells.append(
                    {
                        "value": row["total"],
                        "level": round(row["total"] / peak, 2),
                        "url": links.get("status") or links.get("engagements", ""),
                    }
                )
            else:
                cells.append(None)
        rows.append(
            {"sector": row["sector"], "code": row["code"], "cells": cells, "url": links.get("sector", "")}
        )
    return {"columns": columns, "rows": rows}


def quarter_table(scope: Scope, user) -> Table:
    """Activity per quarter: engagements held, agreements signed, deals that moved, proposals submitted."""
    return remembered("quarters", user, (scope,), lambda: _quarter_table(scope, user))


def _quarter_table(scope: Scope, user) -> Table:
    table = Table(
        "quarters",
        _("Activity per quarter"),
        [
            ("quarter", _("quarter")),
            ("engagements", _("engagements")),
            ("agreements", _("agreements")),
            ("deals", _("deals moved")),
            ("proposals", _("proposals submitted")),
        ],
    )
    per: dict[str, dict[str, int]] = defaultdict(dict)

    def collect(kind, queryset, field):
        rows = (
            queryset.filter(**{f"{field}__isnull": False})
            .annotate(q=TruncQuarter(field))
            .values("q")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in rows:
            per[quarter_of(row["q"])][kind] = row["n"]

    collect("engagements", sources.engagements(scope, user), "start_date")
    collect("agreements", sources.agreements(scope, user), "signed_date")
    collect("proposals", sources.proposals(scope, user), "submitted_at")
    moves = (
        StageChange.objects.filter(deal__in=sources.deals(scope, user).values("pk"))
        .filter(scope.date_q("at__date"))
        .annotate(q=TruncQuarter("at"))
        .values("q")
        .annotate(n=Count("deal", distinct=True))
        .order_by()
    )
    for row in moves:
        per[quarter_of(row["q"])]["deals"] = row["n"]
    for quarter in sorted(per):
        row = {"quarter": quarter, **{kind: per[quarter].get(kind, 0) for kind in COUNTED}}
        links = {kind: _drill(scope, kind=kind, quarter=quarter) for kind in COUNTED if row[kind]}
        table.add(row, links)
    return table
