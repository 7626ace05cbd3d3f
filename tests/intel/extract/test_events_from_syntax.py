"""Events from the dependency parse: parties from subjects, objects, with/between phrases, possessors,
passive agents and coordination; status from tense and modality. Texts written for these tests."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_an_agreement_with_another_company_lists_both_parties():
    text = "Volta Motors signed a supply agreement with Kestrel Batteries on Monday."
    assert has_event(text, "agreement", {"Volta Motors", "Kestrel Batteries"}, "held")


def test_a_deal_between_two_companies_lists_both():
    text = "A deal between Orinoco Steel and Baltic Shipping Group was announced in Riga on Friday."
    assert has_event(text, "agreement", {"Orinoco Steel", "Baltic Shipping Group"})


def test_a_passive_signing_takes_its_agents():
    text = "The memorandum was signed by Volta Motors and Kestrel Batteries in Izmir on Tuesday."
    assert has_event(text, "agreement", {"Volta Motors", "Kestrel Batteries"}, "held")


def test_talks_in_progress_are_an_ongoing_meeting():
    text = "Volta Motors is in talks with Kestrel Batteries about a second plant, the company said."
    assert has_event(text, "meeting", {"Volta Motors", "Kestrel Batteries"}, "ongoing")


def test_a_planned_stake_purchase_is_a_planned_investment():
    text = "Orinoco Steel plans to buy a 30 percent stake in Baltic Shipping Group from Nordvik Capital."
    assert has_event(text, "investment", {"Orinoco Steel", "Baltic Shipping Group"}, "planned")


def test_an_acquisition_in_the_past_is_held():
    text = "Kestrel Batteries acquired Ferrovia Components last year for an undisclosed sum."
    assert has_event(text, "investment", {"Kestrel Batteries", "Ferrovia Components"}, "held")


def test_a_negated_or_background_signing_is_no_event():
    assert events_of("Volta Motors did not sign an agreement with Kestrel Batteries.") == []
    assert (
        events_of("Since Volta Motors signed its agreement with Kestrel Batteries, sales have grown.") == []
    )


def test_a_purchase_order_between_two_companies_is_an_agreement():
    text = "Anatolian Air has ordered 30 Skyward A320 planes from Skyward Aircraft in a $1.8bn deal."
    assert has_event(text, "agreement", {"Anatolian Air", "Skyward Aircraft"})


def test_a_holding_an_appeal_or_a_should_is_no_investment():
    assert not has_event(
        "Conservatives say Volta Motors' stake in Kestrel Batteries should be cut.", "investment", set()
    )
    assert not has_event("Minister Ana Ruiz urged Volta Motors to invest in Portugal.", "investment", set())
    assert not has_event("The union said Volta Motors should invest in plants at home.", "investment", set())
