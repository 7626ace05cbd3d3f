"""Turning uploaded bytes into text and metadata, through the extraction package's reader.

Upload pages and the ingestion command use the same reader as `kopru extract`, so a document reads the
same way everywhere (and character offsets of evidence match the stored text).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath

from kopru.intel.extract.reading import SUPPORTED_EXTENSIONS, ReadError, read_bytes

_CREDIT = re.compile(r"\s*/\s*(?:photo|image|video|source)\s*:.*$", re.IGNORECASE)


def headline(text: str) -> str:
    """A display title for a document without one: its first line, less a trailing photo credit."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return _CREDIT.sub("", line)[:200]


class UnreadableDocument(ValueError):
    """The upload cannot be read; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class ReadDocument:
    text: str
    title: str | None = None
    publisher: str | None = None
    published: datetime.date | None = None


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def read_upload(file_name: str, content: bytes) -> ReadDocument:
    suffix = PurePath(file_name).suffix.lower() or ".txt"
    if suffix not in SUPPORTED_EXTENSIONS:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        raise UnreadableDocument(f"Unsupported file type {suffix!r}: use one of {supported}.")
    try:
        document = read_bytes(content, source=file_name, suffix=suffix)
    except ReadError as error:
        message = str(error)
        raise UnreadableDocument(
            message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
        ) from None
    return ReadDocument(
        text=document.text,
        title=document.title,
        publisher=document.publisher,
        published=_date(document.published),
    )
