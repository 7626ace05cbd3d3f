"""From one extraction result (the contract's JSON object) to suggestion drafts.

Pure data in, data out: no database. Fingerprints are stable keys of a fact within a document, so a decision
(accept or reject) survives re-ingesting the same document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kopru.core.text import fold
from kopru.intel.domain.labels import stored_event_label


@dataclass(frozen=True)
class Draft:
    kind: str
    label: str
    payload: dict
    fingerprint: str
    confidence: float
    evidence: tuple[int, int] | None


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()


def _first_span(spans) -> tuple[int, int] | None:
    spans = [tuple(span) for span in spans or [] if len(span) == 2]
    return min(spans) if spans else None


def _capped(value: float) -> float:
    return round(min(value, 0.99), 2)


def person_drafts(result: dict) -> list[Draft]:
    drafts = []
    for person in result.get("people", []):
        positions = person.get("positions") or []
        title = positions[0]["title"] if positions and positions[0].get("title") else ""
        label = (
            person["name"]
            + (f" — {title}" if title else "")
            + (f" ({person['country']})" if person.get("country") else "")
        )
        mentions = len(person.get("mentions") or [])
        confidence = (
            0.6 + 0.15 * bool(positions) + 0.1 * bool(person.get("country")) + 0.04 * min(mentions - 1, 3)
        )
        drafts.append(
            Draft(
                "person",
                label,
                person,
                _digest("person", fold(person["name"])),
                _capped(confidence),
                _first_span(person.get("mentions")),
            )
        )
    return drafts


def organisation_drafts(result: dict) -> list[Draft]:
    drafts = []
    for organisation in result.get("organizations", []):
        kind = organisation.get("kind") or "other"
        label = (
            organisation["name"]
            + f" ({kind}"
            + (f", {organisation['country']})" if organisation.get("country") else ")")
        )
        mentions = len(organisation.get("mentions") or [])
        confidence = (
            0.6
            + 0.1 * (kind != "other")
            + 0.1 * bool(organisation.get("country"))
            + 0.04 * min(mentions - 1, 3)
        )
        drafts.append(
            Draft(
                "organisation",
                label,
                organisation,
                _digest("organisation", fold(organisation["name"])),
                _capped(confidence),
                _first_span(organisation.get("mentions")),
            )
        )
    return drafts


def sector_drafts(result: dict) -> list[Draft]:
    drafts = []
    for sector in result.get("sectors", []):
        evidence = sector.get("evidence") or []
        drafts.append(
            Draft(
                "sector",
                sector["code"],
                sector,
                _digest("sector", sector["code"]),
                _capped(0.5 + 0.1 * min(len(evidence), 4)),
                _first_span(evidence),
            )
        )
    return drafts


def event_label(event: dict) -> str:
    """The English label stored with the suggestion; pages show it in the reader's language
    (`Suggestion.get_label_display`)."""
    return stored_event_label(event)


def _with_context(event: dict, result: dict) -> dict:
    """Carry what accepting the event needs from the rest of the result: who its participants are, where."""
    people = {person["name"]: person for person in result.get("people", [])}
    organisations = {organisation["name"]: organisation for organisation in result.get("organizations", [])}
    places = {place["name"]: place for place in result.get("places", [])}
    details = []
    for name in event.get("participants") or []:
        if name in people:
            details.append({**_identity(people[name]), "entity": "person"})
        elif name in organisations:
            details.append({**_identity(organisations[name]), "entity": "organisation"})
        else:
            details.append({"name": name, "entity": "person"})
    place = places.get(event.get("place") or "")
    return {**event, "participant_details": details, "place_country": place.get("country") if place else None}


def _identity(entity: dict) -> dict:
    return {
        key: entity.get(key) for key in ("name", "aliases", "country", "kind", "positions") if key in entity
    }


def event_drafts(result: dict) -> list[Draft]:
    drafts = []
    for event in (_with_context(event, result) for event in result.get("events", [])):
        if event.get("type") == "statement":
            continue  # what was said arrives as claims; a statement is not an engagement
        kind = "investment" if event.get("type") == "investment" else "event"
        participants = sorted(fold(name) for name in event.get("participants") or [])
        fingerprint = _digest(
            kind,
            event.get("type"),
            event.get("status"),
            participants,
            fold(event.get("place") or ""),
            event.get("date") or "",
        )
        confidence = (
            0.5
            + 0.1 * bool(event.get("place"))
            + 0.1 * (len(participants) >= 2)
            + 0.1 * bool(event.get("date"))
            + 0.1 * bool(event.get("sectors"))
        )
        span = event.get("evidence")
        drafts.append(
            Draft(
                kind,
                event_label(event),
                event,
                fingerprint,
                _capped(confidence),
                tuple(span) if span and len(span) == 2 else None,
            )
        )
    return drafts


def claim_label(claim: dict) -> str:
    details = ", ".join(
        str(part)
        for part in (claim.get("metric"), claim.get("value"), claim.get("unit"), claim.get("scope"))
        if part not in (None, "")
    )
    return f"{claim.get('subject') or '—'}: {claim.get('text', '')}" + (f" ({details})" if details else "")


def claim_drafts(result: dict) -> list[Draft]:
    drafts = []
    for claim in result.get("claims", []):
        fingerprint = _digest(
            "claim",
            fold(claim.get("subject") or ""),
            claim.get("metric"),
            claim.get("value"),
            claim.get("unit"),
            fold(claim.get("scope") or ""),
            claim.get("sector"),
        )
        confidence = 0.65 + 0.1 * (claim.get("value") is not None) + 0.1 * bool(claim.get("sector"))
        span = claim.get("evidence")
        drafts.append(
            Draft(
                "claim",
                claim_label(claim),
                claim,
                fingerprint,
                _capped(confidence),
                tuple(span) if span and len(span) == 2 else None,
            )
        )
    return drafts


def drafts_from_result(result: dict) -> list[Draft]:
    """Every suggestion in one extraction result, in the order a reviewer reads them."""
    seen: set[str] = set()
    drafts = []
    for builder in (event_drafts, person_drafts, organisation_drafts, sector_drafts, claim_drafts):
        for draft in builder(result):
            if draft.fingerprint not in seen:  # two identical facts in one document are one suggestion
                seen.add(draft.fingerprint)
                drafts.append(draft)
    return drafts
