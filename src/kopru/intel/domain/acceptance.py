"""Accepting one suggestion of each kind: its typed payload becomes records, with evidence.

Which record each name denotes was decided when the suggestion was drafted (`payloads.Match`); here it is
only checked: a matched record is used when it is still one the suggestion may change (`resolution.matchable`
and `kopru.core.access.can_change` for the acting user), otherwise a new record is created. People and
organisations are written by `kopru.core.domain.actors`, engagements by `kopru.engage.domain.engagements`,
cooperation areas by `kopru.engage.domain.areas`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain import actors
from kopru.core.domain.actors import Ownership, attach_spans
from kopru.core.models import Country, Document, Organisation, Person, Sector
from kopru.engage.domain.areas import record_area_mention
from kopru.engage.domain.engagements import ReportedEngagement, record_engagement
from kopru.engage.enums import EngagementKind
from kopru.engage.models import Claim, CooperationArea, Engagement
from kopru.intel.domain.payloads import (
    ClaimFacts,
    EventFacts,
    Match,
    OrganisationFacts,
    PersonFacts,
    PositionFacts,
    SectorFacts,
)
from kopru.intel.domain.resolution import Resolver, as_match, matchable, resolve_organisation, resolve_person

EVENT_KINDS = {
    "meeting": EngagementKind.MEETING,
    "visit": EngagementKind.VISIT,
    "call": EngagementKind.CALL,
    "agreement": EngagementKind.SIGNING,
}


@dataclass
class Acceptance:
    """One acceptance: the document, who accepts, and the people and organisations it created so far."""

    document: Document
    user: object = None
    created: list = field(default_factory=list)
    _resolver: Resolver | None = None

    @property
    def ownership(self) -> Ownership:
        return Ownership.of(self.document)

    @property
    def resolver(self) -> Resolver:
        # Only for suggestions drafted before resolution was stored with them.
        if self._resolver is None:
            self._resolver = Resolver(self.document, self.user)
        return self._resolver

    def may_change(self, record) -> bool:
        return self.user is None or access.can_change(self.user, record)

    def within(self, model):
        """The records of `model` this acceptance may merge into or change."""
        return matchable(model.objects.all(), self.document, self.user)


def _created_match(acceptance: Acceptance, model, name: str, aliases, country) -> Match:
    """A name resolved "new" at drafting may denote a record this very acceptance just created."""
    created = [record for record in acceptance.created if isinstance(record, model)]
    if not created:
        return Match(None, Match.NEW)
    resolve = resolve_person if model is Person else resolve_organisation
    return as_match(resolve(name, aliases, country, candidates=created))


def _resolve_now(acceptance: Acceptance, model, name: str, aliases: list, country) -> Match:
    resolve = resolve_person if model is Person else resolve_organisation
    candidates = acceptance.resolver.people if model is Person else acceptance.resolver.organisations
    created = [record for record in acceptance.created if isinstance(record, model)]
    return as_match(resolve(name, aliases, country, candidates=[*candidates, *created]))


def _reachable(acceptance: Acceptance, model, match: Match):
    record = acceptance.within(model).filter(pk=match.record_id).first()
    return record if record is not None and acceptance.may_change(record) else None


def usable_record(acceptance: Acceptance, model, match: Match | None, name: str, aliases=(), country=None):
    """The record a stored resolution names, when this acceptance may change it; None means "create".

    Resolution is not run again, except where the stored one cannot be used: a suggestion drafted before
    resolutions were stored, or a matched record that has since gone out of reach (deleted, or made
    internal by the other side) — then the name is resolved as a new draft would be."""
    aliases = list(aliases)
    if match is None:
        match = _resolve_now(acceptance, model, name, aliases, country)
    if match.is_new:
        match = _created_match(acceptance, model, name, aliases, country)
        return None if match.is_new else _reachable(acceptance, model, match)
    record = _reachable(acceptance, model, match)
    if record is None:
        again = _resolve_now(acceptance, model, name, aliases, country)
        record = None if again.is_new else _reachable(acceptance, model, again)
    return record


def accept_organisation(facts: OrganisationFacts, acceptance: Acceptance) -> Organisation:
    existing = usable_record(acceptance, Organisation, facts.match, facts.name, facts.aliases, facts.country)
    ensured = actors.ensure_organisation(
        existing,
        name=facts.name,
        ownership=acceptance.ownership,
        aliases=facts.aliases,
        country_code=facts.country,
        kind=facts.kind,
    )
    acceptance.created.extend(ensured.created)
    attach_spans(ensured.record, acceptance.document, facts.mentions)
    return ensured.record


def _employer(position: PositionFacts, country: str | None, acceptance: Acceptance) -> Organisation | None:
    if not position.organisation:
        return None
    return accept_organisation(
        OrganisationFacts(
            name=position.organisation,
            country=country,
            kind=actors.government_kind(position.organisation),
            match=position.organisation_match,
        ),
        acceptance,
    )


def accept_person(facts: PersonFacts, acceptance: Acceptance) -> Person:
    existing = usable_record(acceptance, Person, facts.match, facts.name, facts.aliases, facts.country)
    ensured = actors.ensure_person(
        existing,
        name=facts.name,
        ownership=acceptance.ownership,
        aliases=facts.aliases,
        country_code=facts.country,
    )
    acceptance.created.extend(ensured.created)
    person = ensured.record
    for position in facts.positions:
        if position.title:
            organisation = _employer(position, facts.country, acceptance)
            actors.ensure_position(
                person, title=position.title, organisation=organisation, ownership=acceptance.ownership
            )
    attach_spans(person, acceptance.document, facts.mentions)
    return person


def _event_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        raise ValidationError({"date": "The date must be YYYY-MM-DD."}) from None


def _participants(facts: EventFacts, acceptance: Acceptance) -> tuple[list[Person], list[Organisation]]:
    people, organisations = [], []
    for participant in facts.participant_details:
        if isinstance(participant, OrganisationFacts):
            organisations.append(accept_organisation(participant, acceptance))
        else:
            people.append(accept_person(participant, acceptance))
    return people, organisations


def accept_event(facts: EventFacts, acceptance: Acceptance) -> Engagement:
    kind = EVENT_KINDS.get(facts.type)
    if kind is None:
        raise ValidationError(
            {"type": _("Events of type “%(type)s” do not become engagements.") % {"type": facts.type}}
        )
    date = _event_date(facts.date)
    people, organisations = _participants(facts, acceptance)
    document = acceptance.document
    report = ReportedEngagement(
        kind=kind,
        status=facts.status or "held",
        date=date,
        place=(facts.place or "")[:200],
        people=people,
        organisations=organisations,
        country_code=facts.place_country,
        sector_codes=facts.sectors,
        summary=document.text[facts.evidence[0] : facts.evidence[1]] if facts.evidence else "",
        evidence=facts.evidence,
    )
    return record_engagement(report, document, within=acceptance.within(Engagement))


def accept_sector(facts: SectorFacts, acceptance: Acceptance) -> CooperationArea:
    sector = Sector.objects.filter(code=facts.code).first()
    if sector is None:
        raise ValidationError({"code": _("Unknown sector code “%(code)s”.") % {"code": facts.code}})
    return record_area_mention(
        sector,
        acceptance.document,
        spans=facts.evidence,
        areas=acceptance.within(CooperationArea),
        engagements=acceptance.within(Engagement),
    )


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValidationError({"value": _("“%(value)s” is not a number.") % {"value": value}}) from None


def accept_claim(facts: ClaimFacts, acceptance: Acceptance) -> Claim:
    document = acceptance.document
    subject = facts.subject
    claim = Claim(
        subject=subject[:200] or "—",
        text=facts.text,
        metric=(facts.metric or "")[:50],
        value=_decimal(facts.value),
        unit=(facts.unit or "")[:30],
        scope=(facts.scope or "")[:100],
        sector=Sector.objects.filter(code=facts.sector).first(),
        subject_country=Country.objects.filter(name__iexact=subject).first() if subject else None,
        stated_on=document.published_date,
        **acceptance.ownership.as_fields(),
    )
    claim.full_clean()
    claim.save()
    if facts.evidence:
        attach_spans(claim, document, [facts.evidence])
    return claim


def ensure_person(data: dict, document: Document, user=None) -> Person:
    """Accept a person from a contract dict that carries no stored resolution (scripts, the demo): the
    names are resolved now, over the records the document's readers (and `user`) may see."""
    return accept_person(PersonFacts.from_dict(data), Acceptance(document, user))


def ensure_organisation(data: dict, document: Document, user=None) -> Organisation:
    return accept_organisation(OrganisationFacts.from_dict(data), Acceptance(document, user))
