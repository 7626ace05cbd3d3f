"""Benchmark: the matchmaking panel on the company and opportunity pages, cached index vs rebuilt per request.

    .venv/bin/python bench/invest_matching_cache.py            # 2,000 company profiles x 500 opportunities
    .venv/bin/python bench/invest_matching_cache.py --quick    # 300 x 100

Runs against a throw-away SQLite database (migrated here). Measures, for one ranked panel (top 10 with
explanations, narrowed to what an officer may read):
  baseline  build the engine's index from the database on every request (what "build per request" costs);
  cached    kopru.invest.domain.matchmaking: the index cached per process, keyed by counts and latest
            update times of the tables it reads (one aggregate query per table per request);
and the cost of a rebuild after an edit. Prints p50/p95 over repeated requests.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _setup(db_path: Path) -> None:
    os.environ["KOPRU_DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)


def _populate(n_companies: int, n_opportunities: int, seed: int = 7) -> None:
    from kopru.core.enums import OrganisationKind, Visibility
    from kopru.core.models import Organisation, Sector
    from kopru.invest.matching.loading import load_companies, load_opportunities
    from kopru.invest.models import CompanyProfile, Opportunity

    rng = random.Random(seed)
    companies, opportunities = load_companies(), load_opportunities()
    sectors = {s.code: s for s in Sector.objects.all()}
    organisations = []
    for i in range(n_companies):
        template = companies[i % len(companies)]
        organisations.append(
            Organisation(
                name=f"{template.name} {i}",
                kind=OrganisationKind.COMPANY,
                country_id=template.hq_country,
                description=template.description,
                visibility=Visibility.SHARED,
            )
        )
    organisations = Organisation.objects.bulk_create(organisations, batch_size=500)
    through = Organisation.sectors.through
    through.objects.bulk_create(
        [
            through(organisation_id=o.pk, sector_id=sectors[code].pk)
            for i, o in enumerate(organisations)
            for code in companies[i % len(companies)].sectors
        ],
        batch_size=1000,
    )
    CompanyProfile.objects.bulk_create(
        [
            CompanyProfile(
                organisation=o,
                visibility=Visibility.SHARED,
                tags=list(t.tags),
                capacities=[{"value": c.value, "unit": c.unit} for c in t.capacities],
                export_markets=list(t.export_markets),
                investment_modes=list(t.investment_modes),
                revenue_musd=t.revenue_musd,
                plants=list(t.plants),
            )
            for i, o in enumerate(organisations)
            for t in [companies[i % len(companies)]]
        ],
        batch_size=500,
    )
    records = []
    for i in range(n_opportunities):
        t = opportunities[i % len(opportunities)]
        unit, value = t.capacity.canonical if t.capacity else ("", None)
        records.append(
            Opportunity(
                title=f"{t.title} ({i})",
                kind=t.kind,
                description=t.description,
                tags=list(t.tags),
                host_country_id="TR",
                province=t.province if rng.random() < 0.9 else "",
                in_oiz=t.in_oiz,
                capex_musd=t.capex_musd,
                capacity_value=value,
                capacity_unit=unit,
                jobs=t.jobs,
                target_markets=list(t.target_markets),
                visibility=Visibility.SHARED,
            )
        )
    records = Opportunity.objects.bulk_create(records, batch_size=500)
    through = Opportunity.sectors.through
    through.objects.bulk_create(
        [
            through(opportunity_id=o.pk, sector_id=sectors[code].pk)
            for i, o in enumerate(records)
            for code in opportunities[i % len(opportunities)].sectors
        ],
        batch_size=1000,
    )


def _percentiles(values):
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    n_companies, n_opportunities, requests = (300, 100, 20) if args.quick else (2000, 500, 50)
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        _populate(n_companies, n_opportunities)
        print(
            f"populated {n_companies:,} company profiles x {n_opportunities:,} opportunities "
            f"in {time.perf_counter() - started:.1f} s"
        )
        from django.contrib.auth import get_user_model

        from kopru.core.enums import Role
        from kopru.core.models import Profile
        from kopru.invest.domain import matchmaking
        from kopru.invest.models import CompanyProfile, Opportunity

        officer = get_user_model().objects.create(username="bench.officer")
        Profile.objects.create(user=officer, role=Role.STAFF, side="TR")
        officer = get_user_model().objects.select_related("profile").get(pk=officer.pk)
        rng = random.Random(1)
        profile_ids = list(CompanyProfile.objects.values_list("pk", flat=True))
        opportunity_ids = list(Opportunity.objects.values_list("pk", flat=True))

        def panel():
            if rng.random() < 0.5:
                profile = CompanyProfile.objects.select_related("organisation").get(
                    pk=rng.choice(profile_ids)
                )
                return matchmaking.opportunities_for_company(profile, officer)
            return matchmaking.companies_for_opportunity(
                Opportunity.objects.get(pk=rng.choice(opportunity_ids)), officer
            )

        baseline = []
        for _ in range(max(5, requests // 10)):
            matchmaking.clear_cache()
            begin = time.perf_counter()
            panel()
            baseline.append((time.perf_counter() - begin) * 1000)
        matchmaking.clear_cache()
        panel()  # warm the cache
        cached = []
        for _ in range(requests):
            begin = time.perf_counter()
            panel()
            cached.append((time.perf_counter() - begin) * 1000)
        rebuilds = []
        for _ in range(3):
            record = Opportunity.objects.get(pk=rng.choice(opportunity_ids))
            record.save()  # an edit: the next request rebuilds
            begin = time.perf_counter()
            panel()
            rebuilds.append((time.perf_counter() - begin) * 1000)
    print()
    print(f"{'one matches panel (top 10 + explanations)':<58} {'n':>4} {'p50 ms':>9} {'p95 ms':>9}")
    rows = [
        ("baseline: build the index from the database per request", baseline),
        ("cached index (kopru.invest.domain.matchmaking)", cached),
        ("first request after an edit (rebuild)", rebuilds),
    ]
    for label, values in rows:
        p50, p95 = _percentiles(values)
        print(f"{label:<58} {len(values):>4} {p50:>9.1f} {p95:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
