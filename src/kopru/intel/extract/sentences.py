"""Rule-based sentence splitting over the normalised text (paragraph-aware, abbreviation-aware)."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "approx",
    "est",
    "dept",
    "min",
    "max",
    "fig",
    *("hon", "lt", "col", "capt", "maj", "adm", "cmdr", "brig", "sgt", "messrs", "smt", "mt", "ft"),
}
# "K.T.M. Hemapala", "H.S. Sampath", "H.E.Mr. Jha": initials (segments of one to three letters) end no
# sentence
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")
# end punctuation, optional closing quotes/brackets, whitespace, then something that can start a sentence
_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9İÇŞĞÜÖ])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``; no sentence crosses a line break."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        start = 0
        for m in _BOUNDARY_RE.finditer(p_text):
            end = m.end()
            word = re.search(r"([\w.]+)[.!?]+[\"”’')\]]*$", p_text[start:end])
            if re.fullmatch(r"\s*\d{1,2}\.", p_text[start:end]):
                continue  # "1. MoU between ...": the number opens a list item, not a sentence
            if word and m.group().startswith("."):
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS_RE.match(w):
                    continue
            _append(spans, p_text, p_start, start, end)
            start = end
        _append(spans, p_text, p_start, start, len(p_text))
    return spans


def _append(spans, p_text, p_start, start, end):
    while start < end and p_text[start].isspace():
        start += 1
    while end > start and p_text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((p_start + start, p_start + end))
