"""Why one company fits one opportunity, feature by feature, as message keys with their parameters (the
invest app renders them in the reader's language: sector names, countries, regions, money)."""

from __future__ import annotations

from kopru.invest.economics.explanations import Explanation as Message
from kopru.invest.economics.explanations import explain
from kopru.invest.matching.features import best_capacity, scored_sectors
from kopru.invest.matching.models import Company, Contribution, Explanation, Opportunity
from kopru.invest.matching.vocab import RELATED_SECTORS, kind_affinity


def sector_message(company: Company, opportunity: Opportunity) -> Message:
    shared = [sector for sector in scored_sectors(opportunity.sectors) if sector in company.sectors]
    if shared:
        return explain("match.sector_match", sectors=tuple(shared))
    related = [
        explain("match.sector_pair", mine=mine, theirs=theirs)
        for theirs in scored_sectors(opportunity.sectors)
        for mine in company.sectors
        if frozenset({mine, theirs}) in RELATED_SECTORS
    ]
    if related:
        return explain("match.sector_related", pairs=tuple(related))
    return explain(
        "match.sector_none", company=tuple(company.sectors), opportunity=tuple(opportunity.sectors)
    )


def capacity_message(company: Company, opportunity: Opportunity, value: float) -> Message:
    if opportunity.capacity is None:
        return explain("match.capacity_unstated")
    unit, needed = opportunity.capacity.canonical
    mine = best_capacity(company.capacities, unit)
    if mine is None:
        return explain("match.capacity_not_comparable", unit=unit)
    sizes = {"company": str(mine), "opportunity": str(opportunity.capacity)}
    if value >= 0.5:
        return explain("match.capacity_fits", **sizes)
    if mine.canonical[1] < needed:
        return explain("match.capacity_gap", **sizes)
    return explain("match.capacity_larger", **sizes)


def export_message(company: Company, opportunity: Opportunity) -> Message | None:
    if not opportunity.target_markets:
        return None
    shared = [region for region in opportunity.target_markets if region in company.export_markets]
    if shared:
        return explain("match.exports_to", regions=tuple(shared))
    return explain("match.no_exports", regions=tuple(opportunity.target_markets))


def kind_message(company: Company, opportunity: Opportunity) -> Message:
    seeks = opportunity.kind
    host = opportunity.host_country
    if opportunity.kind == "expansion":
        if host in company.plants:
            return explain("match.kind_has_plant", country=host, seeks=seeks)
        if company.investment_modes:
            return explain("match.kind_no_plant", country=host, seeks=seeks)
    if opportunity.kind in company.investment_modes:
        return explain("match.kind_fit", done=(opportunity.kind,), seeks=seeks)
    related = [mode for mode in company.investment_modes if kind_affinity(mode, opportunity.kind) > 0]
    if related:
        return explain("match.kind_related", done=tuple(related), seeks=seeks)
    if not company.investment_modes:
        return explain("match.kind_unknown", seeks=seeks)
    return explain("match.kind_mismatch", done=tuple(company.investment_modes), seeks=seeks)


def size_message(company: Company, opportunity: Opportunity) -> Message:
    if opportunity.capex_musd is None or company.revenue_musd is None:
        return explain("match.size_unknown")
    share = opportunity.capex_musd / company.revenue_musd if company.revenue_musd else float("inf")
    amounts = {"capex": opportunity.capex_musd, "revenue": company.revenue_musd}
    if share < 0.01:
        return explain("match.size_small_share", **amounts)
    return explain("match.size_share", share=share, **amounts)


def explain_pair(
    company: Company,
    opportunity: Opportunity,
    values: dict[str, float],
    weights: dict[str, float],
    shared_terms: list[str],
) -> Explanation:
    messages = {
        "lexical": explain("match.shared_terms", terms=tuple(shared_terms))
        if shared_terms
        else explain("match.no_shared_terms"),
        "sector": sector_message(company, opportunity),
        "capacity": capacity_message(company, opportunity, values["capacity"]),
        "export": export_message(company, opportunity),
        "kind": kind_message(company, opportunity),
        "size": size_message(company, opportunity),
        "embedding": explain("match.semantic", similarity=round(float(values.get("embedding", 0.0)), 2)),
    }
    contributions = tuple(
        Contribution(feature, round(float(values[feature]), 4), weight, messages[feature])
        for feature, weight in weights.items()
        if weight > 0 and feature in values
    )
    # strongest evidence first: that is what a reader wants to see
    return Explanation(tuple(sorted(contributions, key=lambda item: -item.weighted)))


def excluded(reason: Message) -> Explanation:
    return Explanation((), excluded_because=reason)
