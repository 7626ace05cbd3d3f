"""Document intelligence: text -> people, organisations, countries, places, sectors, events, claims.

Library API (framework-free):

* ``extract_text(text, *, title=None, published=None, publisher=None, source=None) -> dict``
* ``extract_path(path) -> dict`` — raises ``ReadError`` when the file cannot be read
* ``extract_many(paths) -> Iterator[dict]`` — batch, spaCy ``nlp.pipe``; unreadable files yield
  ``{"source": ..., "error": ...}`` in their place

Every result is the object described in the extraction contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .reading import Document, ReadError, normalise_text, read_path

__all__ = ["ReadError", "extract_many", "extract_path", "extract_text"]


def extract_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    source: str | None = None,
) -> dict:
    from .nlp import get_nlp
    from .pipeline import analyse

    document = Document(
        source=source if source is not None else "<text>",
        text=normalise_text(text),
        title=title,
        published=published,
        publisher=publisher,
    )
    return analyse(document, get_nlp()(document.text))


def extract_path(path: str) -> dict:
    from .nlp import get_nlp
    from .pipeline import analyse

    document = read_path(path)
    return analyse(document, get_nlp()(document.text))


def extract_many(paths: Iterable[str], *, batch_size: int = 16) -> Iterator[dict]:
    """Results in input order (directories expanded, files sorted by name)."""
    from .nlp import get_nlp
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

    def flush() -> Iterator[dict]:
        docs = [d for _, d, _ in batch if d is not None]
        parsed = iter(nlp.pipe([d.text for d in docs], batch_size=batch_size))
        for path, document, error in batch:
            if document is None:
                yield {"source": path, "error": error}
            else:
                yield analyse(document, next(parsed))
        batch.clear()

    for item in read_all():
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
