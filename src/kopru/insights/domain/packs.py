"""Briefing packs: everything the record says about a person, an organisation, or a country pair in a
sector — profile and positions, past engagements, commitments and their status, open actions, deals and
opportunities in their sectors, claims they made, latest documents — each line linked to its record or
evidence.

A pack obeys visibility: government staff (and admins) get what they may read; everyone else gets the
public pack (public records only), whatever else they might be allowed to open one by one.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kopru.core import access
from kopru.core.models import Document, Evidence, Organisation, Person, Position, Sector
from kopru.engage.enums import EngagementStatus
from kopru.engage.models import Agreement, Claim, Engagement
from kopru.insights.domain import sources
from kopru.insights.domain.commitments import commitments
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope
from kopru.invest.models import Deal, Opportunity

TIMELINE = 25
PACK_COMMITMENTS = 30
LATEST = 10
OPEN_STATUSES = ("overdue", "not_held", "slipping", "due_soon", "open", "pending")


def pack_reader(user):
    """Whose eyes the pack is written for: staff and admins read as themselves, others as the public."""
    if access.is_admin(user) or access.is_government_staff(user):
        return user
    return AnonymousUser()


@dataclass
class Line:
    text: str
    url: str = ""
    date: object = None
    detail: str = ""
    evidence_url: str = ""


@dataclass
class Pack:
    kind: str
    title: str
    subtitle: str = ""
    public: bool = False
    profile: list[Line] = field(default_factory=list)
    positions: list[Line] = field(default_factory=list)
    timeline: list[Line] = field(default_factory=list)
    commitments: list = field(default_factory=list)
    open_actions: list = field(default_factory=list)
    deals: list[Line] = field(default_factory=list)
    opportunities: list[Line] = field(default_factory=list)
    claims: list[Line] = field(default_factory=list)
    documents: list[Line] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)


def _first_evidence(model, ids, reader) -> dict[int, str]:
    """The first piece of evidence (in a document the reader may open) per record id: its URL."""
    content_type = ContentType.objects.get_for_model(model)
    documents = access.visible_to(Document.objects.all(), reader).values("pk")
    found = {}
    for object_id, document_id, pk in (
        Evidence.objects.filter(content_type=content_type, object_id__in=ids, document__in=documents)
        .values_list("object_id", "document_id", "pk")
        .order_by("object_id", "pk")
    ):
        found.setdefault(object_id, f"{reverse('record-detail', args=['documents', document_id])}#ev-{pk}")
    return found


def _fill(pack: Pack, reader, scope: Scope, engagements, agreements, claims, sector_codes=None) -> Pack:
    """The sections every pack shares, from the querysets of its engagements, agreements and claims."""
    # Past engagements: those that took place (planned ones show under commitments once overdue).
    past = engagements.exclude(start_date__gt=timezone.localdate()).exclude(status=EngagementStatus.PLANNED)
    engagement_rows = list(
        past.order_by(F("start_date").desc(nulls_last=True), "-pk").values(
            "pk", "title", "start_date", "status", "place"
        )[:TIMELINE]
    )
    evidence = _first_evidence(Engagement, [row["pk"] for row in engagement_rows], reader)
    pack.timeline = [
        Line(
            row["title"],
            reverse("record-detail", args=["engagements", row["pk"]]),
            row["start_date"],
            row["place"],
            evidence.get(row["pk"], ""),
        )
        for row in engagement_rows
    ]
    items = commitments(
        scope,
        reader,
        engagements=engagements.values("pk"),
        agreements=agreements.values("pk"),
        claims=claims.values("pk"),
    )
    pack.commitments = items[:PACK_COMMITMENTS]
    pack.open_actions = [item for item in items if item.kind == "action" and item.status in OPEN_STATUSES][
        :25
    ]
    claim_rows = list(
        claims.order_by("-stated_on", "-pk").values("pk", "subject", "text", "stated_on")[:LATEST]
    )
    claim_evidence = _first_evidence(Claim, [row["pk"] for row in claim_rows], reader)
    pack.claims = [
        Line(
            f"{row['subject']}: {row['text']}",
            reverse("record-detail", args=["claims", row["pk"]]),
            row["stated_on"],
            evidence_url=claim_evidence.get(row["pk"], ""),
        )
        for row in claim_rows
    ]
    if sector_codes is None:
        # The five sectors of most of their engagements, counted by the database.
        sector_codes = list(
            Engagement.sectors.through.objects.filter(engagement_id__in=engagements.values("pk"))
            .values("sector__code")
            .annotate(n=Count("pk"))
            .order_by("-n", "sector__code")
            .values_list("sector__code", flat=True)[:5]
        )
    pack.sectors = [str(s) for s in Sector.objects.filter(code__in=sector_codes)]
    deals = access.visible_to(Deal.objects.all(), reader).filter(
        pk__in=Deal.objects.filter(sectors__code__in=sector_codes).values("pk")
    )
    pack.deals = [
        Line(
            row["title"],
            reverse("invest:deal-detail", args=[row["pk"]]),
            row["stage_since"],
            row["stage__name"],
        )
        for row in deals.order_by("-stage_since").values("pk", "title", "stage_since", "stage__name")[:LATEST]
    ]
    opportunities = access.visible_to(Opportunity.objects.all(), reader).filter(
        pk__in=Opportunity.objects.filter(sectors__code__in=sector_codes).values("pk")
    )
    pack.opportunities = [
        Line(row["title"], reverse("invest:opportunity-detail", args=[row["pk"]]), None, row["province"])
        for row in opportunities.order_by("title").values("pk", "title", "province")[:LATEST]
    ]
    # Latest documents: those that hold evidence for the pack's engagements, claims or agreements.
    facts = Q()
    for model, queryset in ((Engagement, engagements), (Claim, claims), (Agreement, agreements)):
        facts |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=queryset.values("pk"))
    document_ids = Evidence.objects.filter(facts).values("document_id")
    documents = access.visible_to(Document.objects.all(), reader).filter(pk__in=document_ids)
    pack.documents = [
        Line(
            row["title"],
            reverse("record-detail", args=["documents", row["pk"]]),
            row["published_date"],
            row["publisher"],
        )
        for row in documents.order_by("-published_date", "-pk").values(
            "pk", "title", "published_date", "publisher"
        )[:LATEST]
    ]
    return pack


def person_pack(person_id: int, user, scope: Scope) -> Pack:
    """A copy of the remembered pack (views add to it)."""
    return copy.copy(
        remembered(
            "person_pack",
            user,
            (
                person_id,
                scope,
            ),
            lambda: _person_pack(person_id, user, scope),
        )
    )


def _person_pack(person_id: int, user, scope: Scope) -> Pack:
    reader = pack_reader(user)
    person = access.visible_to(Person.objects.select_related("country"), reader).filter(pk=person_id).first()
    if person is None:
        raise Http404("No such person")
    pack = Pack("person", person.name, str(person.country or ""), public=reader is not user)
    if person.biography:
        pack.profile.append(Line(person.biography, person.get_absolute_url()))
    pack.positions = [
        Line(
            position.title, position.get_absolute_url(), position.start_date, str(position.organisation or "")
        )
        for position in access.visible_to(Position.objects.filter(person=person), reader)
        .select_related("organisation")
        .order_by("-start_date")
    ]
    engagements = access.visible_to(Engagement.objects.filter(people=person), reader)
    agreements = access.visible_to(Agreement.objects.filter(signatories=person), reader)
    claims = access.visible_to(Claim.objects.filter(speaker=person), reader)
    return _fill(pack, reader, scope, engagements, agreements, claims)


def organisation_pack(organisation_id: int, user, scope: Scope) -> Pack:
    """A copy of the remembered pack (views add to it)."""
    return copy.copy(
        remembered(
            "organisation_pack",
            user,
            (
                organisation_id,
                scope,
            ),
            lambda: _organisation_pack(organisation_id, user, scope),
        )
    )


def _organisation_pack(organisation_id: int, user, scope: Scope) -> Pack:
    reader = pack_reader(user)
    organisation = (
        access.visible_to(Organisation.objects.select_related("country"), reader)
        .filter(pk=organisation_id)
        .first()
    )
    if organisation is None:
        raise Http404("No such organisation")
    pack = Pack("organisation", organisation.name, str(organisation.country or ""), public=reader is not user)
    if organisation.description:
        pack.profile.append(Line(organisation.description, organisation.get_absolute_url()))
    pack.positions = [
        Line(f"{position.person.name}: {position.title}", position.get_absolute_url(), position.start_date)
        for position in access.visible_to(Position.objects.filter(organisation=organisation), reader)
        .select_related("person")
        .order_by("-start_date")[:25]
    ]
    engagements = access.visible_to(Engagement.objects.filter(organisations=organisation), reader)
    agreements = access.visible_to(Agreement.objects.filter(parties=organisation), reader)
    claims = access.visible_to(Claim.objects.filter(subject_organisation=organisation), reader)
    return _fill(pack, reader, scope, engagements, agreements, claims)


def pair_pack(user, scope: Scope) -> Pack:
    """A copy of the remembered pack (views add to it)."""
    return copy.copy(remembered("pair_pack", user, (scope,), lambda: _pair_pack(user, scope)))


def _pair_pack(user, scope: Scope) -> Pack:
    """The pair in one sector (or all sectors): the area's status, then the shared sections."""
    reader = pack_reader(user)
    a, b = scope.pair
    sector = Sector.objects.filter(code=scope.sector).first() if scope.sector else None
    title = f"{a}–{b}" + (f": {sector}" if sector else "")
    pack = Pack("pair", title, public=reader is not user)
    for area in sources.areas(scope, reader).select_related("sector"):
        pack.profile.append(
            Line(
                f"{area.sector}: {area.get_status_display()}",
                area.get_absolute_url(),
                area.status_since,
                area.summary,
            )
        )
    engagements = sources.engagements(scope, reader)
    agreements = sources.agreements(scope, reader)
    claims = access.visible_to(Claim.objects.all(), reader)
    if scope.sector:
        claims = claims.filter(sector__code__in=scope.sector_codes)
    claims = claims.filter(Q(subject_country__in=scope.pair) | Q(subject_country__isnull=True))
    codes = list(scope.sector_codes) if scope.sector else None
    pack = _fill(pack, reader, scope, engagements, agreements, claims, sector_codes=codes)
    return pack


def people_by_engagements(user, limit: int = 1) -> list[int]:
    """The people with the most engagements the user may see (the bench opens the busiest one's pack)."""
    counts = defaultdict(int)
    engagements = access.visible_to(Engagement.objects.all(), user).values("pk")
    for person_id in Engagement.people.through.objects.filter(engagement_id__in=engagements).values_list(
        "person_id", flat=True
    ):
        counts[person_id] += 1
    return sorted(counts, key=lambda pid: -counts[pid])[:limit]
