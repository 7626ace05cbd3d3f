"""Event rules of session 3, round 3 (parties and status): one test per rule, on sentences written for
these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.coref import Person
from kopru.intel.extract.pipeline import _add_full_name_mentions
from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


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
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    # (the company's name is read as "Veltrix"; which form does not matter here)
    assert any("Lumora Bank" in p and "Dornfeld Energy" not in p and len(p) == 2 for p in agreements)
    assert any("Dornfeld Energy" in p and "Lumora Bank" not in p and len(p) == 2 for p in agreements)


def test_a_headline_and_its_body_still_tell_one_agreement():
    text = (
        "Veltrix Labs and Lumora Bank sign supply deal\n\n"
        "Veltrix Labs signed a supply agreement with Lumora Bank on Monday, said Veltrix chief executive "
        "Anna Kovacs."
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert len(agreements) == 1 and {"Veltrix Labs", "Lumora Bank"} <= agreements[0]


def test_goods_bought_from_their_maker_are_an_order_not_an_investment():
    text = "Meanwhile, Kingfisher Airlines is to buy 10 A320 aircraft from Airbus."
    assert ("agreement", "planned", {"Kingfisher Airlines", "Airbus"}) in events_of(text)
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_goods_a_buyer_only_considers_are_no_order():
    text = "Meanwhile, Air India is considering to buy 50 new aircraft from either Boeing or Airbus."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))


def test_orders_received_from_a_customer_are_an_agreement_and_no_meeting():
    text = "BYD has reportedly received 10 GWh of orders from Tesla for LFP batteries."
    assert events_of(text) == [("agreement", "held", {"BYD", "Tesla"})]


def test_an_order_secured_from_a_supplier_names_both():
    text = (
        "According to Chinese media, Tesla has secured an initial order of 10 GWh worth of LFP battery cells "
        "from BYD, to power the Model 3."
    )
    assert has_event(text, "agreement", {"Tesla", "BYD"}, "held")


def test_agreeing_to_cooperate_with_someone_is_an_agreement_made():
    text = (
        "The Israeli Energy Ministry has agreed to cooperate with the Environmental Protection Bureau of "
        "Ningxia to develop solar energy."
    )
    assert has_event(
        text, "agreement", {"Israeli Energy Ministry", "Environmental Protection Bureau of Ningxia"}, "held"
    )


def test_a_plain_future_supply_is_a_contract_already_made():
    text = "Boeing is to supply Japan Airlines with up to 50 of its 7E7 planes in a deal worth $6bn."
    assert has_event(text, "agreement", {"Boeing", "Japan Airlines"}, "held")


def test_a_supply_that_may_happen_stays_planned():
    text = "Boeing may supply Japan Airlines with up to 50 of its 7E7 planes."
    assert not has_event(text, "agreement", {"Boeing", "Japan Airlines"}, "held")


def test_negotiations_that_have_been_going_on_are_ongoing():
    text = "Bertelsmann's Doubleday Direct has been negotiating with Time Inc. for more than six weeks."
    assert has_event(text, "meeting", {"Doubleday Direct"}, "ongoing")


def test_who_arrived_for_a_visit_is_the_visitor_and_the_visit_is_under_way():
    text = (
        "Li hosted a banquet for Jasray and his party who arrived in Beijing at noon today for a four-day "
        "official visit as Li's guests."
    )
    assert has_event(text, "visit", {"Jasray"}, "ongoing")


def test_an_arrival_still_to_come_is_a_planned_visit():
    text = "Prime Minister Halvorsen will arrive in Oslo on Monday for a two-day visit."
    assert not has_event(text, "visit", {"Halvorsen"}, "ongoing")


def test_partnerships_with_a_list_of_partners_are_one_agreement_each():
    text = (
        "Vexor Systems builds on recent partnerships with leading companies in India, including JioHotstar, "
        "Pine Labs and Cars24."
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert {"Vexor Systems", "JioHotstar"} in agreements and {"Vexor Systems", "Pine Labs"} in agreements
    assert all(len(p) == 2 for p in agreements)


def test_one_partnership_with_two_partners_stays_one_agreement():
    text = "Vexor Systems announced a partnership with JioHotstar and Pine Labs on Monday."
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert agreements == [{"Vexor Systems", "JioHotstar", "Pine Labs"}]


def _countries(text: str) -> dict[str, str | None]:
    return {p["name"]: p["country"] for p in extract_text(text)["people"]}


def test_a_country_abbreviation_before_a_title_gives_the_holder_that_country():
    assert _countries("US President Donald Trump said the deal was close.")["Donald Trump"] == "US"
    assert _countries("UK Foreign Secretary Jack Straw defended the plans.")["Jack Straw"] == "GB"


def test_a_two_word_demonym_before_a_title_gives_the_holder_that_country():
    text = "Sri Lankan President Anura Kumara Disanayake met Chinese President Xi Jinping in Beijing."
    assert _countries(text)["Anura Kumara Disanayake"] == "LK"


def test_a_title_with_its_own_body_does_not_take_the_previous_holders_country():
    text = (
        "US President Joe Biden, European Commission President Ursula von der Leyen and Indian Prime "
        "Minister Narendra Modi attend the event."
    )
    countries = _countries(text)
    assert countries["Ursula von der Leyen"] is None
    assert countries["Joe Biden"] == "US" and countries["Narendra Modi"] == "IN"


def test_a_plant_built_by_an_organisation_of_any_business_kind_is_its_investment():
    # the builder is the actor even when its kind was not read as "company"
    text = "LG Chem plans to build a new factory in Europe."
    assert has_event(text, "investment", {"LG Chem"}, "planned")


def test_discussions_held_with_someone_are_a_meeting():
    text = (
        "Srettha Thavisin flew to Beijing on Monday. Srettha held discussions with the insurance giant's "
        "executive director Xie Yonglin on green investment policies."
    )
    assert has_event(text, "meeting", {"Srettha Thavisin", "Xie Yonglin"}, "held")


def test_the_premier_is_the_prime_minister_named_before():
    text = (
        "Prime Minister Srettha Thavisin arrived in Beijing. The premier met CITIC Group's chairman, "
        "Zhu Hexin, to encourage investment."
    )
    assert has_event(text, "meeting", {"Srettha Thavisin", "Zhu Hexin"}, "held")


def test_working_in_partnership_with_someone_is_no_new_agreement():
    text = "The reactor design is being advanced in partnership with New Brunswick Power at its Lepreau site."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))


def test_deepening_a_standing_partnership_is_no_new_agreement():
    text = "President Halvorsen and Chancellor Brenner committed to deepen the Nordic Defense Partnership."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))


def test_a_stake_sold_to_no_named_buyer_is_no_investment():
    text = "To help finance the expansion, Air Deccan may sell a 25% stake to an investor for about $50m."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_equipment_acquired_is_no_company_acquisition():
    text = "The MOU also covers Yonsei University's acquisition of a D-Wave quantum system in Songdo."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_a_web_address_to_visit_is_no_visit():
    assert not events_of("For more information, please visit https://www.GreenEnergyStocks.com")
    assert not events_of("Investors can visit www.example.com/ir for details.")


def test_a_headline_purchase_does_not_fold_into_another_buyers_purchase():
    from kopru.intel.extract.events import _Event, _merge_headline

    text = "Fosters buys stake in Southcorp\n\nRobert Mondavi bought BRL Hardy in 2003.\n"
    body_start = text.index("Robert")
    headline = _Event("investment", "held", ["Fosters", "Southcorp"], None, (0, 31), [])
    other = _Event("investment", "held", ["Robert Mondavi", "BRL Hardy"], None, (body_start, len(text)), [])
    kept = _merge_headline([headline, other], text)
    assert [e.participants for e in kept] == [["Fosters", "Southcorp"], ["Robert Mondavi", "BRL Hardy"]]
    same = _Event("investment", "held", ["Fosters"], None, (body_start, len(text)), [])
    kept = _merge_headline([headline, same], text)
    assert [e.participants for e in kept] == [["Fosters", "Southcorp"]]  # one purchase, told twice


def test_everyone_named_in_the_subject_of_attended_attends():
    text = (
        "Bangladeshi Prime Minister Sheikh Hasina and Chinese Ambassador to Bangladesh Yao Wen attended the "
        "inauguration ceremony."
    )
    assert events_of(text) == [("meeting", "held", {"Sheikh Hasina", "Yao Wen"})]


def test_a_person_who_is_in_a_country_is_on_a_visit_there():
    text = (
        "Prime Minister Srettha Thavisin, who is in China to attend the 3rd Belt and Road Forum, has also "
        "spent the last couple of days wooing investors."
    )
    assert has_event(text, "visit", {"Srettha Thavisin"}, "ongoing")


def test_a_company_that_is_in_a_country_is_on_no_visit():
    assert not any(t == "visit" for t, _s, _p in events_of("Siemens, who is in Germany, said sales rose."))


def test_who_reports_that_talks_resumed_takes_no_part():
    text = "Indeed, analyst Ken Doctor asserts that talks have resumed between McClatchy and Tribune."
    assert not any("Ken Doctor" in p for _t, _s, p in events_of(text))
