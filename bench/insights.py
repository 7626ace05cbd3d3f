"""Benchmark: insights pages at programme scale on PostgreSQL, next to the framework floor.

    .venv/bin/python bench/insights.py                  # 100,000 documents, 20,000 engagements, ...
    .venv/bin/python bench/insights.py --scale 0.1      # a tenth of it (a quick look)
    .venv/bin/python bench/insights.py --reuse          # the database of the previous run
    .venv/bin/python bench/insights.py --reuse --profile commitments           # pyinstrument, cold requests
    .venv/bin/python bench/insights.py --reuse --profile overview --warm --profile-runs 50   # repeated ones

Builds a fresh PostgreSQL database (KOPRU_BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/kopru_insights_bench; it is dropped and created) with 100,000 documents,
20,000 engagements, 50,000 evidence rows, 5,000 deals and 2,000 call proposals (plus the people,
organisations, agreements, actions, claims, stage changes and reviews around them), by bulk_create.
Then it requests, as a side-A officer through Django's test client (the whole middleware stack):
  floor        a bare Django view that reads one row (the framework floor, in the same run);
  floor+user   the same after reading the signed-in user (for context; the targets use the bare floor);
  overview     /insights/ (sector × status map, counts per sector, activity per quarter);
  commitments  /insights/commitments/;
  graph        /api/insights/graph for the last year;
  pack         the briefing pack of the person with the most engagements;
and prints p50/p95 per page, the ratio to the floor's p95, and whether the targets hold
(p95 ≤ 5 × floor and ≤ 300 ms); and the median of a cold request (the first after a change to the
record, when kopru.insights.domain.memo has nothing remembered). The pages are requested in turn
(floor, overview, ..., floor, overview, ...) so that a busy moment of a shared machine weighs on all alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
import types
from decimal import Decimal
from pathlib import Path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kopru_insights_bench"
# Only databases of these families are ever dropped (kopru_perf_insights: a shared machine's perf runs).
BENCH_PREFIXES = ("kopru_insights", "kopru_perf_insights")
SIZES = {
    "documents": 100_000,
    "engagements": 20_000,
    "evidence": 50_000,
    "deals": 5_000,
    "proposals": 2_000,
    "people": 5_000,
    "organisations": 2_000,
    "agreements": 2_000,
    "actions": 5_000,
    "claims": 5_000,
}
PROVINCES = [
    "İstanbul",
    "Ankara",
    "İzmir",
    "Bursa",
    "Kocaeli",
    "Manisa",
    "Konya",
    "Sakarya",
    "Kayseri",
    "Gaziantep",
]


def _fresh_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    if not name.startswith(BENCH_PREFIXES):
        raise SystemExit(
            f"refusing to drop {name!r}: the bench database name must start with {BENCH_PREFIXES}"
        )
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _setup(url: str) -> None:
    os.environ["KOPRU_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)


def _n(name: str, scale: float) -> int:
    return max(10, int(SIZES[name] * scale))


def _populate(scale: float, seed: int = 11) -> dict:
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from kopru.calls.enums import CallStatus, ProposalStatus
    from kopru.calls.models import BudgetLine, Call, Partner, Proposal, Review, ReviewAssignment
    from kopru.core.domain.accounts import create_member
    from kopru.core.enums import OrganisationKind, Role, Visibility
    from kopru.core.models import Document, Evidence, Organisation, Person, Sector
    from kopru.engage.enums import ActionStatus, AgreementStatus, AreaStatus, EngagementStatus
    from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
    from kopru.invest.domain.funnel import refresh_furthest_stage
    from kopru.invest.domain.pipelines import ensure_default_pipeline
    from kopru.invest.models import Deal, StageChange

    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now()
    officer = create_member("bench.officer", role=Role.STAFF, side=settings.KOPRU_SIDE_A, password="x")
    reviewers = [create_member(f"bench.reviewer{i}", role=Role.REVIEWER, password="x") for i in range(40)]
    leaves = list(Sector.objects.filter(parent__isnull=False))
    visibilities = [Visibility.SHARED] * 6 + [Visibility.PUBLIC] * 3 + [Visibility.INTERNAL]

    def vis():
        visibility = rng.choice(visibilities)
        side = (
            rng.choice([settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B])
            if visibility == Visibility.INTERNAL
            else ""
        )
        return {"visibility": visibility, "owner_side": side}

    def day(back: int = 1100) -> dt.date:
        return today - dt.timedelta(days=rng.randint(1, back))

    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Organisation {i}",
                kind=OrganisationKind.COMPANY,
                country_id=rng.choice(["TR", "CN"]),
                **vis(),
            )
            for i in range(_n("organisations", scale))
        ],
        batch_size=2000,
    )
    people = Person.objects.bulk_create(
        [
            Person(name=f"Person {i}", country_id=rng.choice(["TR", "CN"]), **vis())
            for i in range(_n("people", scale))
        ],
        batch_size=5000,
    )
    documents = Document.objects.bulk_create(
        [
            Document(
                title=f"Press release {i}",
                publisher=rng.choice(["AA", "Xinhua", "Ministry"]),
                published_date=day(),
                text=f"Minister {i} met his counterpart to discuss batteries, rail and solar power. " * 3,
                checksum=f"{i:064x}",
                **vis(),
            )
            for i in range(_n("documents", scale))
        ],
        batch_size=5000,
    )
    engagements = Engagement.objects.bulk_create(
        [
            Engagement(
                kind="meeting",
                title=f"Meeting {i}",
                status=EngagementStatus.HELD,
                start_date=day(),
                country_id=rng.choice(["TR", "CN"]),
                **vis(),
            )
            for i in range(_n("engagements", scale))
        ],
        batch_size=5000,
    )
    # Participation is skewed: a few people take part in many meetings (the busiest person's pack).
    weights = [1.0 / (rank + 1) for rank in range(len(people))]
    E = Engagement
    E.people.through.objects.bulk_create(
        {
            (e.pk, p.pk): E.people.through(engagement_id=e.pk, person_id=p.pk)
            for e in engagements
            for p in rng.choices(people, weights=weights, k=rng.randint(2, 4))
        }.values(),
        batch_size=10000,
    )
    E.organisations.through.objects.bulk_create(
        {
            (e.pk, o.pk): E.organisations.through(engagement_id=e.pk, organisation_id=o.pk)
            for e in engagements
            for o in rng.sample(organisations, rng.randint(1, 2))
        }.values(),
        batch_size=10000,
    )
    E.sectors.through.objects.bulk_create(
        {
            (e.pk, s.pk): E.sectors.through(engagement_id=e.pk, sector_id=s.pk)
            for e in engagements
            for s in rng.sample(leaves, rng.randint(1, 2))
        }.values(),
        batch_size=10000,
    )
    agreements = Agreement.objects.bulk_create(
        [
            Agreement(
                title=f"Agreement {i}",
                status=rng.choice(
                    [AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.NEGOTIATING]
                ),
                signed_date=day(),
                engagement=rng.choice(engagements),
                **vis(),
            )
            for i in range(_n("agreements", scale))
        ],
        batch_size=5000,
    )
    Agreement.sectors.through.objects.bulk_create(
        [Agreement.sectors.through(agreement_id=a.pk, sector_id=rng.choice(leaves).pk) for a in agreements],
        batch_size=10000,
    )
    Agreement.parties.through.objects.bulk_create(
        {
            (a.pk, o.pk): Agreement.parties.through(agreement_id=a.pk, organisation_id=o.pk)
            for a in agreements
            for o in rng.sample(organisations, 2)
        }.values(),
        batch_size=10000,
    )
    actions = Action.objects.bulk_create(
        [
            Action(
                title=f"Action {i}",
                owner=officer,
                due_date=today + dt.timedelta(days=rng.randint(-700, 120)),
                status=rng.choice(
                    [ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS]
                ),
                engagement=rng.choice(engagements),
                agreement=rng.choice(agreements) if rng.random() < 0.5 else None,
                **vis(),
            )
            for i in range(_n("actions", scale))
        ],
        batch_size=5000,
    )
    history = Action.history.model
    history.objects.bulk_create(
        [
            history(
                id=a.pk,
                title=a.title,
                owner_id=a.owner_id,
                due_date=a.due_date,
                status=a.status,
                engagement_id=a.engagement_id,
                agreement_id=a.agreement_id,
                visibility=a.visibility,
                owner_side=a.owner_side,
                created_at=now,
                updated_at=now,
                search_text=a.title.lower(),
                history_date=now - dt.timedelta(days=rng.randint(0, 700)),
                history_type="~",
            )
            for a in actions
        ],
        batch_size=5000,
    )
    Claim.objects.bulk_create(
        [
            Claim(
                subject=f"Claim {i}",
                text="will build three plants",
                speaker=rng.choices(people, weights=weights)[0],
                sector=rng.choice(leaves),
                metric=rng.choice(["target", "rank", "capacity"]),
                scope=rng.choice(["by 2025", "by 2028", "Europe"]),
                stated_on=day(),
                engagement=rng.choice(engagements),
                **vis(),
            )
            for i in range(_n("claims", scale))
        ],
        batch_size=5000,
    )
    CooperationArea.objects.bulk_create(
        [
            CooperationArea(
                country_a_id="TR", country_b_id="CN", sector=s, status=rng.choice(AreaStatus.values), **vis()
            )
            for s in leaves
        ]
    )
    engagement_type = ContentType.objects.get_for_model(Engagement)
    Evidence.objects.bulk_create(
        [
            Evidence(
                document=rng.choice(documents),
                start=0,
                end=8,
                quote="Minister",
                content_type=engagement_type,
                object_id=rng.choice(engagements).pk,
            )
            for _ in range(_n("evidence", scale))
        ],
        batch_size=10000,
    )
    pipeline = ensure_default_pipeline()
    stages = list(pipeline.stages.order_by("order"))
    deals = Deal.objects.bulk_create(
        [
            Deal(
                title=f"Deal {i}",
                pipeline=pipeline,
                stage=rng.choice(stages),
                stage_since=now,
                province=rng.choice(PROVINCES),
                announced_amount=Decimal(rng.randint(5, 900)),
                **vis(),
            )
            for i in range(_n("deals", scale))
        ],
        batch_size=5000,
    )
    Deal.sectors.through.objects.bulk_create(
        [Deal.sectors.through(deal_id=d.pk, sector_id=rng.choice(leaves).pk) for d in deals], batch_size=10000
    )
    StageChange.objects.bulk_create(
        [
            StageChange(deal=d, to_stage=rng.choice(stages), at=now - dt.timedelta(days=rng.randint(0, 1000)))
            for d in deals
            for _ in range(rng.randint(1, 3))
        ],
        batch_size=10000,
    )
    refresh_furthest_stage(Deal.objects.all())  # bulk_create sends no signals: the funnel's column by hand
    agency_a = Organisation.objects.create(name="Agency A", kind=OrganisationKind.AGENCY, country_id="TR")
    agency_b = Organisation.objects.create(name="Agency B", kind=OrganisationKind.AGENCY, country_id="CN")
    call = Call.objects.create(
        title="Bench call",
        agency_a=agency_a,
        agency_b=agency_b,
        budget_a=Decimal(10**8),
        currency_a="TRY",
        budget_b=Decimal(10**8),
        currency_b="CNY",
        deadline=now,
        status=CallStatus.DECIDED,
    )
    companies = list(organisations[:400])
    proposals = Proposal.objects.bulk_create(
        [
            Proposal(
                call=call,
                organisation=rng.choice(companies),
                title=f"Proposal {i}",
                topic=rng.choice(leaves),
                status=rng.choice(
                    [ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED, ProposalStatus.SUBMITTED]
                ),
                submitted_at=now - dt.timedelta(days=rng.randint(0, 700)),
            )
            for i in range(_n("proposals", scale))
        ],
        batch_size=5000,
    )
    partners = Partner.objects.bulk_create(
        [
            Partner(proposal=p, organisation=rng.choice(companies), country_id=c)
            for p in proposals
            for c in ("TR", "CN")
        ],
        batch_size=5000,
        ignore_conflicts=True,
    )
    partners = list(Partner.objects.all())
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(partner=p, category="personnel", amount=Decimal(rng.randint(10, 500)) * 1000)
            for p in partners
        ],
        batch_size=10000,
    )
    assignments = ReviewAssignment.objects.bulk_create(
        [
            ReviewAssignment(proposal=p, reviewer=r, source="solver")
            for p in proposals
            for r in rng.sample(reviewers, 3)
        ],
        batch_size=10000,
    )
    Review.objects.bulk_create(
        [Review(assignment=a, submitted_at=now + dt.timedelta(days=rng.randint(1, 30))) for a in assignments],
        batch_size=10000,
    )
    from kopru.insights.domain.packs import people_by_engagements

    return {"officer": officer, "busiest": people_by_engagements(officer)[0]}


def _install_floor():
    """A bare view reading one row, mounted beside the project's URLs for the same middleware stack."""
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    from kopru import urls
    from kopru.engage.models import Engagement

    def floor(request):
        return HttpResponse(Engagement.objects.only("title").order_by("pk").first().title)

    def signed_in_floor(request):
        # For context: the same, after reading who the signed-in user is (session, user, profile).
        role = request.user.profile.role
        return HttpResponse(f"{role} {Engagement.objects.only('title').order_by('pk').first().title}")

    module = types.ModuleType("bench_insights_urls")
    module.urlpatterns = [
        path("bench/floor/", floor),
        path("bench/floor-signed-in/", signed_in_floor),
        *urls.urlpatterns,
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


def _cold(client, pages: dict[str, str], runs: int = 7) -> dict[str, float]:
    """Median time of a request that finds nothing remembered (the first after a change to the record),
    pages taken in turn so that every page meets the same load of the machine."""
    from kopru.insights.domain.memo import forget

    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(runs):
        for name, url in pages.items():
            forget()
            start = time.perf_counter()
            client.get(url)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def _measure(client, pages: dict[str, str], requests: int) -> dict[str, tuple[float, float]]:
    """p50 and p95 of repeated requests per page; the pages are taken in turn (floor, overview, ...,
    floor, overview, ...) so that a busy moment of a shared machine weighs on all of them alike."""
    for url in pages.values():
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(requests):
        for name, url in pages.items():
            start = time.perf_counter()
            client.get(url)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: _percentiles(values) for name, values in times.items()}


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="keep the database of the previous run")
    parser.add_argument("--profile", choices=["overview", "commitments", "graph", "pack", "floor+user"])
    parser.add_argument("--warm", action="store_true", help="profile repeated requests (default: cold ones)")
    parser.add_argument("--profile-runs", type=int, default=5)
    args = parser.parse_args()
    url = os.environ.get("KOPRU_BENCH_DATABASE_URL", DEFAULT_URL)
    started = time.perf_counter()
    if not args.reuse:
        _fresh_database(url)
    _setup(url)
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    if args.reuse:
        from django.contrib.auth import get_user_model

        from kopru.insights.domain.packs import people_by_engagements

        officer = get_user_model().objects.get(username="bench.officer")
        made = {"officer": officer, "busiest": people_by_engagements(officer)[0]}
    else:
        made = _populate(args.scale)
    built = time.perf_counter() - started
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _install_floor()
    client = Client()
    client.force_login(made["officer"])
    end = timezone.localdate()
    pages = {
        "floor": "/bench/floor/",
        "floor+user": "/bench/floor-signed-in/",
        "overview": "/insights/",
        "commitments": "/insights/commitments/",
        "graph": f"/api/insights/graph?start={end - dt.timedelta(days=365)}&end={end}",
        "pack": f"/insights/packs/person/{made['busiest']}/",
    }
    if args.profile:
        from pyinstrument import Profiler

        from kopru.insights.domain.memo import forget

        client.get(pages[args.profile])  # the per-process lookups (sectors, content types, URL resolvers)
        profiler = Profiler(interval=0.001)
        profiler.start()
        for _ in range(args.profile_runs):
            if not args.warm:
                forget()  # a cold request: the first after a change to the record
            client.get(pages[args.profile])
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
        return
    from kopru.calls.models import Proposal
    from kopru.core.models import Document, Evidence
    from kopru.engage.models import Engagement
    from kopru.invest.models import Deal

    print(
        f"database: {Document.objects.count():,} documents, {Engagement.objects.count():,} engagements, "
        f"{Evidence.objects.count():,} evidence rows, {Deal.objects.count():,} deals, "
        f"{Proposal.objects.count():,} proposals (built in {built:.0f} s); {args.requests} requests each"
    )
    results = _measure(client, pages, args.requests)
    cold = _cold(client, {name: page for name, page in pages.items() if not name.startswith("floor")})
    floor95 = results["floor"][1]
    print(
        f"{'page':<12} {'p50 ms':>8} {'p95 ms':>8} {'× floor':>8} {'cold p50':>9}  "
        "target (p95 ≤ 5 × floor and ≤ 300 ms)"
    )
    for name, (p50, p95) in results.items():
        ratio = p95 / floor95
        verdict = "" if name.startswith("floor") else ("met" if ratio <= 5 and p95 <= 300 else "NOT met")
        first = f"{cold[name]:>9.1f}" if name in cold else f"{'':>9}"
        print(f"{name:<12} {p50:>8.1f} {p95:>8.1f} {ratio:>8.1f} {first}  {verdict}")
    print("× floor: p95 over the bare floor's p95; floor+user (the floor after reading the signed-in user)")
    print("is for context only. p50/p95: repeated requests (results remembered until the record changes);")
    print("cold p50: the first request after a change (nothing remembered).")


if __name__ == "__main__":
    main()
