"""Ingestion: files in, documents stored once, extraction queued as background tasks after commit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.documents import checksum_of, store_document
from kopru.core.enums import Role, Visibility
from kopru.core.jobs import enqueue_on_commit
from kopru.core.models import Document
from kopru.intel.domain.heartbeat import stale_items
from kopru.intel.domain.reading import UnreadableDocument, headline, read_upload
from kopru.intel.enums import ItemStatus
from kopru.intel.extract.reading import SUPPORTED_EXTENSIONS, iter_paths
from kopru.intel.models import IngestBatch, IngestItem

# A worker that died mid-document leaves its item "running"; its heartbeat stops (intel.domain.heartbeat).
STALE_AFTER = datetime.timedelta(seconds=60)
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class IncomingFile:
    name: str
    content: bytes | None = None
    error: str = ""  # set when the file could not even be read from disk


def files_from_paths(paths: list[str]) -> list[IncomingFile]:
    """Expand directories (recursively, sorted) and read each file; unreadable ones carry their error."""
    files = []
    for path in iter_paths(paths):
        try:
            files.append(IncomingFile(path, Path(path).read_bytes()))
        except OSError as error:
            files.append(IncomingFile(path, error=f"Cannot read the file: {error.strerror or error}."))
    return files


def _hidden_duplicate(content: bytes, user) -> bool:
    """The same bytes are stored as a document `user` may not read (another side's internal document).

    Documents are stored once per content, so storing the file would mean linking to that document and
    re-running its extraction, which would replace its side's pending suggestions: the upload is refused
    instead, and the hidden document is left exactly as it was. (The command line, without a user, may
    read everything.)"""
    if user is None:
        return False
    existing = Document.objects.filter(checksum=checksum_of(content))
    return existing.exists() and not access.visible_to(existing, user).exists()


def _failed(item: IngestItem, error: str) -> IngestItem:
    item.status, item.error = ItemStatus.FAILED, error
    item.finished_at = timezone.now()
    item.save()
    return item


def _store_one(
    batch: IngestBatch,
    incoming: IncomingFile,
    *,
    visibility: str,
    owner_side: str,
    user=None,
    metadata: dict | None = None,
) -> IngestItem:
    metadata = metadata or {}
    item = IngestItem(batch=batch, name=incoming.name[:500])
    if incoming.error:
        item.status, item.error = ItemStatus.FAILED, incoming.error
        item.save()
        return item
    if _hidden_duplicate(incoming.content, user):
        return _failed(
            item,
            _(
                "This file is already stored as a document you may not open, so it was not stored again. "
                "Ask an administrator if you need it."
            ),
        )
    try:
        read = read_upload(incoming.name, incoming.content)
    except UnreadableDocument as error:
        item.status, item.error = ItemStatus.FAILED, str(error)
        item.finished_at = timezone.now()
        item.save()
        return item
    # One savepoint per file: a failure in one file never takes its neighbours down with it.
    try:
        with transaction.atomic():
            stored = _store_read(incoming, read, visibility, owner_side, metadata)
            item.document, item.duplicate = stored.document, not stored.created
            item.save()
    except ValidationError as error:
        return _failed(item, " ".join(error.messages))
    return item


def _store_read(incoming: IncomingFile, read, visibility: str, owner_side: str, metadata: dict):
    return store_document(
        content=incoming.content,
        text=read.text,
        # A plain-text file has no title: its headline stands in (never the file name or hash) until the
        # extractor's title replaces it.
        title=metadata.get("title") or read.title or headline(read.text) or Path(incoming.name).stem,
        publisher=metadata.get("publisher") or read.publisher or "",
        published_date=metadata.get("published_date") or read.published,
        source_url=metadata.get("source_url") or "",
        visibility=visibility,
        owner_side=owner_side if visibility == Visibility.INTERNAL else "",
        file_name=Path(incoming.name).name,
    )


def ingest_files(
    files: list[IncomingFile],
    *,
    user=None,
    label: str = "",
    visibility: str = Visibility.SHARED,
    owner_side: str = "",
    enqueue: bool = True,
    metadata: dict | None = None,
) -> IngestBatch:
    """Store every readable file once and queue its extraction; unreadable files are failed items.

    `metadata` (title, publisher, published_date, source_url: what the uploader typed) wins over what is
    read from the files. With `enqueue=False` the caller runs the extraction itself (`kopru ingest --sync`).
    """
    with transaction.atomic():
        batch = IngestBatch.objects.create(created_by=user, label=label[:200])
        items = [
            _store_one(
                batch, incoming, visibility=visibility, owner_side=owner_side, user=user, metadata=metadata
            )
            for incoming in files
        ]
        queued = [item.pk for item in items if item.status == ItemStatus.QUEUED]
        if enqueue:
            for pk in queued:
                enqueue_on_commit("intel.extract_document", item_id=pk)
    return batch


def requeue_stale_items(now: datetime.datetime | None = None) -> list[int]:
    """Items whose worker died (still "running" long after it started) go back to the queue."""
    now = now or timezone.now()
    stale = list(stale_items(now).values_list("pk", "attempts"))  # heartbeat older than a minute
    requeued = []
    with transaction.atomic():
        for pk, attempts in stale:
            if attempts >= MAX_ATTEMPTS:
                IngestItem.objects.filter(pk=pk).update(
                    status=ItemStatus.FAILED,
                    finished_at=now,
                    error=f"Extraction did not finish after {attempts} attempts.",
                )
            else:
                IngestItem.objects.filter(pk=pk).update(status=ItemStatus.QUEUED, heartbeat_at=None)
                requeued.append(pk)
        for pk in requeued:
            enqueue_on_commit("intel.extract_document", item_id=pk)
    return requeued


def supported_extensions() -> list[str]:
    return sorted(SUPPORTED_EXTENSIONS)


def batches_for(user):
    """Ingestion batches `user` may open: admins all; government staff those created by their side's staff
    (a batch lists file names and a label, which are as internal as the documents may be)."""
    if access.is_admin(user):
        return IngestBatch.objects.all()
    side = access.side_of(user)
    if not access.is_government_staff(user):
        return IngestBatch.objects.none()
    return IngestBatch.objects.filter(created_by__profile__side=side, created_by__profile__role=Role.STAFF)
