"""Creating and merging engagements reported by documents.

The same meeting reported by two outlets is one engagement with two sources; a minister's two meetings on
one trip stay two engagements. Callers (the review queue) say which people and organisations took part and
which engagements they may merge into; this module decides whether the report is a new engagement.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from kopru.core.domain.actors import Ownership, attach_spans, country
from kopru.core.models import Document, Evidence, Organisation, Person, Sector
from kopru.engage.enums import EngagementKind
from kopru.engage.models import Engagement
from kopru.engage.titles import render_title, stored_title, title_parts

# Reports of one event from several outlets are usually dated within a few days of each other.
SAME_EVENT_WITHIN = datetime.timedelta(days=3)


@dataclass
class ReportedEngagement:
    """One engagement as a document reports it, its participants already resolved to records."""

    kind: str
    status: str
    date: datetime.date | None
    place: str
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    country_code: str | None = None
    sector_codes: list[str] = field(default_factory=list)
    summary: str = ""
    evidence: tuple[int, int] | None = None


def engagements_sourced_from(document: Document) -> Q:
    """Engagements with evidence in `document`."""
    engagement_type = ContentType.objects.get_for_model(Engagement)
    ids = Evidence.objects.filter(document=document, content_type=engagement_type).values("object_id")
    return Q(pk__in=ids)


def _participant_keys(people, organisations) -> set[tuple[str, int]]:
    return {("p", p.pk) for p in people} | {("o", o.pk) for o in organisations}


def _candidates(report: ReportedEngagement, document: Document, within: QuerySet) -> QuerySet:
    candidates = within.filter(kind=report.kind).prefetch_related("people", "organisations")
    if report.date:
        window = (report.date - SAME_EVENT_WITHIN, report.date + SAME_EVENT_WITHIN)
        candidates = candidates.filter(start_date__range=window)
    else:
        candidates = candidates.filter(start_date__isnull=True, place__iexact=report.place or "")
    # Two events of one document are never merged: the extractor already told them apart.
    return candidates.exclude(engagements_sourced_from(document)).order_by("pk")


def find_same_engagement(
    report: ReportedEngagement, document: Document, *, within: QuerySet | None = None
) -> Engagement | None:
    """The same event reported by another document: same kind, close (or both unknown) dates, and the same
    participants — all of them when either side names one, at least two otherwise (a minister's two meetings
    on one trip share the minister but are two engagements). Only engagements in `within` are candidates
    (the caller passes those it may change)."""
    wanted = _participant_keys(report.people, report.organisations)
    if not wanted:
        return None
    within = Engagement.objects.all() if within is None else within
    for candidate in _candidates(report, document, within):
        present = _participant_keys(candidate.people.all(), candidate.organisations.all())
        needed = 1 if min(len(wanted), len(present)) == 1 else 2
        if len(wanted & present) >= needed:
            return candidate
    return None


def engagement_title(kind, people, organisations, place: str) -> str:
    """The generated title in the active language (see `kopru.engage.titles`)."""
    return render_title(title_parts(kind, people, organisations, place))


def _create(report: ReportedEngagement, ownership: Ownership) -> Engagement:
    kind = EngagementKind(report.kind)
    parts = title_parts(kind, report.people, report.organisations, report.place)
    engagement = Engagement(
        kind=kind,
        title=stored_title(parts),
        title_parts=parts,
        status=report.status or "held",
        start_date=report.date,
        place=report.place,
        country=country(report.country_code),
        summary=report.summary,
        **ownership.as_fields(),
    )
    engagement.full_clean()
    engagement.save()
    return engagement


def record_engagement(
    report: ReportedEngagement, document: Document, *, within: QuerySet | None = None
) -> Engagement:
    """Merge the report into the same engagement already recorded (in `within`) or create it; either way
    the participants, sectors and the document's evidence are added."""
    engagement = find_same_engagement(report, document, within=within) or _create(
        report, Ownership.of(document)
    )
    engagement.people.add(*report.people)
    engagement.organisations.add(*report.organisations)
    engagement.sectors.add(*Sector.objects.filter(code__in=report.sector_codes))
    if report.evidence:
        attach_spans(engagement, document, [report.evidence])
    return engagement
