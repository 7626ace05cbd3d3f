"""Chart data (plain lists, JSON-ready) for the vendored Chart.js: duty waterfall, cash flows, tornado,
NPV distribution. Labels that are rule rows keep their row id so a click can open the source row."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kopru.invest.case.domain.evaluate import CaseResult, Route
from kopru.invest.labels import cost_item_label, parameter_label


def waterfall(route: Route, title: str) -> dict[str, Any] | None:
    if route.cost is None:
        return None
    steps, start = [], 0.0
    for line in route.cost.lines:
        amount = line.amount.amount
        steps.append(
            {
                "label": cost_item_label(line.label),
                "from": round(start, 2),
                "to": round(start + amount, 2),
                "row_id": line.row_id,
                "kind": "duty" if line.row_id else "cost",
            }
        )
        start += amount
    steps.append(
        {"label": _("landed cost"), "from": 0.0, "to": round(start, 2), "row_id": None, "kind": "total"}
    )
    return {"type": "waterfall", "title": title, "currency": route.cost.currency, "steps": steps}


def cash_flow(result: CaseResult) -> dict[str, Any] | None:
    if result.plant is None:
        return None
    years = result.plant.years
    cumulative, total = [], 0.0
    for year in years:
        total += year["free_cash_flow"]
        cumulative.append(round(total, 2))
    return {
        "type": "cashflow",
        "currency": result.plant.inputs.currency,
        "years": [int(year["year"]) for year in years],
        "free_cash_flow": [round(year["free_cash_flow"], 2) for year in years],
        "terminal_value": [round(year["terminal_value"], 2) for year in years],
        "cumulative": cumulative,
    }


def tornado(result: CaseResult) -> dict[str, Any] | None:
    if result.monte_carlo is None or not result.monte_carlo.tornado:
        return None
    return {
        "type": "tornado",
        "currency": result.monte_carlo.currency,
        "base_npv": round(result.monte_carlo.base_npv, 2),
        "bars": [
            {**bar.to_dict(), "label": parameter_label(bar.parameter)} for bar in result.monte_carlo.tornado
        ],
    }


def histogram(result: CaseResult) -> dict[str, Any] | None:
    if result.histogram is None or not result.histogram.counts:
        return None
    percentiles = result.monte_carlo.percentiles["npv"] if result.monte_carlo else {}
    return {"type": "histogram", **result.histogram.to_dict(), "percentiles": percentiles}


def chart_words() -> dict[str, str]:
    """The words the charts draw (series, axes, tooltips), in the reader's language."""
    return {
        "free_cash_flow": _("free cash flow"),
        "cumulative": _("cumulative"),
        "year": _("year"),
        "draws": _("draws"),
        "base": _("base"),
        "min": _("min"),
        "max": _("max"),
    }


def chart_data(result: CaseResult) -> dict[str, Any]:
    first = result.destinations[0] if result.destinations else None
    waterfalls = []
    if first is not None:
        for route in first.routes:
            chart = waterfall(route, f"{route.made_in} → {first.code}")
            if chart:
                waterfalls.append(
                    {"id": f"waterfall-{route.key}", "data_id": f"waterfall-{route.key}-data", "data": chart}
                )
    words = chart_words()
    for chart in (
        cash_flow_chart := cash_flow(result),
        tornado_chart := tornado(result),
        histogram_chart := histogram(result),
    ):
        if chart is not None:
            chart["words"] = words
    for waterfall_chart in waterfalls:
        waterfall_chart["data"]["words"] = words
    return {
        "waterfalls": waterfalls,
        "cashflow": cash_flow_chart,
        "tornado": tornado_chart,
        "histogram": histogram_chart,
    }
