"""A simple language guess: English unless the text clearly is Turkish or Chinese."""

from __future__ import annotations

import re

_EN = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "it",
        "are",
        "be",
        "this",
        "has",
        "have",
    ]
)
_TR = frozenset(
    [
        "ve",
        "bir",
        "bu",
        "ile",
        "için",
        "da",
        "de",
        "olarak",
        "olan",
        "çok",
        "daha",
        "gibi",
        "ancak",
        "kadar",
        "sonra",
        "ise",
        "değil",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    sample = text[:5000]
    if not sample:
        return "en"
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if cjk > len(sample) * 0.2:
        return "zh"
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    en = sum(1 for w in words if w in _EN)
    tr = sum(1 for w in words if w in _TR)
    if tr > en and tr >= 3:
        return "tr"
    return "en"
