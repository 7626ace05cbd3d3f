"""Entity resolution: is "Kacir" the Mehmet Fatih Kacır already in the record? Is "Farasis" Farasis Energy?

Exact folded matches on names and aliases first; then fuzzy matching (rapidfuzz) over folded names, with the
country as a tie-breaker between similar candidates. A desk's record holds thousands of people, not millions,
so candidates are scored in one pass in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from kopru.core.models import Organisation, Person
from kopru.core.text import fold

FUZZY_THRESHOLD = 90


@dataclass(frozen=True)
class Resolution:
    record: object | None
    note: str


def _names_of(record) -> list[str]:
    return [record.name, *(record.aliases or [])]


def similarity(query: str, candidate: str, *, person: bool) -> float:
    """How sure we are that two folded names denote the same entity (0–100).

    Spelling variants score by edit similarity. A shorter name counts when it is the head of the longer one
    ("farasis" → "farasis energy") or, for people, their surname ("kacir" → "mehmet fatih kacir"); a bare
    generic tail ("energy") never does, which token-set scoring alone would allow.
    """
    if query == candidate:
        return 100.0
    score = fuzz.ratio(query, candidate)
    short, long = sorted((query.split(), candidate.split()), key=len)
    if short and len(short) < len(long) and len(" ".join(short)) >= 4:
        if long[: len(short)] == short:
            score = max(score, 92.0)
        elif person and len(short) == 1 and long[-1] == short[0]:
            score = max(score, 91.0)
    return score


def candidates_of(model) -> list:
    return list(model.objects.only("pk", "name", "aliases", "country_id"))


def _resolve(
    model, name: str, aliases: list[str], country: str | None, candidates: list | None = None
) -> Resolution:
    wanted = {fold(value) for value in [name, *aliases] if value}
    person = model is Person
    candidates = candidates_of(model) if candidates is None else candidates
    exact = [record for record in candidates if wanted & {fold(value) for value in _names_of(record)}]
    if exact:
        exact.sort(key=lambda record: (record.country_id != country, record.pk))
        return Resolution(exact[0], "same name or alias")
    best_score, best = 0.0, None
    for record in candidates:
        score = max(
            similarity(query, fold(value), person=person) for query in wanted for value in _names_of(record)
        )
        # The country breaks ties between equally similar names.
        if score >= FUZZY_THRESHOLD and (score, record.country_id == country) > (
            best_score,
            best is not None and best.country_id == country,
        ):
            best_score, best = score, record
    if best is None:
        return Resolution(None, "new")
    if country and best.country_id and best.country_id != country:
        return Resolution(None, "new (a similar name belongs to another country)")
    return Resolution(best, f"similar name ({best_score:.0f}%)")


def resolve_person(
    name: str, aliases: list[str] | None = None, country: str | None = None, *, candidates: list | None = None
) -> Resolution:
    return _resolve(Person, name, aliases or [], country, candidates)


def resolve_organisation(
    name: str, aliases: list[str] | None = None, country: str | None = None, *, candidates: list | None = None
) -> Resolution:
    return _resolve(Organisation, name, aliases or [], country, candidates)
