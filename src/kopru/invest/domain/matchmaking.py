"""Ranked matches between company profiles and opportunities, through the framework-free engine.

The engine's index is built over every profile and opportunity (so scores do not depend on who asks) and
cached per process, keyed by the row counts and latest update times of the tables it reads; results are
then narrowed to what the asking user may read.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.db.models import Count, Max

from kopru.core import access
from kopru.core.models import Organisation
from kopru.invest.matching import Capacity, Company, Match, MatchIndex, MatchingInputError, Opportunity
from kopru.invest.matching.vocab import SECTORS, UNITS
from kopru.invest.models import CompanyProfile
from kopru.invest.models import Opportunity as OpportunityRecord
from kopru.invest.validators import province_rows

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[str, object] = {"key": None, "index": None, "skipped": {}}


@dataclass(frozen=True)
class RankedMatch:
    record: object  # CompanyProfile or Opportunity
    score: float
    messages: list  # Explanation keys and parameters; `kopru.invest.explanations.render` words them


def company_from_profile(profile: CompanyProfile) -> Company:
    organisation = profile.organisation
    capacities = tuple(
        Capacity(float(item["value"]), item["unit"])
        for item in profile.capacities or []
        if str(item.get("unit", "")).lower() in UNITS
    )
    return Company(
        id=str(profile.pk),
        name=organisation.name,
        hq_country=organisation.country_id or "",
        sectors=tuple(s.code for s in organisation.sectors.all() if s.code in SECTORS),
        description=" ".join(part for part in (organisation.description, profile.capabilities) if part),
        tags=tuple(profile.tags or ()),
        employees=profile.employees,
        revenue_musd=float(profile.revenue_musd) if profile.revenue_musd is not None else None,
        capacities=capacities,
        plants=tuple(profile.plants or ()),
        export_markets=tuple(profile.export_markets or ()),
        investment_modes=tuple(profile.investment_modes or ()),
    )


def opportunity_from_record(record: OpportunityRecord) -> Opportunity:
    capacity = None
    if record.capacity_value and record.capacity_unit:
        capacity = Capacity(float(record.capacity_value), record.capacity_unit)
    rows = province_rows(record.province) if record.province else []
    return Opportunity(
        id=str(record.pk),
        title=record.title,
        sectors=tuple(s.code for s in record.sectors.all() if s.code in SECTORS),
        kind=record.kind,
        province=rows[0].name if rows else record.province,
        region=f"region {rows[0].region}" if rows else "",
        in_oiz=record.in_oiz,
        capex_musd=float(record.capex_musd) if record.capex_musd is not None else None,
        capacity=capacity,
        jobs=record.jobs,
        description=record.description,
        tags=tuple(record.tags or ()),
        target_markets=tuple(record.target_markets or ()),
        host_country=record.host_country_id,
        allowed_countries=tuple(record.allowed_countries or ()),
        denied_countries=tuple(record.denied_countries or ()),
    )


def _cache_key() -> tuple:
    parts = []
    for queryset in (CompanyProfile.objects, OpportunityRecord.objects, Organisation.objects):
        stats = queryset.aggregate(n=Count("pk"), last=Max("updated_at"))
        parts.append((stats["n"], stats["last"]))
    return tuple(parts)


def build_index() -> tuple[MatchIndex, dict[str, str]]:
    """An index over every profile and opportunity; records the engine refuses are skipped with a reason."""
    skipped: dict[str, str] = {}
    companies, opportunities = [], []
    for profile in CompanyProfile.objects.select_related("organisation").prefetch_related(
        "organisation__sectors"
    ):
        try:
            companies.append(company_from_profile(profile))
        except MatchingInputError as error:
            skipped[f"company:{profile.pk}"] = str(error)
    for record in OpportunityRecord.objects.prefetch_related("sectors"):
        try:
            opportunities.append(opportunity_from_record(record))
        except MatchingInputError as error:
            skipped[f"opportunity:{record.pk}"] = str(error)
    return MatchIndex.build(companies, opportunities), skipped


def current_index() -> tuple[MatchIndex, dict[str, str]]:
    key = _cache_key()
    with _lock:
        if _cache["key"] != key:
            started = time.perf_counter()
            index, skipped = build_index()
            _cache.update(key=key, index=index, skipped=skipped)
            log.info("matchmaking index rebuilt in %.1f ms", (time.perf_counter() - started) * 1000)
        return _cache["index"], _cache["skipped"]


def clear_cache() -> None:
    with _lock:
        _cache.update(key=None, index=None, skipped={})


def _ranked(matches: list[Match], queryset, user, k: int) -> list[RankedMatch]:
    ids = [int(match.id) for match in matches]
    visible = {record.pk: record for record in access.visible_to(queryset.filter(pk__in=ids), user)}
    ranked = [
        RankedMatch(visible[int(match.id)], match.score, match.explanation.messages)
        for match in matches
        if int(match.id) in visible
    ]
    return ranked[:k]


def opportunities_for_company(profile: CompanyProfile, user, k: int = 10) -> tuple[list[RankedMatch], str]:
    """(matches, note): the note explains an empty list (e.g. the profile lacks an HQ country)."""
    index, skipped = current_index()
    if f"company:{profile.pk}" in skipped:
        return [], skipped[f"company:{profile.pk}"]
    matches = index.opportunities_for(str(profile.pk), k=max(k * 3, 30))
    queryset = OpportunityRecord.objects.select_related("host_country")
    return _ranked(matches, queryset, user, k), ""


def companies_for_opportunity(record: OpportunityRecord, user, k: int = 10) -> tuple[list[RankedMatch], str]:
    index, skipped = current_index()
    if f"opportunity:{record.pk}" in skipped:
        return [], skipped[f"opportunity:{record.pk}"]
    matches = index.companies_for(str(record.pk), k=max(k * 3, 30))
    queryset = CompanyProfile.objects.select_related("organisation", "organisation__country")
    return _ranked(matches, queryset, user, k), ""
