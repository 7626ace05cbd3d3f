"""Sectors from a lexicon (resources/sectors.yaml), each with its evidence spans.

Matches inside facts-free zones (photo credits, bylines), inside titles of office ("Minister of Science
and Technology") and inside government/international organisation names ("Ministry of Trade") are not
evidence of what the document is about.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer


def find_sectors(text: str, gaz: Gazetteer, excluded: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, code) for every lexicon hit outside ``excluded`` spans, in text order."""
    hits = []
    excluded = sorted(excluded)
    for m in gaz.sector_re.finditer(text):
        s, e = m.start(), m.end()
        if any(xs <= s and e <= xe for xs, xe in excluded):
            continue
        if m.group().lower() == "train" and re.search(
            r"\b(?:will|to|would|can|and|also)\s+$", text[max(0, s - 12) : s]
        ):
            continue  # "will train 200 technicians" is a verb, not rolling stock
        hits.append((s, e, gaz.sector_group_codes[m.lastgroup], m.lastgroup in gaz.sector_weak_groups))
    # a code known only from weak words needs two of them
    strong = {code for _s, _e, code, weak in hits if not weak}
    weak_count: dict[str, int] = {}
    for _s, _e, code, weak in hits:
        if weak:
            weak_count[code] = weak_count.get(code, 0) + 1
    return [(s, e, code) for s, e, code, weak in hits if code in strong or weak_count.get(code, 0) >= 2]


def summarise(hits: list[tuple[int, int, str]]) -> list[dict]:
    """Contract form: one entry per code, ordered by first evidence."""
    by_code: dict[str, list[list[int]]] = {}
    for s, e, code in hits:
        by_code.setdefault(code, []).append([s, e])
    return [{"code": code, "evidence": spans} for code, spans in by_code.items()]
