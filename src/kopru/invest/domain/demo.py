"""Demo content: a default pipeline, opportunities and investor profiles from the matchmaking evaluation set,
and deals across the stages with their history. Idempotent. (The BYD–Manisa deal is not created here: it
arrives as a suggestion when the demo ingests data/demo/invest/byd_manisa_news.txt.)"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from kopru.core.domain.notes import add_note
from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Country, Organisation, Sector
from kopru.invest.domain.companies import find_organisation
from kopru.invest.domain.deals import create_deal, move_deal
from kopru.invest.domain.pipelines import create_pipeline, ensure_default_pipeline
from kopru.invest.enums import LostReason, SchemeType, StagePhase
from kopru.invest.matching.loading import load_companies, load_opportunities
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline

OPPORTUNITIES = {
    "tr-manisa-battery-cells": (SchemeType.STRATEGIC, Visibility.PUBLIC),
    "tr-sakarya-rolling-stock-jv": (SchemeType.LARGE_SCALE, Visibility.PUBLIC),
    "tr-bursa-ev-supplier": (SchemeType.REGIONAL, Visibility.PUBLIC),
    "tr-kocaeli-vaccine-fill-finish": (SchemeType.PROJECT_BASED, Visibility.SHARED),
    "tr-izmir-wind-blades": (SchemeType.LARGE_SCALE, Visibility.PUBLIC),
    "tr-ankara-data-centre": (SchemeType.LARGE_SCALE, Visibility.SHARED),
    "tr-konya-pv-cell-module": (SchemeType.STRATEGIC, Visibility.PUBLIC),
    "tr-kocaeli-ev-oem-greenfield": (SchemeType.STRATEGIC, Visibility.INTERNAL),
}
COMPANIES = [
    "cn-ev-dragonway",
    "cn-ev-zhixing",
    "cn-bat-ningtai",
    "cn-bat-guoxin",
    "kr-bat-hanil",
    "cn-pv-longsun",
    "cn-wind-sinoblade",
    "cn-rail-zhonghua",
    "cn-vac-sinobio",
    "cn-cloud-tianyun",
]
# (title, company id, opportunity id, stage path, started, amounts, extra)
DEALS = [
    (
        "Ningtai Battery – Manisa cell gigafactory",
        "cn-bat-ningtai",
        "tr-manisa-battery-cells",
        ["lead", "contacted", "site_visit", "proposal", "negotiation"],
        dt.date(2025, 9, 1),
        {"announced_amount": None, "expected_capex": Decimal("1500"), "jobs": 2000},
    ),
    (
        "Dragonway Auto – Kocaeli vehicle plant",
        "cn-ev-dragonway",
        "tr-kocaeli-ev-oem-greenfield",
        ["lead", "contacted", "site_visit"],
        dt.date(2026, 3, 10),
        {"expected_capex": Decimal("1200"), "jobs": 4000, "visibility": Visibility.INTERNAL},
    ),
    (
        "Zhonghua Rail – Sakarya rolling stock JV",
        "cn-rail-zhonghua",
        "tr-sakarya-rolling-stock-jv",
        ["lead", "contacted", "proposal", "negotiation", "agreement_signed"],
        dt.date(2025, 2, 3),
        {"announced_amount": Decimal("400"), "committed_amount": Decimal("350"), "jobs": 1500},
    ),
    (
        "Sinoblade – İzmir blade factory",
        "cn-wind-sinoblade",
        "tr-izmir-wind-blades",
        ["lead", "site_visit", "negotiation", "agreement_signed", "under_construction"],
        dt.date(2024, 11, 4),
        {
            "announced_amount": Decimal("250"),
            "committed_amount": Decimal("220"),
            "realised_amount": Decimal("90"),
            "jobs": 1200,
        },
    ),
    (
        "Tianyun Cloud – Ankara data centre",
        "cn-cloud-tianyun",
        "tr-ankara-data-centre",
        ["lead", "contacted", "proposal"],
        dt.date(2026, 1, 12),
        {"expected_capex": Decimal("600")},
    ),
    (
        "Sinobio – Kocaeli vaccine fill-finish",
        "cn-vac-sinobio",
        "tr-kocaeli-vaccine-fill-finish",
        ["lead", "contacted", "site_visit", "lost"],
        dt.date(2025, 4, 7),
        {"expected_capex": Decimal("120")},
    ),
    (
        "Longsun Solar – Konya cell and module plant",
        "cn-pv-longsun",
        "tr-konya-pv-cell-module",
        [
            "lead",
            "contacted",
            "site_visit",
            "proposal",
            "negotiation",
            "agreement_signed",
            "under_construction",
            "operating",
        ],
        dt.date(2023, 10, 2),
        {
            "announced_amount": Decimal("800"),
            "committed_amount": Decimal("650"),
            "realised_amount": Decimal("610"),
            "jobs": 1800,
        },
    ),
    (
        "Anatolia Cell Works – module line for Hanil cells",
        None,
        None,
        ["lead", "contacted"],
        dt.date(2026, 6, 15),
        {"expected_capex": Decimal("45"), "jobs": 180, "province": "Manisa"},
    ),
]


def _organisation_for(company) -> Organisation:
    organisation = find_organisation(company.name)
    if organisation is None:
        organisation = Organisation(
            name=company.name,
            kind=OrganisationKind.COMPANY,
            country_id=company.hq_country,
            description=company.description,
            visibility=Visibility.PUBLIC,
        )
        organisation.full_clean()
        organisation.save()
        organisation.sectors.set(Sector.objects.filter(code__in=company.sectors))
    return organisation


def _profiles(lines) -> dict[str, CompanyProfile]:
    wanted = {company.id: company for company in load_companies() if company.id in COMPANIES}
    profiles = {}
    for key in COMPANIES:
        company = wanted[key]
        organisation = _organisation_for(company)
        profile, created = CompanyProfile.objects.get_or_create(
            organisation=organisation,
            defaults={
                "capabilities": company.description,
                "tags": list(company.tags),
                "employees": company.employees,
                "revenue_musd": Decimal(str(company.revenue_musd)) if company.revenue_musd else None,
                "capacities": [{"value": c.value, "unit": c.unit} for c in company.capacities],
                "plants": list(company.plants),
                "export_markets": list(company.export_markets),
                "investment_modes": list(company.investment_modes),
                "visibility": Visibility.SHARED,
                "source": "demo: data/matching/companies.yaml",
            },
        )
        profiles[key] = profile
        if created:
            lines.append(f"  company profile: {organisation.name}")
    return profiles


def _opportunities(lines) -> dict[str, Opportunity]:
    records = {}
    for item in load_opportunities():
        if item.id not in OPPORTUNITIES:
            continue
        scheme, visibility = OPPORTUNITIES[item.id]
        record = Opportunity.objects.filter(title=item.title).first()
        if record is None:
            unit, value = item.capacity.canonical if item.capacity else ("", None)
            record = Opportunity(
                title=item.title,
                kind=item.kind,
                description=item.description,
                tags=list(item.tags),
                host_country_id=item.host_country,
                province=item.province,
                in_oiz=item.in_oiz,
                capex_musd=Decimal(str(item.capex_musd)) if item.capex_musd is not None else None,
                capacity_value=value,
                capacity_unit=unit,
                jobs=item.jobs,
                scheme_type=scheme,
                target_markets=list(item.target_markets),
                allowed_countries=list(item.allowed_countries),
                denied_countries=list(item.denied_countries),
                visibility=visibility,
                owner_side="TR" if visibility == Visibility.INTERNAL else "",
            )
            record.full_clean()
            record.save()
            record.sectors.set(Sector.objects.filter(code__in=item.sectors))
            lines.append(f"  opportunity: {record.title}")
        records[item.id] = record
    return records


def _deal(spec, profiles, opportunities, pipeline, officer, company_profile, lines):
    title, company_key, opportunity_key, path, started, extra = spec
    if Deal.objects.filter(title=title).exists():
        return
    stages = {stage.code: stage for stage in pipeline.stages.all()}
    opportunity = opportunities.get(opportunity_key)
    extra = dict(extra)
    visibility = extra.pop("visibility", Visibility.SHARED)
    deal = Deal(
        title=title,
        company=profiles.get(company_key, company_profile),
        opportunity=opportunity,
        pipeline=pipeline,
        stage=stages[path[0]],
        visibility=visibility,
        owner_side="TR" if visibility == Visibility.INTERNAL else "",
        province=extra.pop("province", opportunity.province if opportunity else ""),
        capacity_value=opportunity.capacity_value if opportunity else None,
        capacity_unit=opportunity.capacity_unit if opportunity else "",
        **extra,
    )
    create_deal(deal, user=officer, sectors=list(opportunity.sectors.all()) if opportunity else [])
    for code in path[1:]:
        lost = LostReason.COMPETING_LOCATION if stages[code].phase == StagePhase.LOST else ""
        move_deal(deal, stages[code], user=officer, lost_reason=lost, note="demo")
    # Spread the history over realistic dates (about six weeks per stage, ending no later than today).
    today = timezone.localdate()
    changes = list(deal.stage_changes.order_by("pk"))
    for step, change in enumerate(changes):
        day = min(started + dt.timedelta(days=42 * step), today)
        change.at = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        change.save(update_fields=["at"])
    signed = next((c.at.date() for c in changes if c.to_stage.phase == StagePhase.SIGNED), None)
    Deal.objects.filter(pk=deal.pk).update(stage_since=changes[-1].at, agreement_signed_on=signed)
    deal.refresh_from_db()
    lines.append(f"  deal: {title} ({deal.stage.label})")
    return deal


@transaction.atomic
def load_demo() -> list[str]:
    lines = ["Investment pipeline:"]
    pipeline = ensure_default_pipeline()
    if not Pipeline.objects.filter(name="Energy desk").exists():
        create_pipeline(
            gettext_noop("Energy desk"),
            stages=[
                ("lead", "Lead", StagePhase.OPEN, 5),
                ("feasibility", gettext_noop("Feasibility study"), StagePhase.OPEN, 25),
                ("licence", gettext_noop("Licence and grid connection"), StagePhase.OPEN, 50),
                ("agreement_signed", "Agreement signed", StagePhase.SIGNED, 80),
                ("under_construction", "Under construction", StagePhase.DELIVERY, 90),
                ("operating", "Operating", StagePhase.DELIVERY, 100),
                ("lost", "Lost", StagePhase.LOST, 0),
            ],
            sector=Sector.objects.filter(code="energy").first(),
            team="Energy investments",
        )
    officer = get_user_model().objects.filter(username="officer.tr").first()
    profiles = _profiles(lines)
    opportunities = _opportunities(lines)
    company_profile = None
    anatolia = Organisation.objects.filter(name="Anatolia Cell Works").first()
    if anatolia is not None:
        if not anatolia.country_id:
            anatolia.country = Country.objects.filter(code="TR").first()
        company_profile, _ = CompanyProfile.objects.get_or_create(
            organisation=anatolia,
            defaults={
                "capabilities": "Battery module and pack assembly for buses and storage (fictional).",
                "tags": ["battery module", "pack assembly"],
                "visibility": Visibility.SHARED,
                "source": "demo",
            },
        )
    for spec in DEALS:
        if spec[1] is None and company_profile is None:
            continue
        deal = _deal(spec, profiles, opportunities, pipeline, officer, company_profile, lines)
        if deal is not None and spec[1] is None and officer is not None:
            add_note(
                deal,
                author=officer,
                text="Sample module line layout received from the company.",
                visibility=Visibility.SHARED,
            )
            add_note(
                deal,
                author=officer,
                text="Internal: the company's bank guarantee is still pending.",
                visibility=Visibility.INTERNAL,
            )
    lines.append(
        f"  {Deal.objects.count()} deals, {Opportunity.objects.count()} opportunities, "
        f"{CompanyProfile.objects.count()} company profiles"
    )
    return lines
