"""What the organisation and people rule tests ask of an extraction: the sorted names found."""

from __future__ import annotations

from kopru.intel.extract import extract_text


def org_names(text: str) -> list[str]:
    return sorted(o["name"] for o in extract_text(text)["organizations"])


def people_names(text: str) -> list[str]:
    return sorted(p["name"] for p in extract_text(text)["people"])
