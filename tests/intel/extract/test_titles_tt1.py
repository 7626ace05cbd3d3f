"""Title rules of round tt1: the shapes of positions missed on real text. Every sentence is written for these
tests (fictional names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}


def test_each_post_of_a_combined_title_is_a_position_too():
    text = (
        "Orla Brennick, the chairman and chief executive of Kestrel Foods, said sales rose. "
        "Kestrel Foods chairman, CEO and president Tamsin Hale said the plant opens in May."
    )
    titles = _titles(text)
    assert {"chairman", "chief executive"} <= set(titles["Orla Brennick"])
    assert {"chairman", "CEO", "president"} <= set(titles["Tamsin Hale"])
