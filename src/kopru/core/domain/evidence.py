"""Evidence: document spans behind facts, and how to show them highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kopru.core.access import visible_to
from kopru.core.models import Document, Evidence


def attach_evidence(record, document: Document, start: int, end: int) -> Evidence:
    """Tie `record` to document[start:end]; idempotent for the same span."""
    content_type = ContentType.objects.get_for_model(record)
    evidence, _ = Evidence.objects.get_or_create(
        document=document,
        start=start,
        end=end,
        content_type=content_type,
        object_id=record.pk,
        defaults={"quote": document.text[start:end]},
    )
    evidence.full_clean()
    return evidence


def evidence_for(record, user):
    """The evidence behind `record` that `user` may read: only spans of documents they may open (an internal
    document's title and text stay with its side, even when the record it supports is shared)."""
    content_type = ContentType.objects.get_for_model(record)
    documents = visible_to(Document.objects.all(), user).values("pk")
    return Evidence.objects.filter(
        content_type=content_type, object_id=record.pk, document__in=documents
    ).select_related("document")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str = ""


def highlight(text: str, spans: list[Span]) -> SafeString:
    """Escape `text` and wrap each span in <mark>; overlapping spans are merged so the HTML stays valid."""
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), last.anchor or span.anchor)
        else:
            merged.append(span)
    parts, cursor = [], 0
    for span in merged:
        parts.append(escape(text[cursor : span.start]))
        anchor = f' id="{escape(span.anchor)}"' if span.anchor else ""
        parts.append(f"<mark{anchor}>{escape(text[span.start : span.end])}</mark>")
        cursor = span.end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def context_snippet(evidence: Evidence, width: int = 160) -> SafeString:
    """The quoted span with some surrounding text, highlighted."""
    text = evidence.document.text
    begin = max(0, evidence.start - width)
    finish = min(len(text), evidence.end + width)
    window = text[begin:finish]
    marked = highlight(window, [Span(evidence.start - begin, evidence.end - begin)])
    prefix = "…" if begin > 0 else ""
    suffix = "…" if finish < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")
