"""Event rules of session 5 (classes of wire and newsroom language the dev misses showed): one test per rule,
on sentences written for these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_path
from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_teaming_up_with_a_company_is_an_agreement_made():
    text = "The delivery service Vantor.com is teaming up with Brewlo Coffee Co. to offer drop boxes."
    assert ("agreement", "held", {"Vantor.com", "Brewlo Coffee"}) in events_of(text)


def test_two_makers_joining_forces_make_one_agreement_with_both():
    # the parser hangs the second maker off the appositive first one ("makers X and Y")
    text = "Electronics makers Hoshida Corp and Kanrei Electric are joining forces to develop screens."
    assert has_event(text, "agreement", {"Hoshida", "Kanrei Electric"}, "held")


def test_linking_up_later_is_a_planned_agreement():
    text = "Brandt Logistics said it would link up with the Delvo Group next year."
    assert has_event(text, "agreement", {"Brandt Logistics", "Delvo Group"}, "planned")


def test_the_pronoun_subject_of_what_someone_says_is_the_speaker():
    # the last company named before "it" is another bank; "X said it was buying" makes X the buyer
    text = (
        "Ostara Bank will have to wait for the next sale. "
        "The Korvia Investment Authority said it was buying 100% of Calder Bank."
    )
    assert has_event(text, "investment", {"Korvia Investment Authority", "Calder Bank"})
    assert not has_event(text, "investment", {"Ostara Bank"})


def test_a_business_sold_to_a_buyer_is_the_buyer_s_investment_with_the_seller():
    text = "Cars are made by the former Rover unit that Bayern Motoren sold to Fordham Motor."
    assert has_event(text, "investment", {"Fordham Motor", "Bayern Motoren"}, "held")
    text = "Velkor Group sold its stake in Dunmore Networks to Halden Capital last year."
    assert has_event(text, "investment", {"Halden Capital", "Dunmore Networks", "Velkor Group"}, "held")


def test_a_number_of_planes_sold_to_an_airline_is_an_order():
    text = "Aerion Industries is to sell 10 of its forthcoming A950 to Spanish carrier Air Levante."
    assert has_event(text, "agreement", {"Aerion Industries", "Air Levante"}, "planned")
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_an_organisation_s_statement_said_is_its_statement():
    text = "Halvor Cement plans to buy Dunmore Cement, a Halvor Cement statement said."
    assert ("statement", "held", {"Halvor Cement"}) in events_of(text)
    text = "Halvor Cement plans to buy Dunmore Cement. The statement said the deal needs approval."
    assert not any(t == "statement" for t, _s, _p in events_of(text))


def test_two_planned_meetings_with_different_counterparts_stay_two():
    text = (
        "Prime Minister Alda Korsgaard is scheduled to meet President Tomas Brenner on Thursday. "
        "Korsgaard is also set to meet representatives of Veltrix Corp and Lumora Bank on Friday."
    )
    meetings = [p for t, s, p in events_of(text) if t == "meeting" and s == "planned"]
    assert any("Tomas Brenner" in p and "Lumora Bank" not in p for p in meetings)
    assert any("Lumora Bank" in p and "Tomas Brenner" not in p for p in meetings)


def test_they_who_witnessed_a_signing_are_the_last_group_not_a_lone_visitor():
    text = (
        "Premier Tomas Brenner met Prime Minister Alda Korsgaard in Velmora on Wednesday. "
        "Brenner is on the second day of a three-day visit to Velmora. "
        "They witnessed the signing of several bilateral deals."
    )
    assert has_event(text, "agreement", {"Tomas Brenner", "Alda Korsgaard"})


def test_the_two_sides_with_no_group_told_before_are_the_last_two_people_named():
    text = (
        "Tomas Brenner said his current visit is aimed at stronger ties, Alda Korsgaard said. "
        "After the talks, the two sides signed three documents."
    )
    assert has_event(text, "agreement", {"Tomas Brenner", "Alda Korsgaard"}, "held")


def test_discussing_something_with_someone_is_a_meeting():
    text = (
        "President Tomas Brenner also discussed the train extension with Alda Korsgaard when the latter "
        "visited Velmora last week."
    )
    assert has_event(text, "meeting", {"Tomas Brenner", "Alda Korsgaard"}, "held")


def test_the_purpose_of_a_meeting_is_no_second_meeting():
    text = "Tomas Brenner met Alda Korsgaard on Monday to discuss trade with Velmora."
    assert len([t for t, _s, _p in events_of(text) if t == "meeting"]) == 1


def test_awarding_work_to_named_companies_is_an_agreement_with_every_recipient():
    text = (
        "In July, the Velmora Space Agency awarded the first three contracts under the program, awarding "
        "lander missions to companies Astrobotic Labs, Intuitive Rockets and Orbit Yonder."
    )
    recipients = {"Astrobotic Labs", "Intuitive Rockets", "Orbit Yonder"}
    assert has_event(text, "agreement", {"Velmora Space Agency", *recipients}, "held")


def test_a_headline_partner_the_tagger_reads_as_a_noun_is_an_agreement():
    text = (
        "Veltrix Systems and Lumora Labs partner to launch a sovereign cloud\n\n"
        "BERLIN – Veltrix Systems and Lumora Labs today announced the launch of a cloud for schools."
    )
    assert has_event(text, "agreement", {"Veltrix Systems", "Lumora Labs"}, "held")


def test_a_partner_named_as_a_noun_is_no_agreement():
    text = "Lumora Bank is a long-standing partner of Velkor Energy, the company said."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))


def test_visiting_before_a_title_and_name_is_the_named_person_s_visit():
    # the parser reads the title as what "visiting" visits
    text = (
        "KORVA, November 11 (Velnews) -- The Canadian government will sponsor the project, said visiting "
        "Canadian Minister of Natural Resources Tomas Brenner today at a seminar."
    )
    assert ("visit", "ongoing", {"Tomas Brenner"}) in events_of(text)


def test_a_person_visiting_a_place_is_no_adjectival_visit():
    text = "Prime Minister Tomas Brenner is visiting Korva for two days of talks with Alda Korsgaard."
    assert not any(t == "visit" and p == {"Alda Korsgaard"} for t, _s, p in events_of(text))


def test_investing_in_an_abstract_aim_is_no_investment_event():
    text = "Velkor Labs said: we are investing in training, technical support and capacity building."
    assert not any(t == "investment" for t, _s, _p in events_of(text))
    text = "Halden Brewing, Dornfeld Beer and Korva Group have all invested in the beer industry."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_investing_in_a_named_company_or_a_plant_stays_an_investment():
    text = "Dornfeld Capital invested in Lumora Labs last year."
    assert has_event(text, "investment", {"Dornfeld Capital"})
    text = "Velkor Motors will invest in a new battery plant near Korva."
    assert has_event(text, "investment", {"Velkor Motors"})


def test_talks_between_another_pair_are_their_own_meeting():
    text = (
        "KORVA, March 28 (Velnews) -- President Tomas Brenner met with visiting Prime Minister "
        "Alda Korsgaard here this afternoon. Extending his welcome to Korsgaard, Brenner mentioned the "
        "very good talks yesterday between Premier Jonas Velt and Korsgaard."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert {"Jonas Velt", "Alda Korsgaard"} in meetings
    assert {"Tomas Brenner", "Alda Korsgaard"} in meetings


def test_calling_on_a_president_is_a_meeting_calling_on_someone_to_act_is_not():
    text = "KORVA, January 6 (Velnews) -- Minister Tomas Brenner will also call on President Alda Korsgaard."
    assert has_event(text, "meeting", {"Tomas Brenner", "Alda Korsgaard"}, "planned")
    text = "Prime Minister Tomas Brenner called on President Alda Korsgaard to resign."
    assert not any(t == "meeting" for t, _s, _p in events_of(text))


def test_each_leg_flown_to_is_a_visit_flying_back_home_is_not():
    text = (
        "Prime Minister Tomas Brenner made a surprise trip to Korva this week. "
        "He also flew to Basra in southern Iraq where British forces are stationed."
    )
    assert len([t for t, _s, p in events_of(text) if t == "visit" and "Tomas Brenner" in p]) == 2
    assert not any(t == "visit" for t, _s, _p in events_of("Tomas Brenner flew back to London on Friday."))


def test_the_maker_whose_jets_a_deal_buys_is_the_other_party():
    text = (
        "Velkor Air orders jets\n\n"
        "KORVA — Flagship carrier Velkor Air finalized a deal to purchase 30 of Aerion Industries' "
        "787-9 jets, executives of both companies announced Wednesday."
    )
    assert has_event(text, "agreement", {"Velkor Air", "Aerion Industries"}, "held")


_MOU_POST = (
    "---\n"
    'source: "Veltrix Labs Blog"\n'
    'date: "2025-07-21"\n'
    "---\n\n"
    "July 21, 2025\n\n"
    "Veltrix Labs and Korvia Government sign strategic partnership\n\n"
    "Veltrix Labs CEO Anna Kovacs and the Korvian Secretary of State for Science, Tomas Brenner, signed a "
    "Memorandum of Understanding focused on public services.\n"
)


def test_a_headline_under_a_date_line_folds_into_the_signing_by_the_speakers_people(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(_MOU_POST, encoding="utf-8")
    result = extract_path(str(post))
    agreements = [set(e["participants"]) for e in result["events"] if e["type"] == "agreement"]
    assert len(agreements) == 1
    assert {"Veltrix Labs", "Korvia Government", "Anna Kovacs", "Tomas Brenner"} <= agreements[0]


def test_the_latter_is_the_second_of_the_last_two_named():
    text = (
        "President Tomas Brenner also discussed the train extension with Alda Korsgaard when the latter "
        "visited the Velmora Palace last week."
    )
    visits = [p for t, _s, p in events_of(text) if t == "visit"]
    assert visits and all("Alda Korsgaard" in p and "Tomas Brenner" not in p for p in visits)


def test_separate_meetings_of_two_hosts_with_one_guest_are_two_meetings():
    text = (
        "The assurance was made by Speaker Tomas Brenner and Deputy Speaker Alda Korsgaard in their separate "
        "meetings with visiting Energy Minister Jonas Velt."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert any({"Tomas Brenner", "Jonas Velt"} <= p and "Alda Korsgaard" not in p for p in meetings)
    assert any({"Alda Korsgaard", "Jonas Velt"} <= p and "Tomas Brenner" not in p for p in meetings)


def test_a_named_company_s_new_plant_is_its_investment():
    text = "Velkor Motors' fifth car factory in Korva is expected to start production on April 15."
    assert has_event(text, "investment", {"Velkor Motors"}, "planned")
    text = (
        "Dornfeld Cells Thuringia GmbH, Dornfeld Energy's first plant outside of Korva, has kicked off "
        "serial production of battery cells in December."
    )
    assert has_event(text, "investment", {"Dornfeld Energy", "Dornfeld Cells Thuringia"}, "held")


def test_a_company_s_existing_plant_is_no_new_investment():
    text = "Velkor Motors' car factory in Korva makes 200,000 vehicles a year."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_a_work_built_by_named_companies_is_their_investment():
    text = (
        "The 103.5-km railway, funded by the Asian Development Bank, was partly built by the Korva Civil "
        "Engineering Construction Corporation (KCECC) and the Velmora Railway Group Limited (VRGL)."
    )
    assert has_event(text, "investment", {"KCECC", "Velmora Railway Group"}, "held")
    text = "The pipeline will be built by the US-registered Halden Oil Corporation (HOC)."
    assert has_event(text, "investment", {"Halden Oil Corporation"}, "planned")


def test_a_work_built_by_no_named_builder_is_no_investment():
    text = "Premier Tomas Brenner rode the new line, which was built by local workers over six years."
    assert not any(t == "investment" for t, _s, _p in events_of(text))


def test_a_speaker_at_a_forum_or_conference_takes_part_in_it():
    text = "Speaking at a recent forum, Industry Minister Alda Korsgaard noted the role of the EV industry."
    assert ("meeting", "held", {"Alda Korsgaard"}) in events_of(text)
    text = "Tomas Brenner, president of Korva Media Group, told the conference that the market is growing."
    assert has_event(text, "meeting", {"Tomas Brenner"}, "held")


def test_telling_a_news_conference_is_no_meeting():
    text = "Alda Korsgaard told a news conference that the deal was done."
    assert not any(t == "meeting" for t, _s, _p in events_of(text))
