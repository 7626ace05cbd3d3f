"""What the sector rule tests ask of a text: the codes the lexicon rules give it (the gazetteer is the
`gaz` fixture of conftest.py)."""

from __future__ import annotations

from kopru.intel.extract.sectors import LEAD_CHARS, find_sectors, summarise


def codes(text: str, gaz) -> set[str]:
    return {s["code"] for s in summarise(find_sectors(text, gaz, []), lead_end=LEAD_CHARS, text=text)}
