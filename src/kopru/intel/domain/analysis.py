"""Running extraction on a stored document and recording what it found as suggestions."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import OperationalError, transaction
from django.utils import timezone

from kopru.core.heartbeat import fault_point
from kopru.core.jobs import enqueue_on_commit
from kopru.core.models import Document
from kopru.intel import extract
from kopru.intel.domain.corrections import LearntCorrections, apply_corrections, corrections_for
from kopru.intel.domain.drafting import drafts_from_result
from kopru.intel.domain.ingest import MAX_ATTEMPTS
from kopru.intel.domain.reading import headline
from kopru.intel.domain.resolution import Resolver
from kopru.intel.domain.suggestions import new_suggestion
from kopru.intel.enums import ItemStatus, SuggestionStatus
from kopru.intel.models import IngestItem, Suggestion

# The extraction core learns to apply corrections itself (`corrections=`); until it does, and for what it
# leaves to us (claims), `apply_corrections` applies them to its result. Applying twice changes nothing.
CoreCorrections = getattr(extract, "Corrections", None)


def _has_placeholder_title(document: Document) -> bool:
    """Plain-text files carry no title: the file name stood in for one when the document was stored."""
    stand_ins = {"", Path(document.original_name).stem, document.checksum[:12], headline(document.text)}
    return document.title in stand_ins


def _extract_with(document: Document, corrections: LearntCorrections) -> dict:
    options = {}
    if CoreCorrections is not None and corrections:
        options["corrections"] = CoreCorrections.from_dict(corrections.for_extractor())
    return extract.extract_text(
        document.text,
        title=None if _has_placeholder_title(document) else document.title,
        publisher=document.publisher or None,
        published=document.published_date.isoformat() if document.published_date else None,
        source=document.original_name or document.title,
        **options,
    )


def extract_document_text(document: Document) -> dict:
    """Extract a stored document, applying what reviewers taught (corrections for its side)."""
    corrections = corrections_for(document)
    return apply_corrections(_extract_with(document, corrections), corrections)


@transaction.atomic
def record_suggestions(document: Document, result: dict, *, user=None) -> int:
    """Create the document's suggestions; facts already decided (accepted or rejected) come back no more.

    Each person and organisation is resolved here, once (against the records the document's readers, and
    `user` when given, may see); the result travels with the suggestion to its acceptance. Pending
    suggestions from an earlier run are replaced, so running this twice never duplicates anything.
    """
    decided = set(
        Suggestion.objects.filter(document=document)
        .exclude(status=SuggestionStatus.PENDING)
        .values_list("fingerprint", flat=True)
    )
    Suggestion.objects.filter(document=document, status=SuggestionStatus.PENDING).delete()
    # The record's people and organisations are read once per document, not once per suggestion.
    resolver = Resolver(document, user)
    created = [
        new_suggestion(document, draft, resolver)
        for draft in drafts_from_result(result)
        if draft.fingerprint not in decided
    ]
    Suggestion.objects.bulk_create(created)
    return len(created)


_first_line = headline


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
        item = (
            IngestItem.objects.select_for_update(of=("self",))
            .select_related("document", "batch__created_by")
            .get(pk=item_id)
        )
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
            count = record_suggestions(item.document, result, user=item.batch.created_by)
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
