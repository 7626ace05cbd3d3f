"""Human sentences for one company-opportunity pair, from the feature values the scorer computed."""

from __future__ import annotations

from kopru.invest.matching.features import best_capacity, scored_sectors
from kopru.invest.matching.models import Company, Contribution, Explanation, Opportunity
from kopru.invest.matching.vocab import KIND_LABELS, REGION_LABELS, RELATED_SECTORS, kind_affinity

SEEKS = {
    "greenfield": "a greenfield investor",
    "expansion": "an expansion",
    "jv_partner": "a JV partner",
    "supplier": "a supplier",
    "rd_centre": "an R&D centre",
    "acquisition": "an acquirer",
}


def _money(musd: float) -> str:
    return f"USD {musd:,.0f}M" if musd >= 1 else f"USD {musd * 1000:,.0f}k"


def sector_sentence(company: Company, opportunity: Opportunity) -> str:
    shared = [sector for sector in scored_sectors(opportunity.sectors) if sector in company.sectors]
    if shared:
        return f"sector match: {', '.join(shared)}"
    related = [
        f"{mine} ~ {theirs}"
        for theirs in scored_sectors(opportunity.sectors)
        for mine in company.sectors
        if frozenset({mine, theirs}) in RELATED_SECTORS
    ]
    if related:
        return f"related sector: {', '.join(related)} (company ~ opportunity)"
    return (
        f"no sector overlap: company in {', '.join(company.sectors) or 'no sector'}, "
        f"opportunity in {', '.join(opportunity.sectors) or 'no sector'}"
    )


def capacity_sentence(company: Company, opportunity: Opportunity, value: float) -> str:
    if opportunity.capacity is None:
        return "capacity: the opportunity states none"
    unit, needed = opportunity.capacity.canonical
    mine = best_capacity(company.capacities, unit)
    if mine is None:
        return f"capacity not comparable: company states no capacity in {unit}"
    if value >= 0.5:
        return f"capacity scale fits: company makes {mine}, opportunity {opportunity.capacity}"
    if mine.canonical[1] < needed:
        return f"capacity scale gap: company makes {mine}, opportunity needs {opportunity.capacity}"
    return f"capacity scale: company ({mine}) is far larger than the opportunity ({opportunity.capacity})"


def export_sentence(company: Company, opportunity: Opportunity) -> str:
    if not opportunity.target_markets:
        return ""
    shared = [region for region in opportunity.target_markets if region in company.export_markets]
    if shared:
        return (
            f"exports to {', '.join(REGION_LABELS[region] for region in shared)} — "
            f"opportunity pitches {', '.join(shared)} access"
        )
    return f"no exports yet to the markets the opportunity pitches ({', '.join(opportunity.target_markets)})"


def kind_sentence(company: Company, opportunity: Opportunity) -> str:
    seeks = SEEKS[opportunity.kind]
    host = opportunity.host_country
    if opportunity.kind == "expansion":
        if host in company.plants:
            return f"kind fit: company already has a plant in {host} — opportunity seeks {seeks}"
        if company.investment_modes:
            return f"kind gap: company has no plant in {host} to expand — opportunity seeks {seeks}"
    if opportunity.kind in company.investment_modes:
        return f"kind fit: company does {KIND_LABELS[opportunity.kind]} — opportunity seeks {seeks}"
    related = [mode for mode in company.investment_modes if kind_affinity(mode, opportunity.kind) > 0]
    if related:
        done = ", ".join(KIND_LABELS[mode] for mode in related)
        return f"related kind: company does {done} — opportunity seeks {seeks}"
    if not company.investment_modes:
        return f"kind unknown: company lists no past deals — opportunity seeks {seeks}"
    done = ", ".join(KIND_LABELS[mode] for mode in company.investment_modes)
    return f"kind mismatch: company does {done} — opportunity seeks {seeks}"


def size_sentence(company: Company, opportunity: Opportunity) -> str:
    if opportunity.capex_musd is None or company.revenue_musd is None:
        return "financial capacity unknown (capex or revenue not stated)"
    share = opportunity.capex_musd / company.revenue_musd if company.revenue_musd else float("inf")
    share_text = "under 1%" if share < 0.01 else f"{share:.0%}"
    return (
        f"financial capacity: capex {_money(opportunity.capex_musd)} is {share_text} of annual revenue "
        f"{_money(company.revenue_musd)}"
    )


def explain_pair(
    company: Company,
    opportunity: Opportunity,
    values: dict[str, float],
    weights: dict[str, float],
    shared_terms: list[str],
) -> Explanation:
    sentences = {
        "lexical": f"top shared terms: {', '.join(shared_terms)}" if shared_terms else "no shared terms",
        "sector": sector_sentence(company, opportunity),
        "capacity": capacity_sentence(company, opportunity, values["capacity"]),
        "export": export_sentence(company, opportunity),
        "kind": kind_sentence(company, opportunity),
        "size": size_sentence(company, opportunity),
        "embedding": f"semantic similarity: {values.get('embedding', 0.0):.2f}",
    }
    contributions = tuple(
        Contribution(feature, round(float(values[feature]), 4), weight, sentences[feature])
        for feature, weight in weights.items()
        if weight > 0 and feature in values
    )
    # strongest evidence first: that is what a reader wants to see
    return Explanation(tuple(sorted(contributions, key=lambda item: -item.weighted)))


def excluded(reason: str) -> Explanation:
    return Explanation((), excluded_because=reason)
