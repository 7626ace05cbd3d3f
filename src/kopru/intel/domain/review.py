"""The review queue's decisions: accepted suggestions become records with evidence; rejections are kept."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import OrganisationKind
from kopru.core.models import Country, Document, Evidence, Organisation, Person, Position, Sector
from kopru.core.text import fold
from kopru.engage.domain.areas import record_initial_status
from kopru.engage.enums import AreaStatus, EngagementKind
from kopru.engage.models import Claim, CooperationArea, Engagement
from kopru.intel.domain.resolution import resolve_organisation, resolve_person
from kopru.intel.enums import SuggestionStatus
from kopru.intel.models import Suggestion

EVENT_KINDS = {
    "meeting": EngagementKind.MEETING,
    "visit": EngagementKind.VISIT,
    "call": EngagementKind.CALL,
    "agreement": EngagementKind.SIGNING,
}
MAX_EVIDENCE_PER_RECORD = 10
# Reports of one event from several outlets are usually dated within a few days of each other.
SAME_EVENT_WITHIN = datetime.timedelta(days=3)


@dataclass(frozen=True)
class Decision:
    suggestion: Suggestion
    ok: bool
    message: str = ""


def _inherit_visibility(document: Document) -> dict:
    return {"visibility": document.visibility, "owner_side": document.owner_side}


def _country(code: str | None) -> Country | None:
    return Country.objects.filter(code=code).first() if code else None


def _evidence(record, document: Document, spans) -> None:
    for start, end in list(spans or [])[:MAX_EVIDENCE_PER_RECORD]:
        if 0 <= start < end <= len(document.text):
            attach_evidence(record, document, start, end)


def _merge_aliases(record, names) -> None:
    known = {fold(value) for value in [record.name, *record.aliases]}
    for name in names:
        if name and fold(name) not in known:
            record.aliases.append(name)
            known.add(fold(name))


def ensure_organisation(data: dict, document: Document) -> Organisation:
    name = data["name"].strip()
    resolution = resolve_organisation(name, data.get("aliases"), data.get("country"))
    aliases = data.get("aliases") or []
    organisation = resolution.record or Organisation(name=name, **_inherit_visibility(document))
    if organisation.pk:
        _merge_aliases(organisation, [name, *aliases])
    else:
        organisation.aliases = [alias for alias in dict.fromkeys(aliases) if fold(alias) != fold(name)]
    kind = data.get("kind")
    if kind in OrganisationKind.values and organisation.kind == OrganisationKind.OTHER:
        organisation.kind = kind
    if not organisation.country_id:
        organisation.country = _country(data.get("country"))
    organisation.full_clean()
    organisation.save()
    _evidence(organisation, document, data.get("mentions"))
    return organisation


def _government_body(name: str, country: str | None, document: Document) -> Organisation:
    kind = (
        OrganisationKind.GOVERNMENT if fold(name).startswith(("ministry", "presidency", "office")) else None
    )
    return ensure_organisation(
        {"name": name, "country": country, "kind": kind or OrganisationKind.OTHER}, document
    )


def _prefer_fuller_name(record, name: str) -> None:
    """ "Mehmet Fatih" seen first, "Mehmet Fatih Kacır" later: the record keeps the full name."""
    current, candidate = fold(record.name).split(), fold(name).split()
    if len(candidate) > len(current) and (
        candidate[: len(current)] == current or candidate[-len(current) :] == current
    ):
        previous = record.name
        record.aliases = [alias for alias in record.aliases if fold(alias) != fold(name)]
        if fold(previous) not in {fold(alias) for alias in record.aliases}:
            record.aliases.append(previous)
        record.name = name


def ensure_person(data: dict, document: Document) -> Person:
    name = data["name"].strip()
    resolution = resolve_person(name, data.get("aliases"), data.get("country"))
    aliases = data.get("aliases") or []
    person = resolution.record or Person(name=name, **_inherit_visibility(document))
    if person.pk:
        _merge_aliases(person, [name, *aliases])
        _prefer_fuller_name(person, name)
    else:
        person.aliases = [alias for alias in dict.fromkeys(aliases) if fold(alias) != fold(name)]
    if not person.country_id:
        person.country = _country(data.get("country"))
    person.full_clean()
    person.save()
    for position in data.get("positions") or []:
        title = (position.get("title") or "").strip()
        if not title:
            continue
        organisation = (
            _government_body(position["organization"], data.get("country"), document)
            if position.get("organization")
            else None
        )
        Position.objects.get_or_create(
            person=person, title=title, organisation=organisation, defaults=_inherit_visibility(document)
        )
    _evidence(person, document, data.get("mentions"))
    return person


def _participants(event: dict, document: Document) -> tuple[list[Person], list[Organisation]]:
    people, organisations = [], []
    details = event.get("participant_details") or [
        {"name": name, "entity": "person"} for name in event.get("participants", [])
    ]
    for detail in details:
        if detail.get("entity") == "organisation":
            organisations.append(ensure_organisation(detail, document))
        else:
            people.append(ensure_person(detail, document))
    return people, organisations


def _event_date(event: dict) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(event["date"]) if event.get("date") else None
    except ValueError:
        raise ValidationError({"date": "The date must be YYYY-MM-DD."}) from None


def find_same_engagement(kind: str, people, organisations, date, place: str, document) -> Engagement | None:
    """The same event reported by another document: same kind, close (or both unknown) dates, and the same
    participants — all of them when either side names one, at least two otherwise (a minister's two meetings
    on one trip share the minister but are two engagements). Two events of one document are never merged:
    the extractor already told them apart."""
    candidates = Engagement.objects.filter(kind=kind).prefetch_related("people", "organisations")
    if date:
        candidates = candidates.filter(start_date__range=(date - SAME_EVENT_WITHIN, date + SAME_EVENT_WITHIN))
    else:
        candidates = candidates.filter(start_date__isnull=True, place__iexact=place or "")
    candidates = candidates.exclude(evidence_for_document(document))
    wanted = {("p", p.pk) for p in people} | {("o", o.pk) for o in organisations}
    for candidate in candidates.order_by("pk"):
        present = {("p", p.pk) for p in candidate.people.all()} | {
            ("o", o.pk) for o in candidate.organisations.all()
        }
        needed = 1 if min(len(wanted), len(present)) == 1 else 2
        if wanted and len(wanted & present) >= needed:
            return candidate
    return None


def engagement_title(kind, people, organisations, place: str) -> str:
    """ "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır", "Meeting in Beijing: Kacır, Yin Hejun"."""
    who = ", ".join(person.name for person in people[:3])
    hosts = ", ".join(organisation.name for organisation in organisations[:2])
    if kind == EngagementKind.VISIT and (hosts or place):
        head = f"Visit to {hosts} ({place})" if hosts and place else f"Visit to {hosts or place}"
    else:
        head = f"{kind.label} in {place}" if place else str(kind.label)
        who = who or hosts
    return f"{head}: {who}"[:300] if who else head[:300]


def accept_event(event: dict, document: Document) -> Engagement:
    kind = EVENT_KINDS.get(event.get("type"))
    if kind is None:
        raise ValidationError({"type": f"Events of type {event.get('type')!r} do not become engagements."})
    date = _event_date(event)
    people, organisations = _participants(event, document)
    place = (event.get("place") or "")[:200]
    engagement = find_same_engagement(kind, people, organisations, date, place, document)
    if engagement is None:
        engagement = Engagement(
            kind=kind,
            title=engagement_title(kind, people, organisations, place),
            status=event.get("status") or "held",
            start_date=date,
            place=place,
            country=_country(event.get("place_country")),
            summary=document.text[event["evidence"][0] : event["evidence"][1]]
            if event.get("evidence")
            else "",
            **_inherit_visibility(document),
        )
        engagement.full_clean()
        engagement.save()
    engagement.people.add(*people)
    engagement.organisations.add(*organisations)
    engagement.sectors.add(*Sector.objects.filter(code__in=event.get("sectors") or []))
    if event.get("evidence"):
        _evidence(engagement, document, [event["evidence"]])
    return engagement


def _side_countries() -> tuple[Country, Country]:
    return Country.objects.get(code=settings.KOPRU_SIDE_A), Country.objects.get(code=settings.KOPRU_SIDE_B)


def accept_sector(data: dict, document: Document) -> CooperationArea:
    sector = Sector.objects.filter(code=data.get("code")).first()
    if sector is None:
        raise ValidationError({"code": f"Unknown sector code {data.get('code')!r}."})
    country_a, country_b = _side_countries()
    area = CooperationArea.objects.filter(country_a=country_a, country_b=country_b, sector=sector).first()
    if area is None:
        area = CooperationArea.objects.create(
            country_a=country_a,
            country_b=country_b,
            sector=sector,
            status=AreaStatus.DISCUSSED,
            status_since=document.published_date or timezone.localdate(),
            **_inherit_visibility(document),
        )
        record_initial_status(area)
    from_document = Engagement.objects.filter(evidence_for_document(document), sectors=sector)
    area.engagements.add(*from_document)
    _evidence(area, document, data.get("evidence"))
    return area


def evidence_for_document(document: Document):
    engagement_type = ContentType.objects.get_for_model(Engagement)
    ids = Evidence.objects.filter(document=document, content_type=engagement_type).values("object_id")
    return Q(pk__in=ids)


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValidationError({"value": f"{value!r} is not a number."}) from None


def accept_claim(data: dict, document: Document) -> Claim:
    subject = (data.get("subject") or "").strip()
    subject_country = Country.objects.filter(name__iexact=subject).first() if subject else None
    claim = Claim(
        subject=subject[:200] or "—",
        text=data.get("text") or "",
        metric=(data.get("metric") or "")[:50],
        value=_decimal(data.get("value")),
        unit=(data.get("unit") or "")[:30],
        scope=(data.get("scope") or "")[:100],
        sector=Sector.objects.filter(code=data.get("sector")).first(),
        subject_country=subject_country,
        stated_on=document.published_date,
        **_inherit_visibility(document),
    )
    claim.full_clean()
    claim.save()
    if data.get("evidence"):
        _evidence(claim, document, [data["evidence"]])
    return claim


ACCEPTORS = {
    "person": lambda data, document, user: ensure_person(data, document),
    "organisation": lambda data, document, user: ensure_organisation(data, document),
    "event": lambda data, document, user: accept_event(data, document),
    "sector": lambda data, document, user: accept_sector(data, document),
    "claim": lambda data, document, user: accept_claim(data, document),
}


def register_acceptor(kind: str, accept) -> None:
    """Let another app turn a kind of suggestion into its records (the investment desk: deals), so that
    intelligence names no sibling app. `accept(data, document, user)` returns the record."""
    ACCEPTORS.setdefault(kind, accept)


def _acceptor(kind: str):
    try:
        return ACCEPTORS[kind]
    except KeyError:
        raise ValidationError(f"No installed app accepts {kind} suggestions.") from None


@transaction.atomic
def accept_suggestion(suggestion: Suggestion, *, user, edits: dict | None = None):
    """Turn a suggestion into a record (created or updated) with evidence; `edits` override what was found."""
    suggestion = Suggestion.objects.select_for_update().select_related("document").get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    data = {**suggestion.payload, **(edits or {})}
    record = _acceptor(suggestion.kind)(data, suggestion.document, user)
    suggestion.payload = data
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.result_type = ContentType.objects.get_for_model(record)
    suggestion.result_id = record.pk
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.save()
    return record


def reject_suggestion(suggestion: Suggestion, *, user) -> None:
    updated = Suggestion.objects.filter(pk=suggestion.pk, status=SuggestionStatus.PENDING).update(
        status=SuggestionStatus.REJECTED, decided_by=user, decided_at=timezone.now()
    )
    if not updated:
        raise ValidationError("This suggestion was already decided.")


def decide_many(suggestions, *, user, accept: bool) -> list[Decision]:
    """Bulk decisions; each suggestion succeeds or fails on its own (a bad one does not block the rest)."""
    decisions = []
    for suggestion in suggestions:
        try:
            with transaction.atomic():
                if accept:
                    accept_suggestion(suggestion, user=user)
                else:
                    reject_suggestion(suggestion, user=user)
            decisions.append(Decision(suggestion, True))
        except ValidationError as error:
            decisions.append(Decision(suggestion, False, "; ".join(error.messages)))
    return decisions
