"""Storing documents once: the checksum of their content decides what counts as the same document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction

from kopru.core.models import Document
from kopru.core.text import single_line


def checksum_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    created: bool


@transaction.atomic
def store_document(*, content: bytes, text: str, title: str, file_name: str = "", **fields) -> StoredDocument:
    """Create a document, or return the one already stored with the same bytes (no duplicate rows)."""
    checksum = checksum_of(content)
    existing = Document.objects.filter(checksum=checksum).first()
    if existing:
        return StoredDocument(existing, created=False)
    for name in ("publisher", "language"):
        if isinstance(fields.get(name), str):
            fields[name] = single_line(fields[name])[:200]
    title, file_name = single_line(title), single_line(file_name).replace("/", "_")
    document = Document(
        checksum=checksum,
        title=title[:500] or file_name or checksum[:12],
        text=text,
        original_name=file_name,
        **fields,
    )
    document.full_clean(exclude=["checksum", "file"])
    if file_name:
        document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    return StoredDocument(document, created=True)
