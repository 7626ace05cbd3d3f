"""Structured features as numpy arrays, one row per record, so that a query scores every candidate at once.

Every fit is a number in [0, 1]; an unknown value (no capacity stated, no revenue) gives 0 rather than a
guess, so that a profile with facts outranks an empty one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from kopru.invest.matching.models import Capacity, Company, Opportunity
from kopru.invest.matching.vocab import (
    CANONICAL_UNITS,
    CROSS_CUTTING_SECTORS,
    KINDS,
    REGIONS,
    SECTORS,
    kind_affinity,
    sector_affinity,
)

SECTOR_INDEX = {sector: index for index, sector in enumerate(SECTORS)}
KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
UNIT_INDEX = {unit: index for index, unit in enumerate(CANONICAL_UNITS)}
REGION_BIT = {region: 1 << index for index, region in enumerate(REGIONS)}

SECTOR_AFFINITY = np.array([[sector_affinity(a, b) for b in SECTORS] for a in SECTORS], dtype=np.float32)
KIND_AFFINITY = np.array([[kind_affinity(a, b) for b in KINDS] for a in KINDS], dtype=np.float32)

# Capacity: a company bigger than the project is normal (a 400 GWh/yr group builds 20 GWh/yr plants),
# one much smaller is not credible, so the fit falls three times faster below the project's size.
LARGER_DECADES_TO_ZERO = 3.0
SMALLER_DECADES_TO_ZERO = 1.0
# Size: a capex up to this share of annual revenue is routine; ten times that share is implausible.
ROUTINE_CAPEX_SHARE = 0.3


def scored_sectors(sectors: Sequence[str]) -> tuple[str, ...]:
    """The sectors an opportunity is judged on: its industries, not its cross-cutting labels.

    "research battery ev" is about batteries and EVs; an mRNA lab that only shares "research" is not a fit.
    A cross-cutting label counts only when the opportunity has nothing else (a pure trade-fair offer).
    """
    topical = tuple(sector for sector in sectors if sector not in CROSS_CUTTING_SECTORS)
    return topical or tuple(sectors)


def region_mask(regions: Sequence[str]) -> int:
    mask = 0
    for region in regions:
        mask |= REGION_BIT[region]
    return mask


def best_capacity(capacities: Sequence[Capacity], unit: str) -> Capacity | None:
    """The largest stated capacity in a canonical unit (a group with two GWh/yr sites reports its max)."""
    same_unit = [capacity for capacity in capacities if capacity.canonical[0] == unit]
    return max(same_unit, key=lambda capacity: capacity.canonical[1], default=None)


def capacity_fit_from_decades(decades: np.ndarray) -> np.ndarray:
    """Fit from log10(company capacity / opportunity capacity); NaN (a capacity unknown) gives 0."""
    fit = np.where(
        decades >= 0, 1.0 - decades / LARGER_DECADES_TO_ZERO, 1.0 + decades / SMALLER_DECADES_TO_ZERO
    )
    return np.fmax(np.minimum(fit, 1.0), 0.0)  # fmax turns NaN into 0


def capacity_fit(company_value: np.ndarray, opportunity_value: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return capacity_fit_from_decades(np.log10(company_value / opportunity_value))


def size_fit_from_decades(capex_over_revenue_decades: np.ndarray) -> np.ndarray:
    """Fit from log10(capex / revenue); routine up to ROUTINE_CAPEX_SHARE, zero at ten times that."""
    over = np.maximum(capex_over_revenue_decades - np.log10(ROUTINE_CAPEX_SHARE), 0.0)
    return np.fmax(np.minimum(1.0 - over, 1.0), 0.0)


def size_fit(revenue_musd: np.ndarray, capex_musd: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return size_fit_from_decades(np.log10(capex_musd / revenue_musd))


def export_fit(company_masks: np.ndarray, target_masks: np.ndarray) -> np.ndarray:
    """Share of the markets the opportunity pitches that the company already exports to."""
    shared = np.bitwise_count(np.bitwise_and(company_masks, target_masks)).astype(np.float64)
    targets = np.bitwise_count(target_masks).astype(np.float64)
    return np.divide(shared, targets, out=np.zeros_like(shared), where=targets > 0)


@dataclass
class CountryCodes:
    """Country codes as small integers so that rules compare arrays, not strings."""

    index: dict[str, int] = field(default_factory=dict)

    def code(self, country: str) -> int:
        return self.index.setdefault(country, len(self.index))

    def codes(self, countries: Sequence[str]) -> np.ndarray:
        return np.array([self.code(country) for country in countries], dtype=np.int32)


@dataclass
class CompanyFeatures:
    sector_best: np.ndarray  # (n, sectors): best affinity of any of the company's sectors to each sector
    kind_best: np.ndarray  # (n, kinds): best affinity of any deal kind it has done to each kind
    capacity: np.ndarray  # (n, units): largest stated capacity per canonical unit, NaN if none
    log_capacity: np.ndarray  # log10 of the above, precomputed so that a query only subtracts
    export_mask: np.ndarray  # (n,) int64 region bits
    revenue: np.ndarray  # (n,) million USD, NaN if unknown
    log_revenue: np.ndarray
    hq: np.ndarray  # (n,) country code
    plants: list[frozenset[int]]  # country codes with an existing plant
    eligible: np.ndarray  # (n,) bool: passes the index-wide country rules
    _has_plant_cache: dict[int, np.ndarray] = field(default_factory=dict)

    @classmethod
    def build(
        cls, companies: Sequence[Company], countries: CountryCodes, eligible: np.ndarray
    ) -> CompanyFeatures:
        n = len(companies)
        sector_onehot = np.zeros((n, len(SECTORS)), dtype=np.float32)
        kind_onehot = np.zeros((n, len(KINDS)), dtype=np.float32)
        capacity = np.full((n, len(CANONICAL_UNITS)), np.nan)
        for row, company in enumerate(companies):
            sector_onehot[row, [SECTOR_INDEX[sector] for sector in company.sectors]] = 1.0
            kind_onehot[row, [KIND_INDEX[kind] for kind in company.investment_modes]] = 1.0
            for item in company.capacities:
                unit, value = item.canonical
                column = UNIT_INDEX[unit]
                capacity[row, column] = np.fmax(capacity[row, column], value)
        revenue = np.array([np.nan if c.revenue_musd is None else c.revenue_musd for c in companies])
        with np.errstate(divide="ignore"):  # a revenue of 0 becomes -inf: any capex is then too big
            log_revenue = np.log10(revenue)
        return cls(
            sector_best=_best_affinity(sector_onehot, SECTOR_AFFINITY),
            kind_best=_best_affinity(kind_onehot, KIND_AFFINITY),
            capacity=capacity,
            log_capacity=np.log10(capacity),
            export_mask=np.array([region_mask(c.export_markets) for c in companies], dtype=np.int64),
            revenue=revenue,
            log_revenue=log_revenue,
            hq=countries.codes([company.hq_country for company in companies]),
            plants=[frozenset(countries.codes(company.plants).tolist()) for company in companies],
            eligible=eligible,
        )

    def has_plant_in(self, country: int) -> np.ndarray:
        if country not in self._has_plant_cache:
            self._has_plant_cache[country] = np.array(
                [country in plants for plants in self.plants], dtype=bool
            )
        return self._has_plant_cache[country]


def _best_affinity(onehot: np.ndarray, affinity: np.ndarray) -> np.ndarray:
    """(n, k) membership x (k, k) affinity -> (n, k) best affinity of any member to each category."""
    best = np.zeros_like(onehot)
    for member in range(onehot.shape[1]):  # k small passes instead of an (n, k, k) temporary
        np.maximum(best, onehot[:, member : member + 1] * affinity[member], out=best)
    return best


@dataclass
class OpportunityFeatures:
    sector_onehot: np.ndarray  # (m, sectors)
    sector_count: np.ndarray  # (m,)
    kind: np.ndarray  # (m,) kind index
    capacity_unit: np.ndarray  # (m,) unit index, -1 when no capacity is stated
    capacity_value: np.ndarray  # (m,) in the canonical unit, NaN when none
    target_mask: np.ndarray  # (m,) int64 region bits
    capex: np.ndarray  # (m,) million USD, NaN if unknown
    log_capacity_value: np.ndarray
    log_capex: np.ndarray
    host: np.ndarray  # (m,) country code
    allowed: list[np.ndarray]  # per opportunity: country codes (empty = anyone not denied)
    denied: list[np.ndarray]
    with_lists: np.ndarray  # indices of opportunities that have an allow or deny list

    @classmethod
    def build(cls, opportunities: Sequence[Opportunity], countries: CountryCodes) -> OpportunityFeatures:
        m = len(opportunities)
        sector_onehot = np.zeros((m, len(SECTORS)), dtype=np.float32)
        capacity_unit = np.full(m, -1, dtype=np.int32)
        capacity_value = np.full(m, np.nan)
        for row, opportunity in enumerate(opportunities):
            sector_onehot[row, [SECTOR_INDEX[sector] for sector in scored_sectors(opportunity.sectors)]] = 1.0
            if opportunity.capacity is not None:
                unit, value = opportunity.capacity.canonical
                capacity_unit[row], capacity_value[row] = UNIT_INDEX[unit], value
        capex = np.array([np.nan if o.capex_musd is None else o.capex_musd for o in opportunities])
        with np.errstate(divide="ignore"):  # a capex of 0 becomes -inf: always affordable
            log_capex = np.log10(capex)
        allowed = [countries.codes(o.allowed_countries) for o in opportunities]
        denied = [countries.codes(o.denied_countries) for o in opportunities]
        return cls(
            sector_onehot=sector_onehot,
            sector_count=sector_onehot.sum(axis=1),
            kind=np.array([KIND_INDEX[o.kind] for o in opportunities], dtype=np.int32),
            capacity_unit=capacity_unit,
            capacity_value=capacity_value,
            target_mask=np.array([region_mask(o.target_markets) for o in opportunities], dtype=np.int64),
            capex=capex,
            log_capacity_value=np.log10(capacity_value),
            log_capex=log_capex,
            host=countries.codes([o.host_country for o in opportunities]),
            allowed=allowed,
            denied=denied,
            with_lists=np.array(
                [row for row in range(m) if len(allowed[row]) or len(denied[row])], dtype=np.int64
            ),
        )


EXPANSION = KIND_INDEX["expansion"]
# Expanding in the host country needs a plant there: with one the kind fits fully; without one, a
# company that "does expansions" elsewhere is at best a greenfield prospect, so its fit is capped.
EXPANSION_WITHOUT_PRESENCE = 0.3


def features_for_opportunity(
    companies: CompanyFeatures, opportunities: OpportunityFeatures, row: int
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Every company against opportunity `row`: ({feature: (n,) values}, (n,) eligibility)."""
    sectors = np.flatnonzero(opportunities.sector_onehot[row])
    sector = companies.sector_best[:, sectors].mean(axis=1) if len(sectors) else np.zeros(len(companies.hq))
    kind_index = int(opportunities.kind[row])
    kind = companies.kind_best[:, kind_index].astype(np.float64)
    host = int(opportunities.host[row])
    if kind_index == EXPANSION:
        kind = np.where(companies.has_plant_in(host), 1.0, np.minimum(kind, EXPANSION_WITHOUT_PRESENCE))
    unit = int(opportunities.capacity_unit[row])
    if unit >= 0:
        capacity = capacity_fit_from_decades(
            companies.log_capacity[:, unit] - opportunities.log_capacity_value[row]
        )
    else:
        capacity = np.zeros(len(companies.hq))
    features = {
        "sector": sector.astype(np.float64),
        "capacity": capacity,
        "export": export_fit(companies.export_mask, opportunities.target_mask[row]),
        "kind": kind,
        "size": size_fit_from_decades(opportunities.log_capex[row] - companies.log_revenue),
    }
    eligible = companies.eligible & (companies.hq != host)
    if len(opportunities.allowed[row]):
        eligible &= np.isin(companies.hq, opportunities.allowed[row])
    if len(opportunities.denied[row]):
        eligible &= ~np.isin(companies.hq, opportunities.denied[row])
    return features, eligible


def features_for_company(
    companies: CompanyFeatures, opportunities: OpportunityFeatures, row: int
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Company `row` against every opportunity: ({feature: (m,) values}, (m,) eligibility)."""
    m = len(opportunities.kind)
    count = opportunities.sector_count
    sector_sum = opportunities.sector_onehot @ companies.sector_best[row]
    sector = np.divide(sector_sum, count, out=np.zeros(m, dtype=np.float32), where=count > 0)
    kind = companies.kind_best[row][opportunities.kind].astype(np.float64)
    has_plant_at_host = np.isin(opportunities.host, list(companies.plants[row]))
    expansion = opportunities.kind == EXPANSION
    kind = np.where(
        expansion, np.where(has_plant_at_host, 1.0, np.minimum(kind, EXPANSION_WITHOUT_PRESENCE)), kind
    )
    units = opportunities.capacity_unit
    company_log_capacity = np.where(units >= 0, companies.log_capacity[row][np.maximum(units, 0)], np.nan)
    features = {
        "sector": sector.astype(np.float64),
        "capacity": capacity_fit_from_decades(company_log_capacity - opportunities.log_capacity_value),
        "export": export_fit(companies.export_mask[row], opportunities.target_mask),
        "kind": kind,
        "size": size_fit_from_decades(opportunities.log_capex - companies.log_revenue[row]),
    }
    hq = int(companies.hq[row])
    eligible = (opportunities.host != hq) & bool(companies.eligible[row])
    for index in opportunities.with_lists.tolist():
        allowed, denied = opportunities.allowed[index], opportunities.denied[index]
        if (len(allowed) and hq not in allowed) or hq in denied:
            eligible[index] = False
    return features, eligible
