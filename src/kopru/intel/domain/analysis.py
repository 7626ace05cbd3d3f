"""Running extraction on a stored document and recording what it found as suggestions."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, transaction
from django.utils import timezone

from kopru.core.heartbeat import fault_point
from kopru.core.jobs import enqueue_on_commit
from kopru.core.models import Document, Organisation, Person
from kopru.intel.domain.drafting import Draft, drafts_from_result
from kopru.intel.domain.ingest import MAX_ATTEMPTS
from kopru.intel.domain.resolution import candidates_of, resolve_organisation, resolve_person
from kopru.intel.enums import ItemStatus, SuggestionStatus
from kopru.intel.extract import extract_text
from kopru.intel.models import IngestItem, Suggestion


def _has_placeholder_title(document: Document) -> bool:
    """Plain-text files carry no title: the file name stood in for one when the document was stored."""
    return document.title in {"", Path(document.original_name).stem, document.checksum[:12]}


def extract_document_text(document: Document) -> dict:
    return extract_text(
        document.text,
        title=None if _has_placeholder_title(document) else document.title,
        publisher=document.publisher or None,
        published=document.published_date.isoformat() if document.published_date else None,
        source=document.original_name or document.title,
    )


def _match_for(draft: Draft, people: list, organisations: list):
    payload = draft.payload
    if draft.kind == "person":
        return resolve_person(
            payload["name"], payload.get("aliases"), payload.get("country"), candidates=people
        )
    if draft.kind == "organisation":
        return resolve_organisation(
            payload["name"], payload.get("aliases"), payload.get("country"), candidates=organisations
        )
    return None


@transaction.atomic
def record_suggestions(document: Document, result: dict) -> int:
    """Create the document's suggestions; facts already decided (accepted or rejected) come back no more.

    Pending suggestions from an earlier run are replaced, so running this twice never duplicates anything.
    """
    decided = set(
        Suggestion.objects.filter(document=document)
        .exclude(status=SuggestionStatus.PENDING)
        .values_list("fingerprint", flat=True)
    )
    Suggestion.objects.filter(document=document, status=SuggestionStatus.PENDING).delete()
    created = []
    # The record's people and organisations are read once per document, not once per suggestion.
    people, organisations = candidates_of(Person), candidates_of(Organisation)
    for draft in drafts_from_result(result):
        if draft.fingerprint in decided:
            continue
        suggestion = Suggestion(
            document=document,
            kind=draft.kind,
            label=draft.label[:500],
            payload=draft.payload,
            fingerprint=draft.fingerprint,
            confidence=draft.confidence,
            evidence_start=draft.evidence[0] if draft.evidence else None,
            evidence_end=draft.evidence[1] if draft.evidence else None,
        )
        resolution = _match_for(draft, people, organisations)
        if resolution is not None:
            suggestion.match_note = resolution.note
            if resolution.record is not None:
                suggestion.match_type = ContentType.objects.get_for_model(resolution.record)
                suggestion.match_id = resolution.record.pk
        created.append(suggestion)
    Suggestion.objects.bulk_create(created)
    return len(created)


_CREDIT = re.compile(r"\s*/\s*(?:photo|image|video|source)\s*:.*$", re.IGNORECASE)


def _first_line(text: str) -> str:
    """A display title for a document without one: its first line, less a trailing photo credit."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return _CREDIT.sub("", line)[:200]


def _complete_metadata(document: Document, result: dict) -> None:
    """A plain-text file has no metadata; the extractor's title, publisher and date fill what is missing."""
    changed = []
    if _has_placeholder_title(document):
        title = result.get("title") or _first_line(document.text)
        if title:
            document.title = title[:500]
            changed.append("title")
    if result.get("publisher") and not document.publisher:
        document.publisher = result["publisher"][:200]
        changed.append("publisher")
    if result.get("published") and not document.published_date:
        try:
            document.published_date = datetime.date.fromisoformat(result["published"])
            changed.append("published_date")
        except ValueError:
            pass
    if changed:
        document.save(update_fields=[*changed, "search_text", "updated_at"])


def run_item(item_id: int) -> None:
    """The body of the background task: claim the item, extract, record — all or nothing."""
    with transaction.atomic():
        item = IngestItem.objects.select_for_update(of=("self",)).select_related("document").get(pk=item_id)
        if item.status in (ItemStatus.DONE, ItemStatus.FAILED) or item.document is None:
            return
        item.status, item.started_at, item.attempts = ItemStatus.RUNNING, timezone.now(), item.attempts + 1
        item.save(update_fields=["status", "started_at", "attempts"])
    try:
        fault_point("extract")  # the fault tests kill a worker here; nothing is written until below
        result = extract_document_text(item.document)
        # A worker killed here leaves no suggestions: they are written in one transaction with the status
        with transaction.atomic():
            _complete_metadata(item.document, result)
            count = record_suggestions(item.document, result)
            IngestItem.objects.filter(pk=item.pk).update(
                status=ItemStatus.DONE, finished_at=timezone.now(), suggestions_created=count, error=""
            )
    except OperationalError:
        # The database was busy or went away: nothing was written, so the item can simply go round again.
        _retry_or_fail(item)
    except Exception as error:
        IngestItem.objects.filter(pk=item.pk).update(
            status=ItemStatus.FAILED, finished_at=timezone.now(), error=f"Extraction failed: {error}"
        )


def _retry_or_fail(item: IngestItem) -> None:
    if item.attempts >= MAX_ATTEMPTS:
        IngestItem.objects.filter(pk=item.pk).update(
            status=ItemStatus.FAILED,
            finished_at=timezone.now(),
            error=f"The database stayed busy through {item.attempts} attempts.",
        )
        return
    with transaction.atomic():
        IngestItem.objects.filter(pk=item.pk).update(status=ItemStatus.QUEUED)
        enqueue_on_commit("intel.extract_document", item_id=item.pk)
