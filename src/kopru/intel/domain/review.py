"""The review queue's decisions: accepted suggestions become records with evidence; rejections are kept.

This module only dispatches: each suggestion kind has an acceptor (`acceptance.py` for the kinds of this
app; other apps register theirs, e.g. investment events become deals), and every reject and edit is
handed to `corrections.py`, so the next extraction learns from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kopru.core.text import fold
from kopru.intel.domain import acceptance as by_kind
from kopru.intel.domain.corrections import forget_rejection, learn_from_edits, learn_from_reject
from kopru.intel.domain.payloads import OrganisationFacts, PersonFacts, payload_dict
from kopru.intel.domain.resolution import Resolver
from kopru.intel.domain.suggestions import match_new_records, resolve_payload, store_payload, typed_payload
from kopru.intel.enums import SuggestionStatus
from kopru.intel.models import Suggestion

# Changing any of these in an edit makes it another name: it is resolved again, as a new draft would be.
IDENTITY_KEYS = ("name", "aliases", "country")


@dataclass(frozen=True)
class Decision:
    suggestion: Suggestion
    ok: bool
    message: str = ""


ACCEPTORS = {
    "person": by_kind.accept_person,
    "organisation": by_kind.accept_organisation,
    "event": by_kind.accept_event,
    "sector": by_kind.accept_sector,
    "claim": by_kind.accept_claim,
}
# Kinds other apps accept: `accept(data: dict, document, user)` returns the record.
REGISTERED_ACCEPTORS: dict = {}


def register_acceptor(kind: str, accept_kind) -> None:
    """Let another app turn a kind of suggestion into its records (the investment desk: deals), so that
    intelligence names no sibling app. `accept(data, document, user)` returns the record."""
    if kind not in ACCEPTORS:
        REGISTERED_ACCEPTORS.setdefault(kind, accept_kind)


def _dispatch(suggestion: Suggestion, payload, acceptance: by_kind.Acceptance):
    if suggestion.kind in ACCEPTORS:
        return ACCEPTORS[suggestion.kind](payload, acceptance)
    try:
        registered = REGISTERED_ACCEPTORS[suggestion.kind]
    except KeyError:
        raise ValidationError(f"No installed app accepts {suggestion.kind} suggestions.") from None
    return registered(payload_dict(payload), acceptance.document, acceptance.user)


def _locked_pending(suggestion: Suggestion) -> Suggestion:
    suggestion = Suggestion.objects.select_for_update().select_related("document").get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    return suggestion


def _revised(suggestion: Suggestion, edits: dict | None, user):
    """The payload with the reviewer's edits; a person or organisation renamed is resolved again."""
    payload = typed_payload(suggestion)
    if not edits:
        return payload
    before = payload_dict(payload)
    revised = (
        type(payload).from_dict({**before, **edits}) if not isinstance(payload, dict) else {**before, **edits}
    )
    renamed = any(
        fold(str(before.get(key) or "")) != fold(str(edits[key] or ""))
        for key in IDENTITY_KEYS
        if key in edits
    )
    if isinstance(revised, PersonFacts | OrganisationFacts) and renamed:
        found = (before.get("name") or "").strip()
        if found and fold(found) != fold(revised.name) and "aliases" not in edits:
            # the name the extractor found is another name of the one the reviewer wrote
            revised.aliases = [found, *(alias for alias in revised.aliases if fold(alias) != fold(found))]
        revised = resolve_payload(revised, Resolver(suggestion.document, user))
    return revised


def _record_decision(suggestion: Suggestion, payload, record, user) -> None:
    store_payload(suggestion, payload)
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.result_type = ContentType.objects.get_for_model(record)
    suggestion.result_id = record.pk
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.save()


@transaction.atomic
def accept_suggestion(suggestion: Suggestion, *, user, edits: dict | None = None):
    """Turn a suggestion into a record (created or updated) with evidence; `edits` override what was found
    and are remembered as corrections for later extractions."""
    suggestion = _locked_pending(suggestion)
    original = dict(suggestion.payload)
    payload = _revised(suggestion, edits, user)
    acceptance = by_kind.Acceptance(suggestion.document, user)
    record = _dispatch(suggestion, payload, acceptance)
    _record_decision(suggestion, payload, record, user)
    if edits:
        learn_from_edits(suggestion, original, payload_dict(payload), user)
    if isinstance(payload, PersonFacts | OrganisationFacts):
        forget_rejection(suggestion, payload.name)
    match_new_records(acceptance.created)
    return record


@transaction.atomic
def reject_suggestion(suggestion: Suggestion, *, user) -> None:
    """Reject a suggestion; a rejected person, organisation or claim is not suggested again elsewhere."""
    updated = Suggestion.objects.filter(pk=suggestion.pk, status=SuggestionStatus.PENDING).update(
        status=SuggestionStatus.REJECTED, decided_by=user, decided_at=timezone.now()
    )
    if not updated:
        raise ValidationError("This suggestion was already decided.")
    learn_from_reject(Suggestion.objects.select_related("document").get(pk=suggestion.pk), user)


def decide_many(suggestions, *, user, accept: bool) -> list[Decision]:
    """Bulk decisions; each suggestion succeeds or fails on its own (a bad one does not block the rest)."""
    decisions = []
    for suggestion in suggestions:
        try:
            with transaction.atomic():
                if accept:
                    accept_suggestion(suggestion, user=user)
                else:
                    reject_suggestion(suggestion, user=user)
            decisions.append(Decision(suggestion, True))
        except ValidationError as error:
            decisions.append(Decision(suggestion, False, "; ".join(error.messages)))
    return decisions
