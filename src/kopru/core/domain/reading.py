"""Turning uploaded bytes into text and metadata; the extraction package's reader does the real work."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


class UnreadableDocument(ValueError):
    """The upload cannot be read; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class ReadDocument:
    text: str
    title: str | None = None
    publisher: str | None = None
    published: datetime.date | None = None
    language: str = "en"


def read_upload(file_name: str, content: bytes) -> ReadDocument:
    if not content.strip():
        raise UnreadableDocument("The file is empty.")
    if b"\x00" in content[:4096] and not file_name.lower().endswith(".pdf"):
        raise UnreadableDocument("The file looks binary, not text, HTML or PDF.")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableDocument("The file is not valid UTF-8 text.") from None
    return ReadDocument(text=text.strip())
