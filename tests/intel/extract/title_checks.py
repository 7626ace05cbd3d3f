"""What the title-rule tests ask of an extraction: each person's positions as (title, organisation)."""

from __future__ import annotations

from kopru.intel.extract import extract_text


def positions_of(text: str) -> dict[str, list[tuple[str, str | None]]]:
    return {
        p["name"]: [(x["title"], x["organization"]) for x in p["positions"]]
        for p in extract_text(text)["people"]
    }
