"""Learning from review: rejects and edits become corrections that the next extraction applies.

A reviewer who rejects "Minister Likely" as a person, or renames "Kacir" to "Mehmet Fatih Kacır", has said
something that holds beyond one document. `learn_from_reject` / `learn_from_edits` store it (the `Correction`
table); `corrections_for(document)` builds a framework-free `LearntCorrections` for the next extraction of a
document, and `apply_corrections(result, corrections)` applies it to an extraction result (the contract's
dict). Corrections made on an internal document belong to its side and change only that side's documents;
those made on shared or public documents apply to every document.

Which reviews generalise: rejecting a person or organisation (that name is not one), rejecting a claim (that
statement, with that figure, is no claim), renaming a person or organisation (the old name is another name
of the new one) and renaming or clearing an event's place. Rejecting an event or a sector, or editing a
date, status or figure, is about one document; the document's fingerprints already keep such decisions.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from kopru.core.enums import Visibility
from kopru.core.models import Document
from kopru.core.text import fold
from kopru.intel.enums import CorrectedEntity, CorrectionKind
from kopru.intel.models import Correction, Suggestion

NOT_OF_ENTITY = {
    CorrectedEntity.PERSON: CorrectionKind.NOT_A_PERSON,
    CorrectedEntity.ORGANISATION: CorrectionKind.NOT_AN_ORGANISATION,
    CorrectedEntity.PLACE: CorrectionKind.NOT_A_PLACE,
}
# The extraction contract spells organisations the American way.
CONTRACT_ENTITY = {"person": "person", "organisation": "organization", "place": "place"}
RESULT_LISTS = {"person": "people", "organisation": "organizations", "place": "places"}


def claim_value_key(metric, value) -> str:
    """ "rank=4": a claim's metric and figure, so rejecting "ranks fourth" leaves "ranks first" alone."""
    if value is None or value == "":
        return f"{metric or ''}="
    try:
        number = float(value)
        value = int(number) if number.is_integer() else number
    except (TypeError, ValueError):
        pass
    return f"{metric or ''}={value}"


# ---------------------------------------------------------------------------------------- the plain object


@dataclass(frozen=True)
class LearntCorrections:
    """Corrections as plain data (no Django): folded surface forms per entity kind."""

    not_entity: dict[str, frozenset[str]] = field(default_factory=dict)  # entity -> folded names
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # entity -> folded alias -> name
    not_claim: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (folded text, metric=value)
    # the surface forms as reviewers saw them, for an extractor that folds in its own way
    surfaces: dict[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.not_entity.values()) or any(self.aliases.values()) or bool(self.not_claim)

    def rejects(self, entity: str, name: str | None) -> bool:
        return bool(name) and fold(name) in self.not_entity.get(entity, frozenset())

    def canonical(self, entity: str, names: Iterable[str | None]) -> str | None:
        table = self.aliases.get(entity) or {}
        for name in names:
            target = table.get(fold(name or ""))
            if target:
                return target
        return None

    def rejects_claim(self, claim: dict) -> bool:
        key = fold(claim.get("text") or "")
        return (key, claim_value_key(claim.get("metric"), claim.get("value"))) in self.not_claim

    def for_extractor(self) -> dict:
        """The extraction core's `Corrections.from_dict` shape. Claims stay with `apply_corrections`: the
        core drops a claim by its text alone, which would also drop the other figures of one sentence."""
        return {
            "not_person": sorted(self.surfaces.get("person", ())),
            "not_organization": sorted(self.surfaces.get("organisation", ())),
            "not_place": sorted(self.surfaces.get("place", ())),
            "aliases": {
                CONTRACT_ENTITY[entity]: dict(table) for entity, table in self.aliases.items() if table
            },
        }


def corrections_from(rows: Iterable) -> LearntCorrections:
    """Build the plain object from correction rows (anything with kind, entity, surface, target);
    later rows win, so pass installation-wide ones before a side's own."""
    not_entity: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = {}
    aliases: dict[str, dict[str, str]] = {}
    not_claim: set[tuple[str, str]] = set()
    for row in rows:
        if row.kind == CorrectionKind.ALIAS_OF:
            aliases.setdefault(row.entity, {})[fold(row.surface)] = row.target
        elif row.kind == CorrectionKind.NOT_A_CLAIM:
            not_claim.add((fold(row.surface), row.target))
        else:
            not_entity.setdefault(row.entity, set()).add(fold(row.surface))
            surfaces.setdefault(row.entity, set()).add(row.surface)
    return LearntCorrections(
        not_entity={entity: frozenset(names) for entity, names in not_entity.items()},
        aliases=aliases,
        not_claim=frozenset(not_claim),
        surfaces={entity: frozenset(names) for entity, names in surfaces.items()},
    )


# ----------------------------------------------------------------------------------- applying to a result


def _renamed(entity: dict, canonical: str) -> dict:
    names = [entity.get("name"), *(entity.get("aliases") or [])]
    aliases = [name for name in dict.fromkeys(names) if name and fold(name) != fold(canonical)]
    return {**entity, "name": canonical, "aliases": aliases}


def _absorb(keep: dict, other: dict) -> None:
    """Two entries that now carry one name are one entity: names, mentions and positions join."""
    known = {fold(keep["name"]), *(fold(alias) for alias in keep.get("aliases") or [])}
    for name in [other.get("name"), *(other.get("aliases") or [])]:
        if name and fold(name) not in known:
            keep.setdefault("aliases", []).append(name)
            known.add(fold(name))
    if other.get("mentions"):
        keep["mentions"] = sorted({tuple(span) for span in [*keep.get("mentions", []), *other["mentions"]]})
        keep["mentions"] = [list(span) for span in keep["mentions"]]
    if not keep.get("country") and other.get("country"):
        keep["country"] = other["country"]
    for position in other.get("positions") or []:
        if position not in keep.setdefault("positions", []):
            keep["positions"].append(position)


def _correct_entities(entries: list, entity: str, corrections: LearntCorrections):
    """Drop the entries named as not being of `entity`; rename aliases to their names, merging.
    Returns the kept entries, the dropped names and a map old name → new name."""
    kept: dict[str, dict] = {}
    dropped: set[str] = set()
    renames: dict[str, str] = {}
    for entry in entries:
        if corrections.rejects(entity, entry.get("name")):
            dropped.add(fold(entry["name"]))
            continue
        canonical = corrections.canonical(entity, [entry.get("name"), *(entry.get("aliases") or [])])
        if canonical and canonical != entry.get("name"):
            renames[entry["name"]] = canonical
            entry = _renamed(entry, canonical)
        key = fold(entry["name"])
        if key in kept:
            _absorb(kept[key], entry)
        else:
            kept[key] = entry
    return list(kept.values()), dropped, renames


def _rename_employers(people: list, organisations: dict, dropped: set[str], corrections) -> None:
    for person in people:
        for position in person.get("positions") or []:
            employer = position.get("organization")
            if employer and fold(employer) in dropped:
                position["organization"] = None
            elif employer:
                position["organization"] = organisations.get(employer) or (
                    corrections.canonical("organisation", [employer]) or employer
                )


def _correct_participants(event: dict, renames: dict, dropped: set[str], corrections) -> None:
    participants = []
    for name in event.get("participants") or []:
        if fold(name) in dropped or corrections.rejects("person", name):
            continue
        name = (
            renames.get(name)
            or corrections.canonical("person", [name])
            or corrections.canonical("organisation", [name])
            or name
        )
        if name not in participants:
            participants.append(name)
    event["participants"] = participants


def _correct_place(event: dict, place_renames: dict, corrections) -> None:
    place = event.get("place")
    if not place:
        return
    if corrections.rejects("place", place):
        event["place"] = None
    else:
        event["place"] = place_renames.get(place) or corrections.canonical("place", [place]) or place


def apply_corrections(result: dict, corrections: LearntCorrections | None) -> dict:
    """The extraction result with reviewers' corrections applied (a new dict; `result` is left as it was).

    Applying it twice changes nothing more, so it is safe after an extractor that applied them already."""
    if not corrections:
        return result
    result = copy.deepcopy(result)
    people, dropped_people, person_renames = _correct_entities(
        result.get("people", []), "person", corrections
    )
    organisations, dropped_orgs, org_renames = _correct_entities(
        result.get("organizations", []), "organisation", corrections
    )
    places, _, place_renames = _correct_entities(result.get("places", []), "place", corrections)
    _rename_employers(people, org_renames, dropped_orgs, corrections)
    renames, dropped = {**org_renames, **person_renames}, dropped_people | dropped_orgs
    for event in result.get("events", []):
        _correct_participants(event, renames, dropped, corrections)
        _correct_place(event, place_renames, corrections)
        if event.get("company"):
            event["company"] = corrections.canonical("organisation", [event["company"]]) or event["company"]
    result.update(people=people, organizations=organisations, places=places)
    result["claims"] = [claim for claim in result.get("claims", []) if not corrections.rejects_claim(claim)]
    return result


# ------------------------------------------------------------------------------------------ the database


def side_of_document(document: Document) -> str:
    """The side whose corrections a document's review makes and obeys; "" for every side."""
    return document.owner_side if document.visibility == Visibility.INTERNAL else ""


def corrections_for(document: Document) -> LearntCorrections:
    """Installation-wide corrections, then (for an internal document) its side's own, which win."""
    side = side_of_document(document)
    rows = Correction.objects.filter(Q(owner_side="") | Q(owner_side=side) if side else Q(owner_side=""))
    return corrections_from(rows.order_by("owner_side", "pk"))


def _store(suggestion: Suggestion, user, *, kind: str, entity: str, surface: str, target: str = "") -> None:
    surface = (surface or "").strip()[:500]
    if not fold(surface):
        return
    scope = {
        "kind": kind,
        "entity": entity,
        "surface_key": fold(surface)[:500],
        "owner_side": side_of_document(suggestion.document),
    }
    if kind != CorrectionKind.ALIAS_OF:
        scope["target"] = target
    Correction.objects.update_or_create(
        **scope,
        defaults={"surface": surface, "target": target[:500], "suggestion": suggestion, "created_by": user},
    )


def learn_from_reject(suggestion: Suggestion, user) -> None:
    """A rejected person, organisation or claim is not suggested again in later documents."""
    payload = suggestion.payload
    if suggestion.kind in (CorrectedEntity.PERSON, CorrectedEntity.ORGANISATION):
        entity = CorrectedEntity(suggestion.kind)
        _store(suggestion, user, kind=NOT_OF_ENTITY[entity], entity=entity, surface=payload.get("name"))
    elif suggestion.kind == "claim":
        _store(
            suggestion,
            user,
            kind=CorrectionKind.NOT_A_CLAIM,
            entity=CorrectedEntity.CLAIM,
            surface=payload.get("text") or "",
            target=claim_value_key(payload.get("metric"), payload.get("value")),
        )


def _renamed_to(before: dict, after: dict, key: str) -> tuple[str, str | None] | None:
    old, new = (before.get(key) or "").strip(), (after.get(key) or "").strip()
    if old and fold(old) != fold(new):
        return old, new or None
    return None


def learn_from_edits(suggestion: Suggestion, before: dict, after: dict, user) -> None:
    """A renamed person or organisation: the old name is another name of the new one. A renamed place of
    an event likewise; a place a reviewer cleared is not a place."""
    if suggestion.kind in (CorrectedEntity.PERSON, CorrectedEntity.ORGANISATION):
        change = _renamed_to(before, after, "name")
        if change and change[1]:
            _store(
                suggestion,
                user,
                kind=CorrectionKind.ALIAS_OF,
                entity=suggestion.kind,
                surface=change[0],
                target=change[1],
            )
    elif suggestion.kind == "event":
        change = _renamed_to(before, after, "place")
        if change and change[1]:
            _store(
                suggestion,
                user,
                kind=CorrectionKind.ALIAS_OF,
                entity="place",
                surface=change[0],
                target=change[1],
            )
        elif change:
            _store(suggestion, user, kind=CorrectionKind.NOT_A_PLACE, entity="place", surface=change[0])


def forget_rejection(suggestion: Suggestion, name: str) -> None:
    """Accepting a person (or organisation) by a name withdraws an earlier "not a person" for that name."""
    entity = suggestion.kind
    if entity in NOT_OF_ENTITY and name:
        Correction.objects.filter(
            kind=NOT_OF_ENTITY[entity],
            entity=entity,
            surface_key=fold(name),
            owner_side=side_of_document(suggestion.document),
        ).delete()
