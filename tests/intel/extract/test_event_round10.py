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


def test_a_company_s_plant_visited_names_the_company_not_a_site():
    for text in (
        "Anna Berg toured the Northwind Corp factory in Dayton.",
        "Anna Berg visited the Bellamy Group plant in Dayton.",
    ):
        visits = [p for t, _s, p in events_of(text) if t == "visit"]
        assert len(visits) == 1 and "Anna Berg" in visits[0] and len(visits[0]) == 2, text
    # a site named by its town stays a site
    assert not events_of("Workers at the Cowley factory went on strike.")


def test_a_courtesy_call_a_groundbreaking_and_a_host_to_be_are_events():
    assert ("meeting", "held", {"Anna Berg", "Karl Bremer"}) in events_of(
        "Anna Berg paid a courtesy call on Karl Bremer in Dayton on Monday."
    )
    assert ("meeting", "planned", {"Anna Berg", "Karl Bremer"}) in events_of(
        "Anna Berg will host Karl Bremer for talks in Dayton next week."
    )
    assert ("investment", "ongoing", {"Northwind"}) in events_of(
        "Northwind Corp broke ground on its $2 billion plant in Dayton."
    )
    assert ("investment", "planned", {"Northwind"}) in events_of(
        "Northwind Corp will break ground on a battery factory in Dayton next year."
    )
    # a call on people in general, an event hosted, a theory broken ground on: none
    assert not events_of("The minister paid a call on the families.")
    assert not events_of("Norland will host the World Cup in 2030.")
    assert not events_of("Researchers broke ground on a new theory.")


def test_an_investment_only_weighed_or_possible_is_none():
    for text in (
        "Northwind Corp is considering investing in Turkey.",
        "Northwind Corp is exploring buying a stake in Bellamy Group.",
        "Northwind Corp could invest up to $1 billion in Turkey, Anna Berg said.",
        "Northwind Corp may open a factory in Izmir.",
        "Meanwhile, Northwind Air is considering to buy 50 new aircraft from either Boeing or Airbus.",
    ):
        assert not events_of(text), text
    assert ("investment", "planned", {"Northwind"}) in events_of(
        "Northwind Corp will invest $1 billion in Turkey."
    )
    assert ("investment", "planned", {"Northwind"}) in events_of(
        "Northwind Corp plans to build a factory in Izmir."
    )


def test_a_title_case_headline_s_deal_verbs_are_read_as_verbs():
    from kopru.intel.extract.casing import truecase

    body = "\n\nNorthwind Corp said on Monday it would work with Bellamy Group to recycle batteries."
    headline = "Northwind Corp Partners With Bellamy Group On Battery Recycling"
    assert truecase(headline + body).startswith("Northwind Corp partners with Bellamy Group")
    assert ("agreement", "held", {"Northwind", "Bellamy Group"}) in events_of(headline + body)
    assert truecase("Northwind Corp Teams Up With Bellamy Group On Battery Cells" + body).startswith(
        "Northwind Corp teams up with"
    )
    assert truecase("Northwind Corp Acquires Bellamy Group In Three Billion Dollar Deal" + body).startswith(
        "Northwind Corp acquires Bellamy Group"
    )
    # a name ending in the same word keeps it
    text = "Bain Capital Partners Opens New Office In Dayton And Oslo" + body
    assert truecase(text).startswith("Bain Capital Partners opens")


def test_a_headline_s_teams_up_read_as_a_noun_keeps_its_subject():
    for text in (
        "Northwind Corp teams up with Volta Systems on battery recycling.",
        "Kestrel Robotics teams up with Bellamy Group on battery recycling.",
    ):
        agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
        assert len(agreements) == 1 and len(agreements[0]) == 2, text
