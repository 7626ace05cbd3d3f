"""Event rules of round 8 (broad syntax for deals, purchases and listed meetings): one test per rule, with a
negative sentence beside each, on sentences written for these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_a_company_taken_over_is_bought():
    assert has_event(
        "Northwind Corp will take over Bellamy Group next year.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "planned",
    )
    assert has_event(
        "Bellamy Group was taken over by Northwind Corp in 2004.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "held",
    )
    assert has_event("Northwind Corp snapped up Bellamy Group for $2bn.", "investment", {"Bellamy Group"})


def test_taking_over_a_post_or_a_counterfactual_is_no_purchase():
    assert not events_of("The new manager will take over the team next week.")
    assert not events_of("Anna Berg took over the ministry in May.")
    text = (
        "Northwind's share rose to 10%, far less than the 20% it would have gained had it taken over Bellamy."
    )
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_a_bid_for_a_company_is_a_planned_purchase():
    assert has_event(
        "Northwind Corp has made a $2bn hostile bid for Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "planned",
    )
    assert has_event(
        "Northwind Corp's offer for Bellamy Group was valued at $3bn.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "planned",
    )


def test_a_withdrawn_or_unowned_bid_or_an_offer_for_a_thing_is_none():
    assert not events_of("Northwind Corp withdrew its offer for Bellamy Group on Monday.")
    assert not events_of("The firm made an offer for the painting.")
    assert not any(
        t == "investment" for t, _s, _p in events_of("Banks lent $2bn to fund a bid for Bellamy Group.")
    )


def test_money_paid_for_injected_into_or_raised_from_a_company():
    assert has_event(
        "Northwind Corp has agreed to pay $2bn for Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
    )
    assert has_event(
        "Northwind Corp injected $50m into Bellamy Group.", "investment", {"Northwind", "Bellamy Group"}
    )
    assert has_event(
        "Bellamy Group raised $50m from Northwind Corp.", "investment", {"Northwind", "Bellamy Group"}
    )


def test_money_paid_for_goods_or_raised_from_unnamed_investors_is_no_investment():
    assert not events_of("Bellamy Group paid $5m for the building.")
    assert not events_of("Bellamy Group raised $50m from investors.")
    assert not events_of("Bellamy Group raised prices from Monday.")


def test_the_purchase_of_a_stake_names_the_company():
    assert has_event(
        "Northwind Corp completed the purchase of a 40% stake in Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
    )


def test_a_contract_won_is_the_winners_agreement():
    assert has_event(
        "Northwind Corp won a contract to build a bridge near the capital.",
        "agreement",
        {"Northwind"},
        "held",
    )
    # a consortium led by X stands for X
    assert has_event(
        "A consortium led by Northwind Corp won the contract to build a new airport.",
        "agreement",
        {"Northwind"},
    )


def test_a_contract_not_won_is_none():
    assert not events_of("Northwind Corp did not win the contract.")


def test_meetings_listed_after_including_colon_are_one_per_item():
    text = (
        "During his stay, President Anna Berg held meetings with several leaders, including: Prime Minister "
        "John Carter; Foreign Minister Lisa Wong; and Speaker Paul Grant."
    )
    for other in ("John Carter", "Lisa Wong", "Paul Grant"):
        assert has_event(text, "meeting", {"Anna Berg", other}, "held")
    assert not has_event(text, "meeting", {"John Carter", "Lisa Wong"})


def test_meetings_with_leaders_including_a_comma_list_stay_one_round():
    text = (
        "President Anna Berg held meetings with Asian and Western leaders, including John Carter, Lisa Wong "
        "and Paul Grant, at the summit."
    )
    assert not has_event(text, "meeting", {"Anna Berg", "Lisa Wong"}) or has_event(
        text, "meeting", {"John Carter", "Lisa Wong"}
    )


def test_a_takeover_battle_for_a_company_is_a_planned_purchase():
    text = "Northwind Corp has won a takeover battle for US phone firm Bellamy Group with a bid worth $6bn."
    assert has_event(text, "investment", {"Northwind", "Bellamy Group"}, "planned")
    assert not events_of("Northwind Corp won the battle for market share.")


def test_money_to_be_spent_on_buying_out_shareholders_is_a_planned_purchase():
    text = "Northwind Corp is to spend 578m euros on buying out minority shareholders in Bellamy Group."
    assert has_event(text, "investment", {"Northwind", "Bellamy Group"}, "planned")
    assert not events_of("Northwind Corp talked on Monday about buying out shareholders in Bellamy Group.")


def test_agreements_a_company_has_with_listed_partners_are_one_per_partner():
    text = (
        "The deal expands on similar agreements that Bellamy Group has with Northwind Corp, Kestrel Bank and "
        "Marlowe Trust."
    )
    for partner in ("Northwind", "Kestrel Bank", "Marlowe Trust"):
        assert has_event(text, "agreement", {"Bellamy Group", partner})
    assert not has_event(text, "agreement", {"Kestrel Bank", "Marlowe Trust"})


def test_investments_announced_with_an_amount_are_the_announcers_plan():
    text = "Last year, Kestrel Bank announced cloud investments worth $1.7 billion in Indonesia."
    assert has_event(text, "investment", {"Kestrel Bank"}, "planned")
    assert not any(
        t == "investment" for t, _s, _p in events_of("Kestrel Bank welcomed investments from abroad.")
    )
    assert not events_of("Kestrel Bank made the largest investment in its history.")


def test_sitting_down_with_a_named_counterpart_is_a_meeting():
    assert has_event(
        "Minister Anna Berg will sit down with Premier John Carter on Friday.",
        "meeting",
        {"Anna Berg", "John Carter"},
        "planned",
    )
    assert not events_of("Minister Anna Berg sat down with reporters after the vote.")
    assert not events_of("Minister Anna Berg sat down with Kestrel News for an interview.")


def test_an_agreed_takeover_or_a_bid_to_buy_is_still_planned():
    assert has_event(
        "Bellamy Group said it had agreed a $1.8bn takeover by Northwind Corp.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "planned",
    )
    assert has_event(
        "Northwind Corp has bid $800m to buy Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "planned",
    )
    assert has_event(
        "Northwind Corp completed the takeover of Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
        "held",
    )


def test_talks_with_a_country_are_the_named_sides_meeting():
    assert has_event(
        "The European Union held talks with Turkey on Monday.", "meeting", {"European Union"}, "held"
    )
    assert has_event("Minister Anna Berg met with Indonesian officials on Monday.", "meeting", {"Anna Berg"})


def test_talks_with_unnamed_people_make_no_meeting():
    assert not events_of("Minister Anna Berg met with several people on Monday.")


def test_deals_in_a_passive_clause_name_its_agent_as_a_party():
    text = (
        "The accord followed the pattern set by the Kestrel Union in deals with Northwind Corp and "
        "Bellamy Group."
    )
    assert has_event(text, "agreement", {"Kestrel Union", "Bellamy Group"})
    assert has_event(text, "agreement", {"Kestrel Union", "Northwind"})
    assert not has_event(text, "agreement", {"Northwind", "Bellamy Group"})
