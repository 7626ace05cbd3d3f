"""Event rules of session 6 (classes the dev misses showed): one test per rule, on sentences written for these
tests (fictional companies, bodies and officials)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_each_coordinate_clause_with_its_own_subject_tells_its_own_agreement():
    text = (
        "Halvor Security won a contract from the Ministry of Transport, and Brisk Aero Holdings signed "
        "an engine deal with Corvane Aviation."
    )
    events = [e for e in events_of(text) if e[0] == "agreement"]
    assert any({"Halvor Security", "Ministry of Transport"} <= p for _t, _s, p in events)
    assert any({"Brisk Aero Holdings", "Corvane Aviation"} <= p for _t, _s, p in events)
    assert not any({"Halvor Security", "Corvane Aviation"} <= p for _t, _s, p in events)


def test_one_contract_told_across_two_clauses_keeps_both_parties():
    text = "Morvan claims that Tessel must buy the unit; Tessel says the contract, signed in 2001, is void."
    assert not has_event(text, "agreement", {"Morvan"}) or has_event(text, "agreement", {"Morvan", "Tessel"})


def test_every_partner_of_a_long_list_gets_its_own_partnership():
    text = (
        "Lumora Inc. launched the programme in Freedonia today. It builds on recent partnerships with "
        "leading companies in Freedonia, including Kestrelhub, Eternis, Pine Works, Cars77, TRLTech, "
        "PayWave, CREDO, "
        "and TripMinder."
    )
    for partner in ("Kestrelhub", "PayWave", "CREDO", "TripMinder"):
        assert has_event(text, "agreement", {"Lumora", partner})


def test_a_name_hung_far_off_a_long_list_by_the_parser_is_still_a_listed_partner():
    # the parser hangs the tail of a long list off its first name as an appositive, ten words away
    import spacy
    from spacy.tokens import Doc

    from kopru.intel.extract.syntax import SyntaxInputs, _Actors, _np_names

    words = ["Aa", ",", "Bb", ",", "Cc", ",", "Dd", ",", "Ee", ",", "Ff", ",", "Gg", ",", "Hh", "."]
    heads = [0, 0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 0, 12, 12, 0]
    deps = ["ROOT", "punct", "conj", "punct", "conj", "punct", "conj", "punct", "conj", "punct"]
    deps += ["conj", "punct", "appos", "punct", "conj", "punct"]
    ents = ["B-ORG" if w.isalpha() else "O" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)
    actors = [(t.idx, t.idx + len(t), t.text) for t in doc if t.is_alpha]
    names = _np_names(doc[0], _Actors(actors), SyntaxInputs(doc, actors))
    assert "Gg" in names


def test_a_long_chain_of_conjoined_partners_is_read_to_its_end():
    text = (
        "Lumora Inc. has partnerships with leading companies in Freedonia, including Kestrelhub, Eternis, "
        "Pine Labs, Cars77, TRLTech, PayWave, CREDO, and TripMinder."
    )
    assert has_event(text, "agreement", {"Lumora", "CREDO"})
    assert has_event(text, "agreement", {"Lumora", "TripMinder"})


def test_the_members_of_one_body_meeting_are_a_meeting_of_that_body():
    text = "The Varnell Bank's shareholders will meet in Oslo on May 3 to vote on the merger."
    assert ("meeting", "planned", {"Varnell Bank"}) in events_of(text)
    text = "ASEAN economic ministers will meet in Vientiane on May 3 to review the tariff schedule."
    assert ("meeting", "planned", {"ASEAN"}) in events_of(text)


def test_a_headline_deal_told_again_in_the_body_is_not_folded_into_another_deal():
    text = (
        "CORVALE FOODS, TENBY MILLS AGREE TO MERGE\n\n"
        "CHICAGO, June 9 - Corvale Foods Inc and Tenby Mills Corp said they agreed to merge in a stock swap "
        "valued at about 450 mln dlrs.\n"
        "Tenby Mills last month won a contract from the U.S. Department of Agriculture to supply flour to "
        "school lunch programs.\n"
    )
    agreements = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert {"Corvale Foods", "Tenby Mills"} in agreements, agreements
    assert not any({"Corvale Foods", "U.S. Department of Agriculture"} <= p for p in agreements), agreements


def test_talks_opening_a_sentence_are_a_meeting_of_the_two_sides():
    text = (
        "CHICAGO, June 9 - Tenby Mills Corp reported higher profits. Talks between Tenby Mills and Harker "
        "Grain Co on a possible joint venture broke off in March, a Tenby spokesman said."
    )
    assert has_event(text, "meeting", {"Tenby Mills", "Harker Grain"})


def test_meetings_with_leaders_including_several_are_one_round_of_talks():
    text = (
        "Premier Wen Hao then went to the summit in Dakar, where he is attending meetings with Asian and "
        "Western leaders, including President Lena Varga, Prime Minister Tomas Kiel and Chancellor Ida Brun."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert any({"Wen Hao", "Lena Varga", "Tomas Kiel", "Ida Brun"} <= p for p in meetings), meetings


def test_meetings_with_named_leaders_are_one_meeting_each():
    text = "During the visit, President Omar Tal held separate meetings with Lena Varga and Tomas Kiel."
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert not any({"Lena Varga", "Tomas Kiel"} <= p for p in meetings), meetings


def test_two_pacts_signed_by_the_two_countries_are_two_agreements():
    text = (
        "President Omar Tal arrived in Dakar on Monday. The two countries signed a memorandum of "
        "understanding on fisheries cooperation. The two nations also signed an MOU on information "
        "technology cooperation."
    )
    assert sum(1 for t, _s, _p in events_of(text) if t == "agreement") == 2, events_of(text)


def test_its_acquisition_of_a_new_target_is_another_deal_not_a_retelling():
    text = (
        "LONDON, May 4 - Tenby Mills Corp said it agreed to sell its flour unit to Harker Grain Co for 120 "
        "mln dlrs.\n\nBrisk Holdings posted lower earnings. Ostrava Steel Corp said it acquired a 20 pct "
        "stake in Velmar Mining, a copper miner.\n\nPallas Industries Inc shares fell. Quorn Plastics Ltd "
        "said it completed its acquisition of Delvo Packaging for 40 mln dlrs.\n"
    )
    assert has_event(text, "investment", {"Quorn Plastics", "Delvo Packaging"}), events_of(text)


def test_the_treaty_signed_by_two_envoys_still_retells_the_agreement_told_before():
    text = (
        "WASHINGTON, June 30 -- Freedonia and Sylvania signed an agreement on Wednesday to protect salmon. "
        "The Treaty was signed by Deputy Secretary of State Omar Tal and Ambassador Lena Varga in Washington."
    )
    assert sum(1 for t, _s, _p in events_of(text) if t == "agreement") == 1, events_of(text)


def test_the_company_opening_stores_through_a_joint_venture_is_a_party_to_it():
    text = (
        "Meanwhile, rival Varnell Stores Plc said it would open 20 stores in Freedonia through a joint "
        "venture with Kanrei Foods Corp."
    )
    # "Plc" is a company form like "Corp": it leaves the canonical name (round wire10)
    assert has_event(text, "agreement", {"Varnell Stores", "Kanrei Foods"}), events_of(text)


def test_the_president_in_lower_case_is_the_last_president_named():
    text = (
        "President Omar Tal has brought drama to the trade talks. "
        "The president announced the deal during a meeting in the Oval Office with Lena Varga, the top trade "
        "negotiator of Sylvania."
    )
    assert has_event(text, "meeting", {"Omar Tal", "Lena Varga"}), events_of(text)


def test_the_board_speaks_for_the_company_that_spoke_last():
    text = (
        "Korvia Holdings has bought a 20% stake in Pellam Corp, the country's biggest portal. "
        "Pellam Corp said that the purchase of a stake by Korvia Holdings would have no impact on its "
        "business.\n\n"
        "The board of directors said in a statement that it would act in the best interests of shareholders."
    )
    assert ("statement", "held", {"Pellam Corp"}) in events_of(text) or has_event(
        text, "statement", {"Pellam"}
    ), events_of(text)
    assert not has_event(text, "statement", {"Korvia Holdings"}), events_of(text)


def test_before_visiting_a_country_the_subject_after_the_comma_visited_it():
    text = "Before visiting Sylvania, Chancellor Omar Tal made a surprise visit to Freedonia this week."
    assert ("visit", "held", {"Omar Tal"}) in events_of(text), events_of(text)
    assert sum(1 for t, _s, _p in events_of(text) if t == "visit") == 2, events_of(text)


def test_a_contract_a_union_negotiated_with_a_company_is_an_agreement_not_a_meeting():
    text = (
        "The deal follows a lucrative four-year contract the Vance Workers Union negotiated with Harlan "
        "Motors Corp."
    )
    events = events_of(text)
    assert has_event(text, "agreement", {"Vance Workers Union", "Harlan Motors"}), events
    assert not has_event(text, "meeting", {"Harlan Motors"}), events


def test_talks_with_another_country_are_other_planned_talks():
    text = (
        "The European Union agreed to open membership talks with Sylvania next year, and premier Omar Tal "
        "accepted that the negotiations did not guarantee his country membership of the European Union. "
        "The European Union has also announced that it will start accession talks with Croatia in April."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert len([p for p in meetings if "European Union" in p]) >= 2, meetings
