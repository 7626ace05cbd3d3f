"""The rule rows as the UI shows them: grouped by table, and the rows a result cites (for the report)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kopru.invest.case.domain.evaluate import CaseResult
from kopru.invest.economics.catalogue import RuleRow, rule_rows
from kopru.invest.economics.rule_tables import Rules

TABLE_LABELS = {
    "eu_mfn": _("EU Common Customs Tariff (MFN)"),
    "trade_defence": _("Trade-defence measures"),
    "trade_defence_group": _("Trade-defence measure, producer group"),
    "undertaking": _("Price undertakings"),
    "tr_additional": _("Türkiye's additional duties"),
    "exemption": _("Exemptions from Türkiye's additional duties"),
    "eu_members": _("EU member states"),
    "tr_fta_partners": _("Türkiye's FTA partners"),
    "customs_union": _("EU–Türkiye Customs Union"),
    "origin_model": _("Origin-risk model"),
    "incentive_scheme": _("Incentive schemes"),
    "incentive_instrument": _("Incentive instruments"),
    "region": _("Provinces and regions"),
}
VALUE_LABELS = {
    "hs": _("HS code"),
    "rate": _("ad valorem rate"),
    "imposed_by": _("imposed by"),
    "kind": _("kind"),
    "stage": _("stage"),
    "hs_prefixes": _("HS codes"),
    "origins": _("origins"),
    "producer_group": _("producer group"),
    "aliases": _("also named"),
    "specific": _("specific duty"),
    "minimum": _("minimum per unit"),
    "conflicting_values": _("conflicting values in other sources"),
    "regime": _("regime"),
    "countries": _("countries"),
    "excluded_hs_prefixes": _("HS codes outside the Customs Union"),
    "turkish_origin_min_share": _("Turkish origin from a local value share of"),
    "medium_risk_min_share": _("medium risk from a local value share of"),
    "component_origin": _("origin assumed for imported parts"),
    "regions_from": _("regions from"),
    "min_investment": _("minimum investment"),
    "instrument": _("instrument"),
    "scheme_types": _("scheme types"),
    "by_region": _("rate by region"),
    "in_oiz": _("inside an organised industrial zone"),
    "value": _("granted"),
    "per_capacity": _("per unit of capacity"),
    "producer": _("producer"),
    "models": _("models"),
    "plate": _("plate code"),
    "region": _("region"),
    "scheme": _("scheme"),
}
RATE_KEYS = {"rate", "turkish_origin_min_share", "medium_risk_min_share"}


def rule_row_or_none(rules: Rules, row_id: str) -> RuleRow | None:
    return rule_rows(rules).get(row_id)


def rows_by_table(rules: Rules) -> list[tuple[str, list[RuleRow]]]:
    tables: dict[str, list[RuleRow]] = {}
    for row in rule_rows(rules).values():
        tables.setdefault(row.table, []).append(row)
    return list(tables.items())


def cited_row_ids(result: CaseResult) -> list[str]:
    ids: list[str] = []
    for destination in result.destinations:
        for route in destination.routes:
            ids.extend(line.ref.row_id for line in (*route.access.duties, *route.access.exemptions))
            risk = route.access.origin.risk
            if risk is not None:
                ids.append(risk.model.ref.row_id)
                ids.extend(line.ref.row_id for line in risk.measures_if_alternative_origin)
            if route.cost is not None:
                ids.extend(line.row_id for line in route.cost.lines if line.row_id)
    if result.incentives is not None:
        ids.extend(line.row_id for line in result.incentives.lines)
    return list(dict.fromkeys(ids))


def cited_rows(rules: Rules, result: CaseResult) -> list[RuleRow]:
    rows = rule_rows(rules)
    return [rows[row_id] for row_id in cited_row_ids(result) if row_id in rows]


def region_row_id(rules: Rules, result: CaseResult) -> str | None:
    """The provinces.csv row that gave the incentive estimate its region."""
    estimate = result.incentives
    if estimate is None or estimate.region is None:
        return None
    scheme = next((s for s in rules.schemes if s.id == estimate.scheme_id), None)
    for province in rules.provinces:
        if (
            province.name == estimate.province
            and scheme is not None
            and province.scheme == scheme.regions_from
        ):
            return province.ref.row_id
    return None


COMMON_CURRENCIES = ("EUR", "USD", "TRY", "CNY", "GBP", "JPY", "CHF")


def datalists(rules: Rules) -> dict[str, list]:
    """Suggestions for the calculator's text inputs (any other valid value may still be typed)."""
    producers = []
    for measure in rules.measures:
        producers.extend(group.name for group in measure.groups)
    return {
        "products": list(rules.products.values()),
        "producers": list(dict.fromkeys(producers)),
        "countries": sorted(rules.countries.items(), key=lambda item: item[1]),
        "provinces": sorted(p.name for p in rules.provinces),
        "currencies": list(COMMON_CURRENCIES),
    }
