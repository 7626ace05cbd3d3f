"""Suggestions carry their resolution: drafted once with the record each name denotes, kept current after.

`new_suggestion` turns a draft into a (not yet saved) suggestion whose typed payload says, for every person
and organisation in it, which record it denotes or that it is new (`Resolver`, run once per document).
`match_new_records` keeps pending suggestions current when accepting one creates a record: a pending
suggestion that named the same person as "new" now names the record, so accepting it adds to that record
instead of creating a twin. Only suggestions whose whole audience may see the new record are matched.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from kopru.core import access
from kopru.core.enums import Visibility
from kopru.core.models import Country, Document, Organisation, Person, Sector
from kopru.engage.enums import EngagementKind, EngagementStatus
from kopru.intel.domain.drafting import Draft
from kopru.intel.domain.payloads import (
    EventFacts,
    Match,
    OrganisationFacts,
    Payload,
    PersonFacts,
    payload_dict,
    payload_from,
)
from kopru.intel.domain.resolution import Resolver, as_match, resolve_organisation, resolve_person
from kopru.intel.enums import SuggestionStatus
from kopru.intel.models import Suggestion

ENTITY_MODELS = {"person": Person, "organisation": Organisation}


def resolve_payload(payload: Payload | dict, resolver: Resolver) -> Payload | dict:
    """Fill in the match of every person and organisation the payload names."""
    if isinstance(payload, PersonFacts | OrganisationFacts):
        resolver.entity(payload)
    elif isinstance(payload, EventFacts):
        for participant in payload.participant_details:
            resolver.entity(participant)
    return payload


def typed_payload(suggestion: Suggestion) -> Payload | dict:
    payload = payload_from(suggestion.kind, suggestion.payload)
    if (
        isinstance(payload, PersonFacts | OrganisationFacts)
        and payload.match is None
        and suggestion.match_note
    ):
        # Drafted before payloads carried their match: the suggestion's own fields hold it.
        payload.match = Match(suggestion.match_id, suggestion.match_note)
    return payload


def store_payload(suggestion: Suggestion, payload: Payload | dict) -> None:
    """Write the payload back; a person's or organisation's match is mirrored in the suggestion's fields,
    which the queue and the API show."""
    suggestion.payload = payload_dict(payload)
    match = getattr(payload, "match", None)
    if match is None:
        return
    suggestion.match_note = match.note[:200]
    if match.is_new:
        suggestion.match_type, suggestion.match_id = None, None
    else:
        model = ENTITY_MODELS[payload.entity]
        suggestion.match_type, suggestion.match_id = ContentType.objects.get_for_model(model), match.record_id


def new_suggestion(document: Document, draft: Draft, resolver: Resolver) -> Suggestion:
    suggestion = Suggestion(
        document=document,
        kind=draft.kind,
        label=draft.label[:500],
        fingerprint=draft.fingerprint,
        confidence=draft.confidence,
        evidence_start=draft.evidence[0] if draft.evidence else None,
        evidence_end=draft.evidence[1] if draft.evidence else None,
    )
    store_payload(suggestion, resolve_payload(payload_from(draft.kind, draft.payload), resolver))
    return suggestion


# ------------------------------------------------------------------------------- keeping resolutions current


def in_audience(record, document: Document) -> bool:
    """Whether every reader of `document`'s suggestions may see `record` (`resolution.audience_of`)."""
    if record.visibility in (Visibility.PUBLIC, Visibility.SHARED):
        return True
    return document.visibility == Visibility.INTERNAL and document.owner_side == record.owner_side


def _documents_that_may_see(records) -> Q:
    if any(record.visibility != Visibility.INTERNAL for record in records):
        return Q()
    sides = {record.owner_side for record in records}
    return Q(document__visibility=Visibility.INTERNAL, document__owner_side__in=sides)


def _rematch(match: Match | None, resolve, name, aliases, country, candidates) -> Match | None:
    if match is None or not match.is_new or not candidates:
        return None
    found = as_match(resolve(name, aliases, country, candidates=candidates))
    return None if found.is_new else found


def _rematch_entity(facts, people: list, organisations: list) -> bool:
    changed = False
    if isinstance(facts, PersonFacts):
        found = _rematch(facts.match, resolve_person, facts.name, facts.aliases, facts.country, people)
        for position in facts.positions:
            employer = _rematch(
                position.organisation_match,
                resolve_organisation,
                position.organisation,
                [],
                facts.country,
                organisations,
            )
            if employer is not None:
                position.organisation_match, changed = employer, True
    else:
        found = _rematch(
            facts.match, resolve_organisation, facts.name, facts.aliases, facts.country, organisations
        )
    if found is not None:
        facts.match, changed = found, True
    return changed


def _rematch_payload(payload, people: list, organisations: list) -> bool:
    if isinstance(payload, PersonFacts | OrganisationFacts):
        return _rematch_entity(payload, people, organisations)
    if isinstance(payload, EventFacts):
        changed = [_rematch_entity(p, people, organisations) for p in payload.participant_details]
        return any(changed)  # every participant is rematched, not just the first
    return False


def match_new_records(records: list) -> int:
    """Pending suggestions that resolved a name to "new" and denote one of `records` now name it."""
    records = [record for record in records if isinstance(record, Person | Organisation)]
    if not records:
        return 0
    pending = Suggestion.objects.filter(
        _documents_that_may_see(records),
        status=SuggestionStatus.PENDING,
        kind__in=["person", "organisation", "event"],
    ).select_related("document")
    updated = []
    for suggestion in pending:
        visible = [record for record in records if in_audience(record, suggestion.document)]
        people = [record for record in visible if isinstance(record, Person)]
        organisations = [record for record in visible if isinstance(record, Organisation)]
        payload = typed_payload(suggestion)
        if _rematch_payload(payload, people, organisations):
            store_payload(suggestion, payload)
            updated.append(suggestion)
    Suggestion.objects.bulk_update(updated, ["payload", "match_type", "match_id", "match_note"])
    return len(updated)


# ------------------------------------------------------------------------------------------- showing them

HIDDEN_PAYLOAD_KEYS = {"mentions", "participant_details", "match", "evidence"}


def linked_record(suggestion: Suggestion, user, which: str = "match"):
    """The suggestion's matched (or resulting) record when `user` may see it; None otherwise. A stored
    link can point at a record that became another side's internal record after drafting."""
    if getattr(suggestion, f"{which}_id") is None:
        return None
    record = getattr(suggestion, which)
    return record if access.can_view(user, record) else None


def visible_match_keys(suggestions, user) -> set[tuple[int, int]]:
    """(content type id, record id) of the matched records `user` may see, in one query per record type."""
    wanted: dict[int, set[int]] = {}
    for suggestion in suggestions:
        if suggestion.match_id is not None and suggestion.match_type_id is not None:
            wanted.setdefault(suggestion.match_type_id, set()).add(suggestion.match_id)
    visible = set()
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        pks = access.visible_to(model.objects.filter(pk__in=ids), user).values_list("pk", flat=True)
        visible.update((type_id, pk) for pk in pks)
    return visible


PAYLOAD_LABELS = {
    "type": _("Kind"),
    "status": _("Status"),
    "date": _("Date"),
    "place": _("Place"),
    "place_country": _("Country of the place"),
    "participants": _("Participants"),
    "sectors": _("Sectors"),
    "sector": _("Sector"),
    "code": _("Sector"),
    "company": _("Company"),
    "location": _("Location"),
    "amount": _("Amount"),
    "jobs": _("Jobs"),
    "name": _("Name"),
    "aliases": _("Other names"),
    "country": _("Country"),
    "kind": _("Kind"),
    "positions": _("Positions"),
    "subject": _("Subject"),
    "text": _("Text"),
    "metric": _("Measure"),
    "value": _("Value"),
    "unit": _("Unit"),
    "scope": _("Scope"),
    "title": _("Title"),
    "organization": _("Organisation"),
    "capacity": _("Capacity"),
    "province": _("Province"),
}
_VALUE_LABELS = {
    **dict(EngagementKind.choices),
    **dict(EngagementStatus.choices),
    "investment": _("Investment"),
    "person": _("Person"),
    "organisation": _("Organisation"),
}


def _label(key: str) -> str:
    return str(PAYLOAD_LABELS.get(key) or key.replace("_", " ").capitalize())


def _plain(key: str, value) -> str:
    """One extracted value as a person writes it: names not codes, no brackets, a dash for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if key in ("sectors", "sector", "code"):
        codes = value if isinstance(value, list) else [value]
        names = {sector.code: str(sector) for sector in Sector.objects.filter(code__in=codes)}
        return ", ".join(names.get(code, str(code).replace("_", " ")) for code in codes)
    if key in ("country", "place_country", "hq_country") and isinstance(value, str):
        country = Country.objects.filter(code=value.upper()).first()
        return str(country) if country else value
    if isinstance(value, dict) and {"value", "currency"} <= value.keys():
        number = value["value"]
        shown = number_format(number, decimal_pos=0, use_l10n=True, force_grouping=True)
        return f"{shown} {value['currency']}" if isinstance(number, int | float) else str(number)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_plain(k, v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return ", ".join(_plain(key, item) for item in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, int | float):
        return number_format(value, use_l10n=True, force_grouping=True)
    if key in ("type", "status", "kind") and value in _VALUE_LABELS:
        return str(_VALUE_LABELS[value])
    return str(value)


def shown_payload(suggestion: Suggestion) -> list[tuple[str, str]]:
    """The extracted data as a reviewer reads it: labelled, names not codes, no offsets, no record ids."""
    rows = []
    for key, value in suggestion.payload.items():
        if key in HIDDEN_PAYLOAD_KEYS:
            continue
        if key == "positions" and isinstance(value, list):
            value = [
                " — ".join(
                    str(part)
                    for part in (position.get("title"), position.get("organization"))
                    if part not in (None, "")
                )
                for position in value
                if isinstance(position, dict)
            ]
        rows.append((_label(key), _plain(key, value)))
    return rows


def without_matches(value):
    """The payload as the extraction found it: the stored resolutions (record ids) taken out."""
    if isinstance(value, dict):
        return {k: without_matches(v) for k, v in value.items() if k not in ("match", "organisation_match")}
    if isinstance(value, list):
        return [without_matches(item) for item in value]
    return value
