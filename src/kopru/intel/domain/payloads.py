"""Typed suggestion payloads: what one suggestion says, and which record each name in it denotes.

A suggestion's payload is stored as JSON (the extraction contract's object for that fact, plus the
resolution of every name in it). In code it travels as these dataclasses: `payload_from(kind, data)` reads
one, `to_dict()` writes it back. Keys this module does not know are kept as they were (`extra`), so a newer
extractor's fields survive a round trip.

A `Match` is the outcome of entity resolution, decided once when the suggestion is drafted: the id of the
record the name denotes, or `None` for "a new record". It is kept current as the record grows (a record
accepted from another suggestion is matched to the pending ones that named it), and used on accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]


def _spans(value) -> list[Span]:
    return [(int(span[0]), int(span[1])) for span in value or [] if len(span) == 2]


def _span(value) -> Span | None:
    return (int(value[0]), int(value[1])) if value and len(value) == 2 else None


def _extra(data: dict, cls) -> dict:
    known = {f.name for f in fields(cls)} | set(getattr(cls, "RENAMED", {}))
    return {key: value for key, value in data.items() if key not in known}


@dataclass(frozen=True)
class Match:
    """Which record a name denotes (`record_id`), or a new record (`record_id is None`), and why."""

    record_id: int | None
    note: str

    NEW = "new"

    @property
    def is_new(self) -> bool:
        return self.record_id is None

    def to_dict(self) -> dict:
        return {"id": self.record_id, "note": self.note}

    @classmethod
    def from_dict(cls, data) -> Match | None:
        if not isinstance(data, dict):
            return None
        return cls(data.get("id"), data.get("note") or "")


def _match_dict(match: Match | None) -> dict:
    return {"match": match.to_dict()} if match is not None else {}


@dataclass
class PositionFacts:
    title: str
    organisation: str | None = None
    organisation_match: Match | None = None
    extra: dict = field(default_factory=dict)

    RENAMED = {"organization"}

    @classmethod
    def from_dict(cls, data: dict) -> PositionFacts:
        return cls(
            title=(data.get("title") or "").strip(),
            organisation=data.get("organization") or None,
            organisation_match=Match.from_dict(data.get("organisation_match")),
            extra=_extra(data, cls),
        )

    def to_dict(self) -> dict:
        out = {**self.extra, "title": self.title, "organization": self.organisation}
        if self.organisation_match is not None:
            out["organisation_match"] = self.organisation_match.to_dict()
        return out


@dataclass
class OrganisationFacts:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    mentions: list[Span] = field(default_factory=list)
    match: Match | None = None
    extra: dict = field(default_factory=dict)

    entity = "organisation"

    @classmethod
    def from_dict(cls, data: dict) -> OrganisationFacts:
        return cls(
            name=(data.get("name") or "").strip(),
            aliases=list(data.get("aliases") or []),
            country=data.get("country") or None,
            kind=data.get("kind") or None,
            mentions=_spans(data.get("mentions")),
            match=Match.from_dict(data.get("match")),
            extra=_extra(data, cls),
        )

    def to_dict(self) -> dict:
        out = {**self.extra, "name": self.name, "aliases": self.aliases, "country": self.country}
        if self.kind is not None:
            out["kind"] = self.kind
        if self.mentions:
            out["mentions"] = [list(span) for span in self.mentions]
        return {**out, **_match_dict(self.match)}


@dataclass
class PersonFacts:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    positions: list[PositionFacts] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    match: Match | None = None
    extra: dict = field(default_factory=dict)

    entity = "person"

    @classmethod
    def from_dict(cls, data: dict) -> PersonFacts:
        return cls(
            name=(data.get("name") or "").strip(),
            aliases=list(data.get("aliases") or []),
            country=data.get("country") or None,
            positions=[
                PositionFacts.from_dict(p) for p in data.get("positions") or [] if isinstance(p, dict)
            ],
            mentions=_spans(data.get("mentions")),
            match=Match.from_dict(data.get("match")),
            extra=_extra(data, cls),
        )

    def to_dict(self) -> dict:
        out = {**self.extra, "name": self.name, "aliases": self.aliases, "country": self.country}
        if self.positions or "positions" in self.extra:
            out["positions"] = [position.to_dict() for position in self.positions]
        if self.mentions:
            out["mentions"] = [list(span) for span in self.mentions]
        return {**out, **_match_dict(self.match)}


def participant_from(data: dict) -> PersonFacts | OrganisationFacts:
    """An event's participant: a person unless the extractor said it is an organisation."""
    facts = {key: value for key, value in data.items() if key != "entity"}
    if data.get("entity") == "organisation":
        return OrganisationFacts.from_dict(facts)
    return PersonFacts.from_dict(facts)


def participant_dict(participant: PersonFacts | OrganisationFacts) -> dict:
    return {**participant.to_dict(), "entity": participant.entity}


@dataclass
class EventFacts:
    type: str | None
    status: str | None = None
    date: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    participant_details: list[PersonFacts | OrganisationFacts] = field(default_factory=list)
    place_country: str | None = None
    sectors: list[str] = field(default_factory=list)
    evidence: Span | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> EventFacts:
        details = data.get("participant_details")
        if details is None:  # drafted before participants carried their details
            details = [{"name": name, "entity": "person"} for name in data.get("participants") or []]
        return cls(
            type=data.get("type"),
            status=data.get("status"),
            date=data.get("date"),
            place=data.get("place"),
            participants=list(data.get("participants") or []),
            participant_details=[participant_from(d) for d in details if isinstance(d, dict)],
            place_country=data.get("place_country"),
            sectors=list(data.get("sectors") or []),
            evidence=_span(data.get("evidence")),
            extra=_extra(data, cls),
        )

    def to_dict(self) -> dict:
        return {
            **self.extra,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "place": self.place,
            "participants": self.participants,
            "sectors": self.sectors,
            "evidence": list(self.evidence) if self.evidence else None,
            "participant_details": [participant_dict(p) for p in self.participant_details],
            "place_country": self.place_country,
        }


@dataclass
class SectorFacts:
    code: str | None
    evidence: list[Span] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> SectorFacts:
        return cls(code=data.get("code"), evidence=_spans(data.get("evidence")), extra=_extra(data, cls))

    def to_dict(self) -> dict:
        return {**self.extra, "code": self.code, "evidence": [list(span) for span in self.evidence]}


@dataclass
class ClaimFacts:
    subject: str = ""
    text: str = ""
    metric: str | None = None
    value: Any = None
    unit: str | None = None
    scope: str | None = None
    sector: str | None = None
    evidence: Span | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> ClaimFacts:
        return cls(
            subject=(data.get("subject") or "").strip(),
            text=data.get("text") or "",
            metric=data.get("metric"),
            value=data.get("value"),
            unit=data.get("unit"),
            scope=data.get("scope"),
            sector=data.get("sector"),
            evidence=_span(data.get("evidence")),
            extra=_extra(data, cls),
        )

    def to_dict(self) -> dict:
        return {
            **self.extra,
            "subject": self.subject,
            "text": self.text,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "scope": self.scope,
            "sector": self.sector,
            "evidence": list(self.evidence) if self.evidence else None,
        }


Payload = PersonFacts | OrganisationFacts | EventFacts | SectorFacts | ClaimFacts

PAYLOAD_TYPES: dict[str, type] = {
    "person": PersonFacts,
    "organisation": OrganisationFacts,
    "event": EventFacts,
    "sector": SectorFacts,
    "claim": ClaimFacts,
}


def payload_from(kind: str, data: dict) -> Payload | dict:
    """The typed payload of a suggestion kind; kinds other apps accept (investment) stay plain dicts."""
    payload_type = PAYLOAD_TYPES.get(kind)
    return payload_type.from_dict(data) if payload_type else dict(data)


def payload_dict(payload: Payload | dict) -> dict:
    return payload if isinstance(payload, dict) else payload.to_dict()
