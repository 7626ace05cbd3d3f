"""Event rules of round 10 (session 7): a person acts for the organisation their title names, licences granted
as pacts, a weekday run into a name. Sentences written for these tests (fictional companies and people)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of

pytestmark = pytest.mark.unit


def _parties(text: str, etype: str) -> list[set[str]]:
    return [p for t, _s, p in events_of(text) if t == etype]


def test_the_company_of_a_signatory_named_in_the_sentence_is_a_party():
    text = (
        "Karl Bremer, chief executive of Northwind Corp, signed a supply agreement with Bellamy Group "
        "on Monday."
    )
    assert any({"Karl Bremer", "Northwind", "Bellamy Group"} <= p for p in _parties(text, "agreement"))


def test_a_traveller_visits_for_himself_not_for_his_company():
    text = "Karl Bremer, chief executive of Northwind Corp, visited the Bellamy Group plant in Dayton."
    visits = _parties(text, "visit")
    assert visits and all("Northwind" not in p for p in visits)


def test_a_weekday_before_a_name_is_not_part_of_the_name():
    people = {
        p
        for _t, _s, parties in events_of(
            "On Monday Karl Bremer signed a supply agreement with Bellamy Group."
        )
        for p in parties
    }
    assert "Karl Bremer" in people and "Monday Karl Bremer" not in people


def test_a_licence_granted_between_two_companies_is_an_agreement_but_a_permit_is_not():
    assert ("agreement", "held", {"Northwind", "Bellamy Group"}) in events_of(
        "Northwind Corp licensed its battery technology to Bellamy Group."
    )
    assert ("agreement", "planned", {"Northwind", "Bellamy Group"}) in events_of(
        "Northwind Corp will license its chips to Bellamy Group."
    )
    assert not events_of("Bellamy Group was licensed by the Norland regulator.")
    assert not events_of("Northwind Corp's licensing revenue rose 5 percent.")
    assert not events_of("The drug is licensed in Norland.")


def test_an_arrival_for_a_visit_is_one_trip_under_way():
    for text in (
        "Anna Berg arrived in France on Monday for a three-day visit.",
        "President Anna Berg arrived in Paris on Monday for a state visit to France.",
    ):
        assert [(t, s) for t, s, _p in events_of(text)] == [("visit", "ongoing")], text
    # two trips of one sentence stay two
    assert [
        (t, s) for t, s, _p in events_of("Anna Berg visited Paris in May and will visit Berlin in June.")
    ] == [
        ("visit", "held"),
        ("visit", "planned"),
    ]
