"""Corrections learnt from review, applied to the next extraction (framework-free).

A reviewer's reject or edit in the review queue says something that holds beyond one document: "this
surface form is not a person", "this alias is that organisation", "this figure is no claim". The Django
side stores those decisions; this module only defines what the extractor accepts and how it applies it.

API
---
::

    from kopru.intel.extract import Corrections, extract, extract_text

    corrections = Corrections(
        not_person={"Minister Likely"},                  # surface forms that are never a person
        not_organization={"Belt and Road"},              # ... never an organisation
        not_place={"Bay Area Council"},                  # ... never a place
        aliases={                                        # alias -> canonical name, per entity type
            "person": {"Kacir": "Mehmet Fatih Kacır"},
            "organization": {"Farasis": "Farasis Energy"},
            "place": {"Izmir": "İzmir"},
        },
        not_claim={"top five in Europe"},                # claim texts that are no claim
        not_claim_value={("count", 40)},                 # (metric, value) pairs that are no claim
    )
    result = extract(text, corrections=corrections)       # typed Extraction
    as_json = extract_text(text, corrections=corrections) # the contract's dict

* Every key is compared folded (diacritics, case, punctuation and spacing ignored; a leading "the" and a
  trailing "'s" dropped), so "KACIR", "Kacir" and "Kacır" are one key.
* ``not_person`` / ``not_organization`` / ``not_place``: an entity whose (canonical) name is listed is
  dropped before events are built, so it is not a participant either; its other mentions go with it.
  Only the name counts, not the aliases: rejecting a wrong "Xi" must not remove "Xi Jinping".
* ``aliases[kind]``: an entity whose name or an alias is a listed alias is renamed to the canonical name
  (records that end up with the same name are merged); event participants and position organisations
  follow. ``kind`` is ``"person"``, ``"organization"`` or ``"place"``.
* ``not_claim``: a claim whose text is listed, folded, is dropped. ``not_claim_value``: a claim with that
  metric and numerically equal value is dropped (use it for "this number is no claim").
* ``Corrections.from_dict(d)`` / ``to_dict()`` give a JSON-friendly form (lists instead of sets) for
  storage; ``merge(other)`` combines two sets of corrections (e.g. installation-wide and per-user).
* An empty ``Corrections()`` changes nothing; ``corrections=None`` is the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("person", "organization", "place")

_FOLD_TABLE = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "ß": "ss", "đ": "d", "ł": "l"})
_PUNCT_RE = re.compile(r"[^\w%$€£¥.]+|(?<!\d)\.|\.(?!\d)")


def correction_key(surface: str) -> str:
    """The folded key corrections are matched on."""
    text = unicodedata.normalize("NFKD", str(surface).translate(_FOLD_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = " ".join(_PUNCT_RE.sub(" ", text).split())
    return re.sub(r"^the ", "", text)


def _keys(items: Iterable[str] | None) -> frozenset[str]:
    return frozenset(k for k in (correction_key(x) for x in items or ()) if k)


@dataclass(frozen=True)
class Corrections:
    not_person: frozenset[str] = field(default_factory=frozenset)
    not_organization: frozenset[str] = field(default_factory=frozenset)
    not_place: frozenset[str] = field(default_factory=frozenset)
    aliases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    not_claim: frozenset[str] = field(default_factory=frozenset)
    not_claim_value: frozenset[tuple[str, float]] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # accept any iterables; store folded keys
        object.__setattr__(self, "not_person", _keys(self.not_person))
        object.__setattr__(self, "not_organization", _keys(self.not_organization))
        object.__setattr__(self, "not_place", _keys(self.not_place))
        object.__setattr__(self, "not_claim", _keys(self.not_claim))
        unknown = set(self.aliases) - set(KINDS)
        if unknown:
            raise ValueError(f"aliases: unknown kind(s) {sorted(unknown)}; use {list(KINDS)}")
        object.__setattr__(
            self,
            "aliases",
            {
                kind: {correction_key(a): c for a, c in (self.aliases.get(kind) or {}).items() if c}
                for kind in KINDS
            },
        )
        object.__setattr__(
            self,
            "not_claim_value",
            frozenset((str(m).strip().casefold(), float(v)) for m, v in self.not_claim_value or ()),
        )

    # ------------------------------------------------------------------------------------------ queries

    def __bool__(self) -> bool:
        return bool(
            self.not_person
            or self.not_organization
            or self.not_place
            or any(self.aliases.values())
            or self.not_claim
            or self.not_claim_value
        )

    def rejects(self, kind: str, names: Iterable[str]) -> bool:
        """Whether any of an entity's names is listed as not being of ``kind``."""
        banned = {"person": self.not_person, "organization": self.not_organization, "place": self.not_place}[
            kind
        ]
        return bool(banned) and any(correction_key(n) in banned for n in names)

    def canonical(self, kind: str, names: Iterable[str]) -> str | None:
        """The canonical name for an entity known by ``names`` (first name that is a listed alias)."""
        table = self.aliases.get(kind) or {}
        if not table:
            return None
        for n in names:
            target = table.get(correction_key(n))
            if target:
                return target
        return None

    def rejects_claim(self, text: str, metric: str, value: Any) -> bool:
        if self.not_claim and correction_key(text) in self.not_claim:
            return True
        if self.not_claim_value and not isinstance(value, bool) and isinstance(value, int | float):
            return (str(metric).casefold(), float(value)) in self.not_claim_value
        return False

    # ------------------------------------------------------------------------------------------ storage

    def to_dict(self) -> dict[str, Any]:
        return {
            "not_person": sorted(self.not_person),
            "not_organization": sorted(self.not_organization),
            "not_place": sorted(self.not_place),
            "aliases": {k: dict(sorted(v.items())) for k, v in self.aliases.items() if v},
            "not_claim": sorted(self.not_claim),
            "not_claim_value": sorted([m, v] for m, v in self.not_claim_value),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Corrections:
        d = d or {}
        return cls(
            not_person=frozenset(d.get("not_person") or ()),
            not_organization=frozenset(d.get("not_organization") or ()),
            not_place=frozenset(d.get("not_place") or ()),
            aliases={k: dict(v) for k, v in (d.get("aliases") or {}).items()},
            not_claim=frozenset(d.get("not_claim") or ()),
            not_claim_value=frozenset((m, v) for m, v in d.get("not_claim_value") or ()),
        )

    def merge(self, other: Corrections | None) -> Corrections:
        if not other:
            return self
        aliases = {k: {**self.aliases.get(k, {}), **other.aliases.get(k, {})} for k in KINDS}
        return Corrections(
            not_person=self.not_person | other.not_person,
            not_organization=self.not_organization | other.not_organization,
            not_place=self.not_place | other.not_place,
            aliases=aliases,
            not_claim=self.not_claim | other.not_claim,
            not_claim_value=self.not_claim_value | other.not_claim_value,
        )


# ---------------------------------------------------------------------------------------------- applying
# The pipeline calls these on its working records (coref.Person, entities.OrgRec, entities.PlaceRec: each
# with ``name``, ``surfaces`` and ``mentions``) before events and claims are built.


def _names_of(rec) -> list[str]:
    return [rec.name, *rec.surfaces]


def _rename(rec, canonical: str) -> None:
    if canonical == rec.name:
        return
    old = rec.name
    rec.name = canonical
    rec.surfaces = [s for s in [old, *rec.surfaces] if s != canonical]


def _absorb(keep, drop) -> None:
    keep.mentions = sorted(set(keep.mentions) | set(drop.mentions))
    for s in [drop.name, *drop.surfaces]:
        if s != keep.name and s not in keep.surfaces:
            keep.surfaces.append(s)
    if getattr(keep, "country", None) is None and getattr(drop, "country", None) is not None:
        keep.country = drop.country
    if hasattr(keep, "positions"):
        for pos in drop.positions:
            if pos not in keep.positions:
                keep.positions.append(pos)


def apply_to_people(people: list, corrections: Corrections) -> dict[str, str]:
    """Drop people listed as not a person; rename aliases to canonical names (merging). Old -> new names."""
    renamed: dict[str, str] = {}
    kept: list = []
    by_name: dict[str, Any] = {}
    for p in people:
        if corrections.rejects("person", [p.name]):
            continue
        canonical = corrections.canonical("person", _names_of(p))
        if canonical:
            renamed[p.name] = canonical
            _rename(p, canonical)
        if p.name in by_name:
            _absorb(by_name[p.name], p)
            continue
        by_name[p.name] = p
        kept.append(p)
    people[:] = kept
    return renamed


def _apply_to_records(records: dict, kind: str, corrections: Corrections) -> dict[str, str]:
    renamed: dict[str, str] = {}
    out: dict = {}
    for rec in list(records.values()):
        if corrections.rejects(kind, [rec.name]):
            continue
        canonical = corrections.canonical(kind, _names_of(rec))
        if canonical:
            renamed[rec.name] = canonical
            _rename(rec, canonical)
        if rec.name in out:
            _absorb(out[rec.name], rec)
            continue
        out[rec.name] = rec
    records.clear()
    records.update(out)
    return renamed


def apply_to_orgs(orgs: dict, corrections: Corrections) -> dict[str, str]:
    """Organisations keyed by name: drop rejected ones, rename aliases (merging). Old -> new names."""
    return _apply_to_records(orgs, "organization", corrections)


def apply_to_places(places: dict, corrections: Corrections) -> dict[str, str]:
    return _apply_to_records(places, "place", corrections)
