"""Fetching due sources: new items become documents (stored once) whose extraction is queued.

Every fetch leaves a `FetchLog` row, whatever happened: the status page shows officers which sources
work, which are failing and why. One bad source never stops the others.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from kopru.core.access import side_of
from kopru.core.enums import Visibility
from kopru.core.jobs import enqueue_on_commit
from kopru.core.models import Document
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.domain.reading import UnreadableDocument, read_upload
from kopru.intel.enums import ItemStatus
from kopru.sources.domain.http import FetchFailed, PoliteClient, shared_client
from kopru.sources.domain.parsing import BadFeed, Entry, article_links, parse_feed
from kopru.sources.enums import FetchOutcome, SourceKind
from kopru.sources.models import FetchLog, Source, SourceItem

SOURCE_FIELDS = ("name", "url", "kind", "language", "publisher", "interval_minutes", "active", "visibility")


def text_checksum(text: str) -> str:
    """The same article under two URLs (or re-wrapped by a page template) has the same words."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()


@dataclass
class _Found:
    entry: Entry
    content: bytes
    checksum: str


@dataclass
class _Tally:
    found: list[_Found] = field(default_factory=list)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def _content_of(entry: Entry, source: Source, client: PoliteClient) -> bytes:
    if source.kind == SourceKind.FEED and entry.has_full_text:
        return entry.as_html(source.publisher)
    return client.get(entry.url).content


def _collect(source: Source, entries: list[Entry], client: PoliteClient) -> _Tally:
    tally = _Tally()
    known_urls = set(
        SourceItem.objects.filter(url__in=[e.url for e in entries]).values_list("url", flat=True)
    )
    seen_checksums: set[str] = set()
    for entry in entries:
        if entry.url in known_urls:
            tally.duplicates += 1
            continue
        try:
            content = _content_of(entry, source, client)
            text = read_upload(f"{slugify(entry.title)[:60] or 'item'}.html", content).text
        except FetchFailed as error:
            tally.errors.append(error.message)
            continue
        except UnreadableDocument as error:
            tally.errors.append(f"{entry.url}: {error}")
            continue
        checksum = text_checksum(text)
        if checksum in seen_checksums or SourceItem.objects.filter(checksum=checksum).exists():
            # Same words under another URL: remember the URL so it is not fetched again, store nothing new.
            original = SourceItem.objects.filter(checksum=checksum).first()
            SourceItem.objects.get_or_create(
                url=entry.url,
                defaults={
                    "source": source,
                    "title": entry.title,
                    "checksum": checksum,
                    "document": original.document if original else None,
                },
            )
            tally.duplicates += 1
            continue
        seen_checksums.add(checksum)
        tally.found.append(_Found(entry, content, checksum))
    return tally


def _store(source: Source, found: list[_Found]) -> tuple[int, list[str]]:
    """One ingest batch for the fetch; each item remembered with its document. Returns (new, errors)."""
    if not found:
        return 0, []
    errors = []
    with transaction.atomic():
        batch = ingest_files(
            [IncomingFile(f"{slugify(f.entry.title)[:60] or 'item'}.html", f.content) for f in found],
            label=f"{source.name} ({timezone.now():%Y-%m-%d %H:%M})",
            visibility=source.visibility,
            owner_side=source.owner_side if source.visibility == Visibility.INTERNAL else "",
        )
        new = 0
        for item, one in zip(batch.items.order_by("pk"), found, strict=True):
            if item.status == ItemStatus.FAILED:
                errors.append(f"{one.entry.url}: {item.error}")
                continue
            SourceItem.objects.create(
                source=source,
                url=one.entry.url,
                title=one.entry.title or item.document.title,
                checksum=one.checksum,
                document=item.document,
                ingest_item=item,
            )
            if not item.duplicate:
                new += 1
                _complete_document(item.document, source, one.entry)
    return new, errors


def _complete_document(document: Document, source: Source, entry: Entry) -> None:
    """What the source knows and the page may not say: where it came from, who published it, the language."""
    document.source_url = document.source_url or entry.url
    document.publisher = document.publisher or source.publisher[:200]
    document.language = source.language or document.language
    document.published_date = document.published_date or entry.published
    if entry.title and (not document.title or document.title == document.original_name):
        document.title = entry.title[:500]
    document.save(update_fields=["source_url", "publisher", "language", "published_date", "title"])


def fetch_source(source: Source, *, client: PoliteClient | None = None, now=None) -> FetchLog:
    """Fetch one source now, whatever its schedule; record and return what happened."""
    client = client or shared_client()
    started = now or timezone.now()
    log = FetchLog(source=source, started_at=started, outcome=FetchOutcome.ERROR)
    try:
        reply = client.get(source.url, etag=source.etag, last_modified=source.last_modified)
        log.http_status = reply.status
        if reply.status == 304:
            log.outcome = FetchOutcome.NOT_MODIFIED
        else:
            if source.kind == SourceKind.FEED:
                entries = parse_feed(reply.content, reply.url)
            else:
                entries = article_links(reply.content, reply.url)
            tally = _collect(source, entries, client)
            new, store_errors = _store(source, tally.found)
            errors = tally.errors + store_errors
            log.new_items, log.duplicates, log.item_errors = new, tally.duplicates, len(errors)
            log.outcome = FetchOutcome.OK if new else FetchOutcome.UNCHANGED
            log.message = "\n".join(errors)[:5000]
            source.etag = reply.headers.get("ETag", "")[:500]
            source.last_modified = reply.headers.get("Last-Modified", "")[:100]
    except FetchFailed as error:
        log.outcome, log.message, log.http_status = error.outcome, error.message, error.http_status
    except BadFeed as error:
        log.outcome, log.message = FetchOutcome.BAD_FEED, str(error)
    except Exception as error:  # one broken source must not stop the watch; the log says what broke
        log.outcome, log.message = FetchOutcome.ERROR, f"{type(error).__name__}: {error}"[:5000]
    log.finished_at = timezone.now()
    source.last_fetched_at = started
    with transaction.atomic():
        log.save()
        Source.objects.filter(pk=source.pk).update(
            etag=source.etag, last_modified=source.last_modified, last_fetched_at=started
        )
    return log


def due_sources(now: datetime.datetime) -> list[Source]:
    return [source for source in Source.objects.filter(active=True) if source.is_due(now)]


def watch(*, now=None, queue: bool = False, client: PoliteClient | None = None) -> list[FetchLog]:
    """Fetch every due source here (or queue one job per source for the workers with `queue=True`)."""
    now = now or timezone.now()
    logs = []
    for source in due_sources(now):
        if queue:
            enqueue_on_commit("sources.fetch_source", source_id=source.pk)
        else:
            logs.append(fetch_source(source, client=client, now=now))
    return logs


_WHITESPACE = re.compile(r"\s+")


def save_source(source: Source | None, data: dict, *, user) -> Source:
    """Create or change a source; internal sources belong to the side of the officer who adds them."""
    source = source or Source(created_by=user)
    for name in SOURCE_FIELDS:
        if name in data:
            value = data[name]
            setattr(source, name, _WHITESPACE.sub(" ", value).strip() if isinstance(value, str) else value)
    if source.visibility == Visibility.INTERNAL and not source.owner_side:
        source.owner_side = data.get("owner_side") or side_of(user)
    if source.visibility != Visibility.INTERNAL:
        source.owner_side = ""
    source.full_clean()
    source.save()
    return source
