"""Benchmark: investment matchmaking at catalogue scale.

    PYTHONPATH=src .venv/bin/python bench/matching.py            # 100,000 companies x 5,000 opportunities
    PYTHONPATH=src .venv/bin/python bench/matching.py --quick    # 10,000 x 1,000, for a smoke run

Synthetic profiles are generated with a fixed seed from sector vocabularies, a generic business
vocabulary and a long tail of rare words (company texts ~50-100 tokens, opportunity texts ~40-80, as in
data/matching). The index is built once (build time printed); then top-20 *with explanations* for 200
random queries in each direction, p50/p95 latency (target p95 <= 50 ms).

Baseline, measured in the same run: the same scoring written the plain way, per candidate in Python
(BM25 from per-document term counters, each feature from scalar formulas, then sorted()), on a few
queries because it is slow. Its top-20 is compared with the index's as a cross-check of the vectorised code.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import statistics
import time
from collections import Counter

from kopru.invest.matching import Capacity, Company, MatchIndex, Opportunity
from kopru.invest.matching.features import (
    EXPANSION_WITHOUT_PRESENCE,
    LARGER_DECADES_TO_ZERO,
    ROUTINE_CAPEX_SHARE,
    SMALLER_DECADES_TO_ZERO,
    scored_sectors,
)
from kopru.invest.matching.text import tokenize
from kopru.invest.matching.vocab import KINDS, REGIONS, SECTORS, kind_affinity, sector_affinity

SECTOR_WORDS = {
    "ev": "electric vehicle bev phev suv sedan platform drivetrain charging motor inverter e-axle",
    "battery": "battery cell lithium lfp nmc cathode anode separator electrolyte gigafactory pack storage",
    "automotive": "car assembly stamping welding paint body harness seat tier supplier oem powertrain",
    "solar": "solar pv photovoltaic module wafer ingot topcon perc bifacial inverter tracker polysilicon",
    "wind": "wind turbine blade nacelle tower offshore onshore rotor composite hub gearbox direct-drive",
    "nuclear": "nuclear reactor pwr smr fuel pressure vessel steam generator containment epc forging",
    "rail": "rail rolling stock locomotive emu metro tram bogie signalling etcs cbtc traction high-speed",
    "vaccines": "vaccine antigen fill-finish vial syringe adjuvant mrna lnp immunisation cold-chain",
    "medicines": "api generic tablet injectable biosimilar antibody fermentation synthesis gmp formulation",
    "medical_devices": "ct mri ultrasound monitor catheter syringe infusion dialysis ivd reagent implant",
    "telecom": "5g ran core optical fibre cable transport router smartphone antenna spectrum operator",
    "cloud": "cloud data centre hyperscale rack server compute storage ai gpu colocation latency",
    "research": "research laboratory r&d prototype patent university clinical pilot innovation",
    "trade": "trade export import logistics distribution warehouse customs port",
    "investment": "fund equity capital stake financing portfolio venture",
}
GENERIC = str.split(
    "manufacturing plant production capacity quality export market customer global local partner joint "
    "venture technology transfer engineering design supply chain cost efficiency automation digital "
    "sustainable green energy grid power industrial zone site logistics port incentive workforce "
    "skilled training certification standard europe middle east africa asia customs union tariff "
    "localisation content procurement tender contract long-term offtake demand growth expansion "
    "investment facility"
)
UNITS = {
    "ev": "vehicles/yr",
    "automotive": "vehicles/yr",
    "battery": "GWh/yr",
    "solar": "GW/yr",
    "wind": "MW/yr",
    "nuclear": "MW",
    "rail": "units/yr",
    "vaccines": "doses/yr",
    "medicines": "tonnes/yr",
    "medical_devices": "units/yr",
    "telecom": "units/yr",
    "cloud": "racks",
}
TYPICAL = {  # log10 of a typical capacity in the sector's unit
    "vehicles/yr": 5.3,
    "GWh/yr": 1.3,
    "GW/yr": 1.0,
    "MW/yr": 3.3,
    "MW": 3.2,
    "units/yr": 3.5,
    "doses/yr": 8.0,
    "tonnes/yr": 4.0,
    "racks": 4.0,
}
COUNTRIES = ["CN"] * 12 + ["KR", "JP", "DE", "US", "FR", "IT", "GB", "AE", "IN", "TR"]
PLANT_COUNTRIES = ["CN", "DE", "HU", "PL", "US", "MX", "TH", "VN", "IN", "BR", "TR", "MY"]
RARE = [f"{a}{b}{c}" for a in "bcdfgklmnprstvz" for b in "aeiou" for c in "klmnrstxz" for _ in range(1)]


def _text(rng: random.Random, sectors: list[str], length: int) -> str:
    sector_words = [word for sector in sectors for word in SECTOR_WORDS[sector].split()]
    words = []
    for _ in range(length):
        draw = rng.random()
        if draw < 0.35:
            words.append(rng.choice(sector_words))
        elif draw < 0.9:
            words.append(rng.choice(GENERIC))
        else:
            words.append(rng.choice(RARE) + rng.choice("aeiou" * 3 + "xyz"))
    return " ".join(words)


def _capacity(rng: random.Random, sector: str, spread: float) -> Capacity | None:
    unit = UNITS.get(sector)
    if unit is None:
        return None
    return Capacity(round(10 ** rng.gauss(TYPICAL[unit], spread), 2), unit)


def make_companies(n: int, seed: int) -> list[Company]:
    rng = random.Random(seed)
    companies = []
    for i in range(n):
        sectors = rng.sample(SECTORS[:13], rng.choice((1, 1, 2, 2, 3)))
        capacities = tuple(
            capacity
            for sector in sectors[:2]
            if (capacity := _capacity(rng, sector, 0.6)) and rng.random() < 0.7
        )
        companies.append(
            Company(
                id=f"c{i}",
                name=f"Company {i}",
                hq_country=rng.choice(COUNTRIES),
                sectors=tuple(sectors),
                description=_text(rng, sectors, rng.randint(45, 90)),
                tags=tuple(rng.sample(SECTOR_WORDS[sectors[0]].split(), 5)),
                employees=int(10 ** rng.uniform(2, 5.5)),
                revenue_musd=round(10 ** rng.uniform(1, 5), 1) if rng.random() < 0.85 else None,
                capacities=capacities,
                plants=tuple(rng.sample(PLANT_COUNTRIES, rng.randint(1, 3))),
                export_markets=tuple(rng.sample(REGIONS, rng.randint(0, 5))),
                investment_modes=tuple(rng.sample(KINDS, rng.randint(0, 3))),
            )
        )
    return companies


def make_opportunities(n: int, seed: int) -> list[Opportunity]:
    rng = random.Random(seed + 1)
    opportunities = []
    for i in range(n):
        sectors = rng.sample(SECTORS[:13], rng.choice((1, 1, 1, 2)))
        opportunities.append(
            Opportunity(
                id=f"o{i}",
                title=f"{sectors[0]} {rng.choice(SECTOR_WORDS[sectors[0]].split())} opportunity",
                sectors=tuple(sectors),
                kind=rng.choice(KINDS),
                province=rng.choice(["Manisa", "Kocaeli", "Bursa", "İzmir", "Ankara", "Konya"]),
                in_oiz=rng.random() < 0.6,
                capex_musd=round(10 ** rng.uniform(1, 3.5), 1),
                capacity=_capacity(rng, sectors[0], 0.4) if rng.random() < 0.7 else None,
                jobs=rng.randint(50, 5000),
                description=_text(rng, sectors, rng.randint(35, 70)),
                tags=tuple(rng.sample(SECTOR_WORDS[sectors[0]].split(), 4)),
                target_markets=tuple(rng.sample(["TR", "EU", "MENA", "CIS", "SSA"], rng.randint(1, 3))),
                allowed_countries=("CN",) if rng.random() < 0.01 else (),
            )
        )
    return opportunities


class PlainBaseline:
    """The same score, computed one candidate at a time in plain Python."""

    def __init__(self, index: MatchIndex) -> None:
        self.index = index
        weights = index.active_weights
        total = sum(weights.values())
        self.weights = {name: weight / total for name, weight in weights.items() if weight > 0}
        self.company_bags, self.company_idf, self.company_avg = self._collection(
            [c.text for c in index.companies]
        )
        self.opportunity_bags, self.opportunity_idf, self.opportunity_avg = self._collection(
            [o.text for o in index.opportunities]
        )

    @staticmethod
    def _collection(texts: list[str]) -> tuple[list[Counter], dict[str, float], float]:
        bags = [Counter(tokenize(text)) for text in texts]
        frequency = Counter(term for bag in bags for term in bag)
        n = len(bags)
        idf = {term: math.log1p((n - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        return bags, idf, sum(sum(bag.values()) for bag in bags) / n

    @staticmethod
    def _bm25(query: set[str], bag: Counter, idf: dict[str, float], average: float) -> float:
        length = sum(bag.values())
        norm = 0.25 + 0.75 * length / max(average, 1.0)
        return sum(idf[t] * bag[t] * 2.2 / (bag[t] + 1.2 * norm) for t in query if t in bag)

    def _pair(self, company: Company, opportunity: Opportunity) -> dict[str, float] | None:
        if company.hq_country == opportunity.host_country or not self.index.rules.admits(company.hq_country):
            return None
        if opportunity.allowed_countries and company.hq_country not in opportunity.allowed_countries:
            return None
        if company.hq_country in opportunity.denied_countries:
            return None
        wanted = scored_sectors(opportunity.sectors)
        best_per_sector = [max((sector_affinity(o, c) for c in company.sectors), default=0.0) for o in wanted]
        sector = sum(best_per_sector) / len(wanted) if wanted else 0.0
        kind = max((kind_affinity(mode, opportunity.kind) for mode in company.investment_modes), default=0.0)
        if opportunity.kind == "expansion":
            kind = (
                1.0 if opportunity.host_country in company.plants else min(kind, EXPANSION_WITHOUT_PRESENCE)
            )
        capacity = 0.0
        if opportunity.capacity is not None:
            unit, needed = opportunity.capacity.canonical
            values = [c.canonical[1] for c in company.capacities if c.canonical[0] == unit]
            if values:
                decades = math.log10(max(values) / needed)
                fit = (
                    1 - decades / LARGER_DECADES_TO_ZERO
                    if decades >= 0
                    else 1 + decades / SMALLER_DECADES_TO_ZERO
                )
                capacity = min(max(fit, 0.0), 1.0)
        targets = set(opportunity.target_markets)
        export = len(targets & set(company.export_markets)) / len(targets) if targets else 0.0
        size = 0.0
        if opportunity.capex_musd is not None and company.revenue_musd:
            over = math.log10(opportunity.capex_musd / company.revenue_musd / ROUTINE_CAPEX_SHARE)
            size = min(max(1 - max(over, 0.0), 0.0), 1.0)
        return {"sector": sector, "kind": kind, "capacity": capacity, "export": export, "size": size}

    def _rank(self, pairs: list[tuple[str, dict[str, float] | None, float]], k: int) -> list[str]:
        best = max((raw for _, features, raw in pairs if features is not None), default=0.0)
        scored = []
        for candidate_id, features, raw in pairs:
            if features is None:
                continue
            features["lexical"] = raw / best if best > 0 else 0.0
            score = sum(self.weights[name] * features[name] for name in self.weights)
            if score > 0:
                scored.append((-score, candidate_id))
        return [candidate_id for _, candidate_id in sorted(scored)[:k]]

    def companies_for(self, opportunity_id: str, k: int = 20) -> list[str]:
        opportunity = self.index.opportunities[self.index.opportunity_position[opportunity_id]]
        query = set(tokenize(opportunity.text))
        pairs = [
            (c.id, self._pair(c, opportunity), self._bm25(query, bag, self.company_idf, self.company_avg))
            for c, bag in zip(self.index.companies, self.company_bags, strict=True)
        ]
        return self._rank(pairs, k)

    def opportunities_for(self, company_id: str, k: int = 20) -> list[str]:
        company = self.index.companies[self.index.company_position[company_id]]
        query = set(tokenize(company.text))
        pairs = [
            (o.id, self._pair(company, o), self._bm25(query, bag, self.opportunity_idf, self.opportunity_avg))
            for o, bag in zip(self.index.opportunities, self.opportunity_bags, strict=True)
        ]
        return self._rank(pairs, k)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _time_queries(function, ids: list[str]) -> tuple[list[float], list[list[str]]]:
    latencies, results = [], []
    for query in ids:
        start = time.perf_counter()
        matches = function(query, k=20)
        latencies.append((time.perf_counter() - start) * 1000)
        results.append([m.id if hasattr(m, "id") else m for m in matches])
    return latencies, results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--opportunities", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=200, help="random queries per direction")
    parser.add_argument(
        "--baseline-queries", type=int, default=5, help="queries per direction for the baseline"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="10,000 x 1,000")
    args = parser.parse_args()
    if args.quick:
        args.companies, args.opportunities = 10_000, 1_000

    start = time.perf_counter()
    companies = make_companies(args.companies, args.seed)
    opportunities = make_opportunities(args.opportunities, args.seed)
    generated = time.perf_counter() - start
    rss_profiles = _peak_rss_mib()
    start = time.perf_counter()
    index = MatchIndex.build(companies, opportunities)
    built = time.perf_counter() - start
    print(f"{len(companies):,} companies x {len(opportunities):,} opportunities (seed {args.seed})")
    rss = _peak_rss_mib()
    print(f"generate profiles: {generated:.1f} s (peak RSS {rss_profiles:,.0f} MiB)")
    print(f"build index:       {built:.1f} s (peak RSS {rss:,.0f} MiB)")

    rng = random.Random(args.seed + 2)
    opportunity_queries = [rng.choice(opportunities).id for _ in range(args.queries)]
    company_queries = [rng.choice(companies).id for _ in range(args.queries)]
    index.companies_for(opportunity_queries[0])  # first call pays one-off numpy/cache warm-up
    to_companies, index_company_results = _time_queries(index.companies_for, opportunity_queries)
    to_opportunities, index_opportunity_results = _time_queries(index.opportunities_for, company_queries)
    rss_index = _peak_rss_mib()

    start = time.perf_counter()
    baseline = PlainBaseline(index)
    baseline_setup = time.perf_counter() - start
    n = args.baseline_queries
    base_to_companies, base_company_results = _time_queries(baseline.companies_for, opportunity_queries[:n])
    base_to_opportunities, base_opportunity_results = _time_queries(
        baseline.opportunities_for, company_queries[:n]
    )

    def agreement(ours: list[list[str]], theirs: list[list[str]]) -> str:
        same = sum(a == b for a, b in zip(ours, theirs, strict=False))
        return f"{same}/{len(theirs)}"

    rows = [
        ("index: opportunity -> top-20 companies", to_companies, ""),
        ("index: company -> top-20 opportunities", to_opportunities, ""),
        (
            "plain Python: opportunity -> companies",
            base_to_companies,
            agreement(index_company_results, base_company_results),
        ),
        (
            "plain Python: company -> opportunities",
            base_to_opportunities,
            agreement(index_opportunity_results, base_opportunity_results),
        ),
    ]
    print()
    print(f"{'method':<42} {'queries':>7} {'p50 ms':>9} {'p95 ms':>9} {'same top-20':>12}")
    print("-" * 83)
    for name, latencies, same in rows:
        print(
            f"{name:<42} {len(latencies):>7} {_percentile(latencies, 0.5):>9.2f} "
            f"{_percentile(latencies, 0.95):>9.2f} {same:>12}"
        )
    p95 = max(_percentile(to_companies, 0.95), _percentile(to_opportunities, 0.95))
    speedup = statistics.median(base_to_companies) / statistics.median(to_companies)
    print()
    print(
        f"index p95 {p95:.1f} ms (target <= 50 ms: {'met' if p95 <= 50 else 'NOT met'}); "
        f"median speed-up over plain Python, opportunity -> companies: {speedup:,.0f}x"
    )
    print(
        f"peak RSS after index queries: {rss_index:,.0f} MiB; after the baseline's own setup "
        f"({baseline_setup:.1f} s): {_peak_rss_mib():,.0f} MiB"
    )


if __name__ == "__main__":
    main()
