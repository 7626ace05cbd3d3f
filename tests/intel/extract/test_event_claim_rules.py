"""Event rules added for real articles (session 3): one test per rule class, on sentences written for
these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_a_newsletter_sign_up_box_is_no_agreement():
    text = (
        "Volta Motors opened a showroom in Izmir on Monday.\n"
        "Sign up\n"
        "By signing up, I accept Harbor Media Group's\n"
        "Terms and Conditions\n"
    )
    assert not any(t == "agreement" for t, _s, _p in events_of(text))


def test_concluding_a_dialogue_is_a_meeting_not_an_agreement():
    text = "Trade Commissioner Anna Berglund concluded the annual trade dialogue with Vice Premier Li Wenhao."
    events = events_of(text)
    assert not any(t == "agreement" for t, _s, _p in events)
    assert has_event(text, "meeting", {"Anna Berglund", "Li Wenhao"}, "held")


def test_two_named_leaders_attending_a_summit_meet():
    text = "President Maria Lindqvist and Premier Tomas Okafor attend the opening session of the summit."
    assert has_event(text, "meeting", {"Maria Lindqvist", "Tomas Okafor"}, "held")


def test_a_purchase_told_in_headline_and_body_is_one_event_with_both_parties():
    text = (
        "Orinoco Steel buys stake in shipper\n\n"
        "Orinoco Steel has bought a large stake in Baltic Shipping Group, the firm said on Monday."
    )
    investments = [p for t, _s, p in events_of(text) if t == "investment"]
    assert len(investments) == 1
    assert {"Orinoco Steel", "Baltic Shipping Group"} <= investments[0]


def test_his_in_a_fronted_phrase_points_to_the_subject_after_the_comma():
    text = (
        "Premier Li Wenhao hosted a banquet on Monday.\n\n"
        "On the third day of his state visit to China, President Tomas Okafor toured a rail depot."
    )
    visits = [(s, p) for t, s, p in events_of(text) if t == "visit"]
    assert visits and all("Li Wenhao" not in p for _s, p in visits)
    assert ("ongoing", {"Tomas Okafor"}) in visits


def test_countries_signing_name_no_participant():
    text = (
        "Premier Li Wenhao met President Tomas Okafor in Lagos on Monday.\n\n"
        "The two countries signed a memorandum of understanding on fisheries cooperation."
    )
    assert ("agreement", "held", set()) in events_of(text)


def test_the_modified_company_noun_points_back_to_the_last_company():
    text = (
        "Kestrel Batteries reported record sales in March.\n\n"
        "The Polish bus manufacturer signed a supply agreement with Volta Motors on Monday."
    )
    assert has_event(text, "agreement", {"Kestrel Batteries", "Volta Motors"}, "held")


def test_an_investment_noun_with_only_its_target_is_no_event():
    text = (
        "In 2002 Orinoco Steel and Baltic Shipping Group agreed to form a partnership, one that would "
        "include a joint venture and a UK investment in the company."
    )
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_is_to_buy_is_planned():
    text = "Orinoco Steel is to buy 37.5% of Baltic Shipping Group in a deal worth $100m."
    assert has_event(text, "investment", {"Orinoco Steel", "Baltic Shipping Group"}, "planned")


def test_agreeing_to_form_a_partnership_is_a_held_agreement():
    text = "In 2002 Orinoco Steel and Baltic Shipping Group agreed to form a strategic partnership."
    assert has_event(text, "agreement", {"Orinoco Steel", "Baltic Shipping Group"}, "held")


def _sectors(text: str) -> set[str]:
    return {s["code"] for s in extract_text(text)["sectors"]}


_FILLER = "Orinoco Steel reported higher quarterly sales in Riga on Monday, the company said. " * 6


def test_a_sector_named_once_in_passing_is_no_topic():
    text = _FILLER + "Sanctions were imposed after the nuclear tests of 1998.\n"
    assert "nuclear" not in _sectors(text)


def test_a_sector_named_once_as_a_field_of_cooperation_is_a_topic():
    text = _FILLER + "The two sides can cooperate in vaccines and medical devices, the minister said.\n"
    assert {"vaccines", "medical_devices"} <= _sectors(text)


def test_a_sector_named_once_in_the_lead_is_a_topic():
    text = "Kestrel opens solar panel plant\n\n" + _FILLER
    assert "solar" in _sectors(text)


def _claims(text: str) -> set[tuple[str, float]]:
    return {(c["metric"], c["value"]) for c in extract_text(text)["claims"]}


def test_a_share_price_move_is_no_claim_but_a_stake_is():
    text = (
        "Orinoco Steel bought a 25% stake in Baltic Shipping Group on Monday. "
        "Orinoco shares closed in Riga up 3.5% after the announcement."
    )
    assert _claims(text) == {("share", 25)}


def test_company_results_year_on_year_are_no_claim():
    text = "Kestrel Batteries said its revenues were up 12% year-on-year in the third quarter."
    assert _claims(text) == set()


def test_a_comparison_in_percent_is_no_share():
    text = "Volta Air offered tickets that were 40% cheaper than those of other airlines."
    assert _claims(text) == set()


def test_headlines_in_a_related_stories_list_give_no_claim_and_no_event():
    text = (
        "Volta Motors opened a plant in Izmir on Monday, the company said.\n"
        "More on this Topic\n"
        "Kestrel Batteries to invest $800 million in Gebze plant\n"
        "Orinoco Steel signs deal with Baltic Shipping Group\n"
    )
    result = extract_text(text)
    assert result["claims"] == []
    assert not any(e["type"] == "agreement" for e in result["events"])


def test_initials_and_list_numbers_end_no_sentence():
    from kopru.intel.extract.sentences import split_sentences

    text = "1. MoU on energy - Exchanged by Prof. K.T.M. Perera and H.E.Mr. Arun Rao. It was signed today."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "1. MoU on energy - Exchanged by Prof. K.T.M. Perera and H.E.Mr. Arun Rao.",
        "It was signed today.",
    ]


def test_each_item_of_a_list_of_memoranda_is_its_own_agreement():
    text = (
        "The following memoranda were exchanged in Colombo on Monday:\n"
        "1. MoU on energy between Volta Motors and Kestrel Batteries, exchanged by Arun Rao and "
        "Nimal Perera.\n"
        "2. MoU on digital services between Volta Motors and Kestrel Batteries, exchanged by Arun Rao and "
        "Kamal Silva.\n"
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert len(agreements) == 2
    assert {"Arun Rao", "Nimal Perera"} <= agreements[0]
    assert {"Arun Rao", "Kamal Silva"} <= agreements[1]


def test_witnesses_of_a_signing_are_no_parties():
    text = (
        "Volta Motors signed an agreement with Kestrel Batteries in Ankara, in the presence of "
        "President Tomas Okafor."
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert agreements and all("Tomas Okafor" not in p for p in agreements)
    assert {"Volta Motors", "Kestrel Batteries"} <= agreements[0]


def test_meeting_a_demand_is_no_meeting():
    text = "The new products are expected to meet the demand in Indonesia and neighbouring countries."
    assert not any(t == "meeting" for t, _s, _p in events_of(text))


def test_a_leader_attending_a_named_forum_takes_part_but_exhibiting_firms_do_not():
    text = "Prime Minister Tomas Okafor, who is in China to attend the Silk Road Forum, met investors."
    assert has_event(text, "meeting", {"Tomas Okafor"})
    text = "Volta Motors and Kestrel Batteries are some of the firms attending the show."
    assert not any(t == "meeting" for t, _s, _p in events_of(text))


def test_his_visit_in_a_who_clause_is_the_visit_of_the_person_the_clause_is_about():
    text = (
        "Foreign Minister Li Wenhao spoke during his talks with Minister Tomas Okafor, who is on his first "
        "visit abroad since he took office."
    )
    visits = [(s, p) for t, s, p in events_of(text) if t == "visit"]
    assert visits == [("ongoing", {"Tomas Okafor"})]


def test_a_visit_retold_with_a_possessive_is_the_same_visit():
    text = (
        "Minister Li Wenhao, who is currently on an official visit to Sri Lanka, met President "
        "Tomas Okafor.\n\n"
        "One of the key objectives of Minister Li Wenhao's visit is to follow up on earlier agreements."
    )
    visits = [(s, p) for t, s, p in events_of(text) if t == "visit"]
    assert visits == [("ongoing", {"Li Wenhao"})]


def test_buying_up_a_stake_is_a_purchase_and_holding_a_new_stake_names_its_holder():
    text = "Orinoco Steel is buying up a 26% stake in Baltic Shipping Group in a deal worth 25m euros."
    assert has_event(text, "investment", {"Orinoco Steel", "Baltic Shipping Group"})
    text = "Kestrel Batteries will take a 25% stake in the joint venture, the company said."
    assert has_event(text, "investment", {"Kestrel Batteries"}, "planned")


def test_the_meeting_retold_with_its_people_adds_them_and_their_companies():
    text = (
        "Volta Motors in crunch talks with Orinoco Steel\n\n"
        "The meeting between Volta Motors boss Arun Rao and Orinoco Steel's Nimal Perera is due to take "
        "place in Zurich."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert len(meetings) == 1
    assert {"Volta Motors", "Orinoco Steel", "Arun Rao", "Nimal Perera"} <= meetings[0]


def test_opening_a_week_long_visit_is_an_ongoing_visit():
    text = "Chancellor Tomas Okafor has visited a school in Nairobi as he opened a week-long visit to Africa."
    assert has_event(text, "visit", {"Tomas Okafor"}, "ongoing")


def test_a_sign_off_and_a_refusal_tell_no_event():
    text = "President Tomas Okafor has said the corridor cannot exist without his sign-off."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))
    text = "Executives at Volta Motors and Kestrel Batteries refused to discuss the negotiations."
    assert not any(t == "meeting" for t, _s, _p in events_of(text))


def test_a_signing_told_without_parties_takes_them_from_its_retelling():
    text = (
        "The two countries signed an agreement on Wednesday to protect salmon stocks.\n\n"
        "The treaty was signed by Deputy Secretary Arun Rao and Ambassador Nimal Perera at the State "
        "Department."
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert agreements == [{"Arun Rao", "Nimal Perera"}]


def test_a_purchase_needs_a_named_buyer():
    text = "Retail investors may be able to buy Volta Motors shares in Hong Kong."
    assert not any(t == "investment" for t, _s, _p in events_of(text))
    text = "Baltic Shipping Group was acquired by Orinoco Steel last year."
    assert has_event(text, "investment", {"Orinoco Steel", "Baltic Shipping Group"}, "held")


def test_an_obligation_to_buy_is_no_purchase():
    text = "Volta Motors claims that Orinoco Steel is legally obliged to buy the 90% of the unit it lacks."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_a_second_verb_with_its_own_unnamed_subject_does_not_borrow_the_first_subject():
    text = (
        "In December, President Li Wenhao offered loans to upgrade the railways and the countries signed "
        "two memoranda of understanding to boost railway cooperation."
    )
    assert ("agreement", "held", set()) in events_of(text)
    assert not has_event(text, "agreement", {"Li Wenhao"})


def test_attending_the_meeting_told_before_joins_it():
    text = (
        "Ambassador Li Wenhao Meets Minister Tomas Okafor\n\n"
        "On Monday, Ambassador Li Wenhao met with Minister Tomas Okafor in Ankara.\n\n"
        "Counsellor Arun Rao attended the meeting."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert meetings == [{"Li Wenhao", "Tomas Okafor", "Arun Rao"}]


def test_a_forum_planned_without_parties_keeps_none():
    text = (
        "Ambassador Li Wenhao addressed a seminar organised by the Orinoco Chamber of Commerce.\n\n"
        "He invited companies to the Silk Road Business Forum, which will be held in Istanbul in September."
    )
    assert ("meeting", "planned", set()) in events_of(text)


def test_the_named_treaty_signed_by_two_people_retells_the_signing():
    text = (
        "The United States and Canada signed an agreement on Wednesday to protect salmon stocks.\n\n"
        "The Pacific Salmon Treaty was signed by U.S. Deputy Secretary of State Arun Rao and Canadian "
        "Ambassador Nimal Perera at the State Department."
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert len(agreements) == 1
    assert {"Arun Rao", "Nimal Perera"} <= agreements[0]
