"""Entity resolution: is "Kacir" the Mehmet Fatih Kacır already in the record? Is "Farasis" Farasis Energy?

Exact folded matches on names and aliases first; then fuzzy matching (rapidfuzz) over folded names, with the
country as a tie-breaker between similar candidates. A desk's record holds thousands of people, not millions,
so candidates are scored in one pass in Python.

Resolution runs once, when a document's suggestions are drafted (`Resolver`), and only over the records the
suggestion may link to (`matchable`): those every reader of the document's suggestions may see, narrowed to
what the acting user may see. A shared document's suggestions never link to either side's internal records,
so they never show their names, and accepting them never changes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from kopru.core import access
from kopru.core.enums import Visibility
from kopru.core.models import Document, Organisation, Person
from kopru.core.text import fold
from kopru.intel.domain.payloads import Match, OrganisationFacts, PersonFacts

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


def audience_of(document: Document) -> Q:
    """Records that every reader of `document`'s suggestions may see.

    The readers of a shared or public document are both sides' staff: only public and shared records are
    visible to all of them. The readers of an internal document are its side's staff, who also see their
    side's internal records."""
    audience = Q(visibility__in=[Visibility.PUBLIC, Visibility.SHARED])
    if document.visibility == Visibility.INTERNAL and document.owner_side:
        audience |= Q(visibility=Visibility.INTERNAL, owner_side=document.owner_side)
    return audience


def matchable(queryset: QuerySet, document: Document, user=None) -> QuerySet:
    """The records of `queryset` a suggestion from `document` may link to, merge into or change: visible to
    the document's whole audience and, when a person acts, to that person (`kopru.core.access.visible_to`)."""
    queryset = queryset.filter(audience_of(document))
    return access.visible_to(queryset, user) if user is not None else queryset


def candidates_of(model, document: Document | None = None, user=None) -> list:
    queryset = model.objects.only("pk", "name", "aliases", "country_id", "visibility", "owner_side")
    if document is not None:
        queryset = matchable(queryset, document, user)
    elif user is not None:
        queryset = access.visible_to(queryset, user)
    return list(queryset)


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


def as_match(resolution: Resolution) -> Match:
    return Match(resolution.record.pk if resolution.record is not None else None, resolution.note)


class Resolver:
    """Resolves the names of one document's suggestions; the candidate records are read once, lazily."""

    def __init__(self, document: Document, user=None, *, people: list | None = None, organisations=None):
        self.document, self.user = document, user
        self._people, self._organisations = people, organisations

    @property
    def people(self) -> list:
        if self._people is None:
            self._people = candidates_of(Person, self.document, self.user)
        return self._people

    @property
    def organisations(self) -> list:
        if self._organisations is None:
            self._organisations = candidates_of(Organisation, self.document, self.user)
        return self._organisations

    def organisation(self, facts: OrganisationFacts) -> OrganisationFacts:
        facts.match = as_match(
            resolve_organisation(facts.name, facts.aliases, facts.country, candidates=self.organisations)
        )
        return facts

    def employer(self, name: str, country: str | None) -> Match:
        return as_match(resolve_organisation(name, [], country, candidates=self.organisations))

    def person(self, facts: PersonFacts) -> PersonFacts:
        facts.match = as_match(
            resolve_person(facts.name, facts.aliases, facts.country, candidates=self.people)
        )
        for position in facts.positions:
            if position.organisation:
                position.organisation_match = self.employer(position.organisation, facts.country)
        return facts

    def entity(self, facts: PersonFacts | OrganisationFacts) -> PersonFacts | OrganisationFacts:
        return self.person(facts) if isinstance(facts, PersonFacts) else self.organisation(facts)
