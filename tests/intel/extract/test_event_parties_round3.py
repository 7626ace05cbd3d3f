"""Event rules of session 3, round 3 (parties and status): one test per rule, on sentences written for
these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.coref import Person
from kopru.intel.extract.pipeline import _add_full_name_mentions

pytestmark = pytest.mark.unit


def _events(text: str) -> list[tuple[str, str, set[str]]]:
    return [(e["type"], e["status"], set(e["participants"])) for e in extract_text(text)["events"]]


def _has(text: str, etype: str, parties: set[str], status: str | None = None) -> bool:
    return any(t == etype and parties <= p and (status is None or s == status) for t, s, p in _events(text))


def test_every_occurrence_of_a_full_name_is_a_mention_of_its_person():
    # NER tagged only the later "Varga"; the name grown to "Zoltan Varga" also stands before the comma
    text = "(Hirado)-- Zoltan Varga, trade minister, met Cheng Weiguo. Varga said Zoltan Varga's plan works."
    varga = Person(name="Zoltan Varga", mentions=[(text.index("Varga said"), text.index("Varga said") + 5)])
    orgs = [(1, 7, object())]
    assert _add_full_name_mentions(text, [varga], orgs)
    first = text.index("Zoltan")
    second = text.index("Zoltan", first + 1)
    assert varga.mentions == [
        (first, first + 12),
        (text.index("Varga said"), text.index("Varga said") + 5),
        (second, second + 12),
    ]
    assert not _add_full_name_mentions(text, [varga], orgs)  # nothing new the second time


def test_two_agreements_of_one_company_with_different_partners_stay_two():
    text = (
        "Veltrix Corp widens its customer base\n\n"
        "Veltrix Corp signed a supply agreement with Lumora Bank on Monday.\n\n"
        "Separately, Veltrix Corp signed a licensing agreement with Dornfeld Energy on Tuesday."
    )
    agreements = [p for t, _s, p in _events(text) if t == "agreement"]
    # (the company's name is read as "Veltrix"; which form does not matter here)
    assert any("Lumora Bank" in p and "Dornfeld Energy" not in p and len(p) == 2 for p in agreements)
    assert any("Dornfeld Energy" in p and "Lumora Bank" not in p and len(p) == 2 for p in agreements)


def test_a_headline_and_its_body_still_tell_one_agreement():
    text = (
        "Veltrix Labs and Lumora Bank sign supply deal\n\n"
        "Veltrix Labs signed a supply agreement with Lumora Bank on Monday, said Veltrix chief executive "
        "Anna Kovacs."
    )
    agreements = [p for t, _s, p in _events(text) if t == "agreement"]
    assert len(agreements) == 1 and {"Veltrix Labs", "Lumora Bank"} <= agreements[0]
