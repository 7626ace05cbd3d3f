"""Document intelligence: text -> people, organisations, countries, places, sectors, events, claims.

Library API (framework-free; never imports Django):

Typed (``result.py``: ``Extraction`` and its dataclasses; ``Extraction.to_dict()`` is the contract's JSON):

* ``extract(text, *, title=None, published=None, publisher=None, source=None, corrections=None)
  -> Extraction``
* ``extract_file(path, *, corrections=None) -> Extraction`` — raises ``ReadError`` when unreadable
* ``extract_documents(paths, *, corrections=None, batch_size=16) -> Iterator[Extraction | ReadFailure]``
  — batch (spaCy ``nlp.pipe``), input order, directories expanded

Dicts (the contract's object, kept for existing callers; each is the typed call + ``to_dict()``):

* ``extract_text(text, *, title=None, published=None, publisher=None, source=None, corrections=None)
  -> dict``
* ``extract_path(path, *, corrections=None) -> dict``
* ``extract_many(paths, *, corrections=None, batch_size=16) -> Iterator[dict]`` — unreadable files yield
  ``{"source": ..., "error": ...}`` in their place

``corrections`` is an optional ``Corrections`` (``corrections.py``): what reviewers rejected or renamed,
applied to every new extraction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from .corrections import Corrections
from .reading import Document, ReadError, normalise_text, read_path
from .result import Extraction, ReadFailure

_log = logging.getLogger(__name__)

__all__ = [
    "Corrections",
    "Extraction",
    "ReadError",
    "ReadFailure",
    "extract",
    "extract_documents",
    "extract_file",
    "extract_many",
    "extract_path",
    "extract_text",
]


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    source: str | None = None,
    corrections: Corrections | None = None,
) -> Extraction:
    from .nlp import get_nlp, prepare
    from .pipeline import analyse

    document = Document(
        source=source if source is not None else "<text>",
        text=normalise_text(text),
        title=title,
        published=published,
        publisher=publisher,
    )
    return analyse(document, get_nlp()(prepare(document.text)), corrections)


def extract_file(path: str, *, corrections: Corrections | None = None) -> Extraction:
    from .nlp import get_nlp, prepare
    from .pipeline import analyse

    document = read_path(path)
    return analyse(document, get_nlp()(prepare(document.text)), corrections)


def extract_documents(
    paths: Iterable[str], *, corrections: Corrections | None = None, batch_size: int = 16
) -> Iterator[Extraction | ReadFailure]:
    """Results in input order (directories expanded, files sorted by name)."""
    from .nlp import get_nlp, prepare
    from .pipeline import analyse
    from .reading import iter_paths

    nlp = get_nlp()

    def read_all() -> Iterator[tuple[str, Document | None, str | None]]:
        for path in iter_paths(paths):
            try:
                yield path, read_path(path), None
            except ReadError as exc:
                yield path, None, str(exc)

    batch: list[tuple[str, Document | None, str | None]] = []

    def flush() -> Iterator[Extraction | ReadFailure]:
        docs = [d for _, d, _ in batch if d is not None]
        parsed = iter(nlp.pipe([prepare(d.text) for d in docs], batch_size=batch_size))
        for path, document, error in batch:
            if document is None:
                yield ReadFailure(path, error or "cannot read")
                continue
            doc = next(parsed)
            try:
                yield analyse(document, doc, corrections)
            except Exception as exc:  # one document's fault must not end the batch; its line says why
                _log.exception("extraction failed for %s", path)
                yield ReadFailure(path, f"extraction failed: {type(exc).__name__}: {exc}")
        batch.clear()

    for item in read_all():
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    source: str | None = None,
    corrections: Corrections | None = None,
) -> dict:
    return extract(
        text, title=title, published=published, publisher=publisher, source=source, corrections=corrections
    ).to_dict()


def extract_path(path: str, *, corrections: Corrections | None = None) -> dict:
    return extract_file(path, corrections=corrections).to_dict()


def extract_many(
    paths: Iterable[str], *, corrections: Corrections | None = None, batch_size: int = 16
) -> Iterator[dict]:
    for result in extract_documents(paths, corrections=corrections, batch_size=batch_size):
        yield result.to_dict()
