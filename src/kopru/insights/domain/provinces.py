"""The investment map: deals and opportunities by Turkish province, value by stage, drawn as an SVG
choropleth from the vendored province shapes (data/geo/tr-provinces.geojson, OpenStreetMap, ODbL)."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopru.core.access import visible_to
from kopru.insights.domain import sources
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope
from kopru.insights.domain.tables import Table
from kopru.invest.models import Opportunity, Stage
from kopru.invest.validators import province_rows

WIDTH = 1000.0
COLOURS = ["#f1f5f9", "#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#1e3a8a"]


@lru_cache(maxsize=1)
def shapes() -> dict:
    """{"viewbox": "...", "provinces": [{"plate", "name", "path", "x", "y"}]} — projected once per process."""
    with open(settings.DATA_DIR / "geo" / "tr-provinces.geojson", encoding="utf-8") as handle:
        collection = json.load(handle)
    points = [
        point
        for feature in collection["features"]
        for polygon in feature["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
    ]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    aspect = math.cos(math.radians((min_y + max_y) / 2))  # equirectangular, true at the middle latitude
    scale = WIDTH / ((max_x - min_x) * aspect)
    height = (max_y - min_y) * scale

    def project(point):
        return ((point[0] - min_x) * aspect * scale, (max_y - point[1]) * scale)

    provinces = []
    for feature in collection["features"]:
        parts, xs, ys = [], [], []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                projected = [project(point) for point in ring]
                xs += [x for x, _y in projected]
                ys += [y for _x, y in projected]
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z")
        provinces.append(
            {
                "plate": feature["properties"]["plate"],
                "name": feature["properties"]["name"],
                "path": "".join(parts),
                "x": round(sum(xs) / len(xs), 1),
                "y": round(sum(ys) / len(ys), 1),
            }
        )
    return {"viewbox": f"0 0 {WIDTH:.0f} {height:.0f}", "provinces": provinces}


@lru_cache(maxsize=512)
def plate_of(name: str) -> str:
    rows = province_rows(name) if name else []
    return rows[0].plate if rows else ""


def province_table(scope: Scope, user) -> tuple[Table, list]:
    """See _province_table; remembered until the record changes."""
    return remembered("provinces", user, (scope,), lambda: _province_table(scope, user))


def _province_table(scope: Scope, user) -> tuple[Table, list]:
    """One row per province with deals or opportunities: counts, and deal value (USD million, announced
    or, when set, committed) per stage. Returns the table and the stages in column order."""
    stages = list(Stage.objects.filter(pipeline__is_default=True).order_by("order"))
    deal_rows = (
        sources.deals(scope, user)
        .exclude(province="")
        .values("province", "stage__code")
        .annotate(
            n=Count("pk", distinct=True), announced=Sum("announced_amount"), committed=Sum("committed_amount")
        )
        .order_by()
    )
    opportunities = visible_to(Opportunity.objects.all(), user).exclude(province="")
    if scope.sector:
        opportunities = opportunities.filter(
            pk__in=Opportunity.objects.filter(sectors__code__in=scope.sector_codes).values("pk")
        )
    opp_rows = (
        opportunities.values("province")
        .annotate(n=Count("pk", distinct=True), capex=Sum("capex_musd"))
        .order_by()
    )
    per: dict[str, dict] = defaultdict(lambda: defaultdict(Decimal))
    for row in deal_rows:
        plate = plate_of(row["province"])
        if not plate:
            continue
        value = row["committed"] or row["announced"] or Decimal(0)
        per[plate]["deals"] += row["n"]
        per[plate][f"stage_{row['stage__code']}"] += value
        per[plate]["value"] += value
    for row in opp_rows:
        plate = plate_of(row["province"])
        if plate:
            per[plate]["opportunities"] += row["n"]
            per[plate]["capex"] += row["capex"] or Decimal(0)
    names = {p["plate"]: p["name"] for p in shapes()["provinces"]}
    stage_codes = [stage.code for stage in stages]
    table = Table(
        "provinces",
        _("Deals and opportunities by province"),
        [
            ("province", _("province")),
            ("plate", _("plate")),
            ("deals", _("deals")),
            ("value", _("deal value (USD million)")),
            *[(f"stage_{stage.code}", stage.label) for stage in stages],
            ("opportunities", _("opportunities")),
            ("capex", _("opportunity capex (USD million)")),
        ],
    )
    deal_list = reverse("invest:deal-list")
    opp_list = reverse("invest:opportunity-list")
    for plate in sorted(per, key=lambda p: (-per[p]["value"], names.get(p, p))):
        row = {"province": names.get(plate, plate), "plate": plate, **per[plate]}
        for code in stage_codes:
            row.setdefault(f"stage_{code}", Decimal(0))
        row["deals"] = int(row.get("deals", 0))
        row["opportunities"] = int(row.get("opportunities", 0))
        name = names.get(plate, plate)
        table.add(row, {"deals": f"{deal_list}?q={name}", "opportunities": f"{opp_list}?q={name}"})
    return table, stages


def choropleth(table: Table, key: str = "value") -> dict:
    """Each province's shape with a colour class by `key` (quantiles of the non-zero values)."""
    values = {row["plate"]: row.get(key) or 0 for row in table.rows}
    nonzero = sorted(v for v in values.values() if v)
    bands = len(COLOURS) - 1

    def level(value):
        if not value:
            return 0
        rank = sum(1 for v in nonzero if v <= value)
        return max(1, math.ceil(bands * rank / len(nonzero)))

    data = shapes()
    return {
        "viewbox": data["viewbox"],
        "provinces": [
            {
                **province,
                "value": values.get(province["plate"], 0),
                "fill": COLOURS[level(values.get(province["plate"], 0))],
            }
            for province in data["provinces"]
        ],
        "legend": COLOURS,
    }
