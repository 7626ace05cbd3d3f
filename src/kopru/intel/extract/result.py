"""The typed result of an extraction: dataclasses with ONE ``to_dict()`` that gives the contract's JSON.

    Extraction(source, title, published, publisher, language, text,
               people: list[PersonEntity], organizations: list[OrganizationEntity], countries: list[str],
               places: list[PlaceEntity], sectors: list[SectorEntity], events: list[Event],
               claims: list[Claim])

``Extraction.to_dict()`` is exactly the object of ``shared/contracts/extraction.md`` (same keys, same
order); ``Extraction.from_dict()`` reads such an object back (``from_dict(x).to_dict() == x``). Optional
fields an event or a claim may carry beyond the contract (an investment's ``amount``/``capacity``/
``jobs``/``company``/``location``, a claim's ``top``) live in ``extra`` and are written after the
contract's keys. A document that could not be read is a ``ReadFailure`` (``{"source", "error"}``).

Spans are ``(start, end)`` Python string indices into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


def _spans(items) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in items]


def _span_tuples(items) -> list[Span]:
    return [(int(s), int(e)) for s, e in items or []]


@dataclass
class Position:
    title: str
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization}


@dataclass
class PersonEntity:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    positions: list[Position] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "country": self.country,
            "positions": [p.to_dict() for p in self.positions],
            "mentions": _spans(self.mentions),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PersonEntity:
        return cls(
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            country=d.get("country"),
            positions=[Position(p.get("title"), p.get("organization")) for p in d.get("positions") or []],
            mentions=_span_tuples(d.get("mentions")),
        )


@dataclass
class OrganizationEntity:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"  # government | company | agency | research | media | international | other
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "country": self.country,
            "mentions": _spans(self.mentions),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OrganizationEntity:
        return cls(
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            kind=d.get("kind") or "other",
            country=d.get("country"),
            mentions=_span_tuples(d.get("mentions")),
        )


@dataclass
class PlaceEntity:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "country": self.country,
            "mentions": _spans(self.mentions),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlaceEntity:
        return cls(
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            country=d.get("country"),
            mentions=_span_tuples(d.get("mentions")),
        )


@dataclass
class SectorEntity:
    code: str
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "evidence": _spans(self.evidence)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SectorEntity:
        return cls(code=d["code"], evidence=_span_tuples(d.get("evidence")))


_EVENT_KEYS = ("type", "status", "date", "place", "participants", "sectors", "evidence")


@dataclass
class Event:
    type: str  # meeting | visit | agreement | investment | call | statement
    status: str  # held | planned | ongoing
    date: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    evidence: Span = (0, 0)
    extra: dict[str, Any] = field(default_factory=dict)  # optional extensions (investment details)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "place": self.place,
            "participants": list(self.participants),
            "sectors": list(self.sectors),
            "evidence": [int(self.evidence[0]), int(self.evidence[1])],
        }
        d.update({k: v for k, v in self.extra.items() if k not in d})
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        evidence = d.get("evidence") or (0, 0)
        return cls(
            type=d["type"],
            status=d["status"],
            date=d.get("date"),
            place=d.get("place"),
            participants=list(d.get("participants") or []),
            sectors=list(d.get("sectors") or []),
            evidence=(int(evidence[0]), int(evidence[1])),
            extra={k: v for k, v in d.items() if k not in _EVENT_KEYS},
        )


_CLAIM_KEYS = ("subject", "text", "sector", "metric", "value", "unit", "scope", "evidence")


@dataclass
class Claim:
    subject: str | None
    text: str
    sector: str | None
    metric: str  # rank | speed | amount | capacity | jobs | count | share | volume | duration | growth | area
    value: int | float
    unit: str | None = None
    scope: str | None = None
    evidence: Span = (0, 0)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "subject": self.subject,
            "text": self.text,
            "sector": self.sector,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "scope": self.scope,
            "evidence": [int(self.evidence[0]), int(self.evidence[1])],
        }
        d.update({k: v for k, v in self.extra.items() if k not in d})
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        evidence = d.get("evidence") or (0, 0)
        return cls(
            subject=d.get("subject"),
            text=d.get("text") or "",
            sector=d.get("sector"),
            metric=d["metric"],
            value=d["value"],
            unit=d.get("unit"),
            scope=d.get("scope"),
            evidence=(int(evidence[0]), int(evidence[1])),
            extra={k: v for k, v in d.items() if k not in _CLAIM_KEYS},
        )


@dataclass
class Extraction:
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    language: str = "en"
    people: list[PersonEntity] = field(default_factory=list)
    organizations: list[OrganizationEntity] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[PlaceEntity] = field(default_factory=list)
    sectors: list[SectorEntity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    ok = True  # a ReadFailure has ok = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (``shared/contracts/extraction.md``), keys in the contract's order."""
        return {
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "language": self.language,
            "text": self.text,
            "people": [p.to_dict() for p in self.people],
            "organizations": [o.to_dict() for o in self.organizations],
            "countries": [str(c) for c in self.countries],
            "places": [p.to_dict() for p in self.places],
            "sectors": [s.to_dict() for s in self.sectors],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        return cls(
            source=d["source"],
            text=d["text"],
            title=d.get("title"),
            published=d.get("published"),
            publisher=d.get("publisher"),
            language=d.get("language") or "en",
            people=[PersonEntity.from_dict(x) for x in d.get("people") or []],
            organizations=[OrganizationEntity.from_dict(x) for x in d.get("organizations") or []],
            countries=list(d.get("countries") or []),
            places=[PlaceEntity.from_dict(x) for x in d.get("places") or []],
            sectors=[SectorEntity.from_dict(x) for x in d.get("sectors") or []],
            events=[Event.from_dict(x) for x in d.get("events") or []],
            claims=[Claim.from_dict(x) for x in d.get("claims") or []],
        )

    def quote(self, span: Span) -> str:
        """The text of a span (mention, evidence)."""
        return self.text[span[0] : span[1]]


@dataclass
class ReadFailure:
    """A document that could not be read; ``error`` is the reason shown to a person."""

    source: str
    error: str

    ok = False

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.error}
