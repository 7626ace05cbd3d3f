"""Ensuring people and organisations: create one, or bring an existing one up to date.

Callers decide *which* record a name denotes (entity resolution: `kopru.intel.domain.resolution`) and
whether they may change it; these functions only write: names and aliases merged, a missing country filled in,
positions added, evidence attached. They never look a record up by name themselves, so a record the caller
did not choose (another side's internal person, say) is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import OrganisationKind
from kopru.core.models import Country, Document, Organisation, Person, Position
from kopru.core.text import fold

MAX_EVIDENCE_PER_RECORD = 10
GOVERNMENT_PREFIXES = ("ministry", "presidency", "office")


@dataclass(frozen=True)
class Ownership:
    """Who a new record belongs to: records found in a document inherit the document's visibility."""

    visibility: str
    owner_side: str = ""

    @classmethod
    def of(cls, document: Document) -> Ownership:
        return cls(document.visibility, document.owner_side)

    def as_fields(self) -> dict:
        return {"visibility": self.visibility, "owner_side": self.owner_side}


@dataclass
class Ensured:
    """The record written, and every record the call created (the record itself, a new employer …)."""

    record: object
    created: list = field(default_factory=list)


def country(code: str | None) -> Country | None:
    return Country.objects.filter(code=code).first() if code else None


def attach_spans(record, document: Document, spans: Iterable) -> None:
    """Evidence for `record` at each (start, end) span that lies inside the document, at most ten."""
    for start, end in list(spans or [])[:MAX_EVIDENCE_PER_RECORD]:
        if 0 <= start < end <= len(document.text):
            attach_evidence(record, document, start, end)


def merge_aliases(record, names: Iterable[str]) -> None:
    known = {fold(value) for value in [record.name, *record.aliases]}
    for name in names:
        if name and fold(name) not in known:
            record.aliases.append(name)
            known.add(fold(name))


def prefer_fuller_name(record, name: str) -> None:
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


def _new_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    return [alias for alias in dict.fromkeys(aliases) if fold(alias) != fold(name)]


def ensure_organisation(
    existing: Organisation | None,
    *,
    name: str,
    ownership: Ownership,
    aliases: Iterable[str] = (),
    country_code: str | None = None,
    kind: str | None = None,
) -> Ensured:
    """Update `existing` (aliases, kind when still "other", a missing country) or create the organisation."""
    name, aliases = name.strip(), list(aliases or [])
    organisation = existing or Organisation(name=name, **ownership.as_fields())
    created = organisation.pk is None
    if created:
        organisation.aliases = _new_aliases(name, aliases)
    else:
        merge_aliases(organisation, [name, *aliases])
    if kind in OrganisationKind.values and organisation.kind == OrganisationKind.OTHER:
        organisation.kind = kind
    if not organisation.country_id:
        organisation.country = country(country_code)
    organisation.full_clean()
    organisation.save()
    return Ensured(organisation, [organisation] if created else [])


def government_kind(name: str) -> str:
    """A position's employer named "Ministry of …" is a government body; anything else stays "other"."""
    return (
        OrganisationKind.GOVERNMENT if fold(name).startswith(GOVERNMENT_PREFIXES) else OrganisationKind.OTHER
    )


def ensure_person(
    existing: Person | None,
    *,
    name: str,
    ownership: Ownership,
    aliases: Iterable[str] = (),
    country_code: str | None = None,
) -> Ensured:
    """Update `existing` (aliases, a fuller name, a missing country) or create the person."""
    name, aliases = name.strip(), list(aliases or [])
    person = existing or Person(name=name, **ownership.as_fields())
    created = person.pk is None
    if created:
        person.aliases = _new_aliases(name, aliases)
    else:
        merge_aliases(person, [name, *aliases])
        prefer_fuller_name(person, name)
    if not person.country_id:
        person.country = country(country_code)
    person.full_clean()
    person.save()
    return Ensured(person, [person] if created else [])


def ensure_position(
    person: Person, *, title: str, organisation: Organisation | None, ownership: Ownership
) -> Position:
    position, _ = Position.objects.get_or_create(
        person=person, title=title, organisation=organisation, defaults=ownership.as_fields()
    )
    return position
