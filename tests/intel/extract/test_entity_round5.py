"""Entity rules of session 5 (helper ent5): sectors, titles and organisations on general shapes of the
real-text dev set. Every sentence is written for these tests (fictional names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.gazetteer import load
from kopru.intel.extract.sectors import find_sectors

pytestmark = pytest.mark.unit


def _codes(text: str) -> set[str]:
    return {code for _s, _e, code in find_sectors(text, load(), [])}


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}


def test_loans_and_funding_are_finance_in_general():
    text = "The lender approved new loans for the port. The funding covers two berths and a rail spur."
    assert "investment" in _codes(text)
    assert "investment" not in _codes("The port opened a new berth.")


def test_logistics_and_the_trade_body_say_trade():
    assert "trade" in _codes("Valdor Post and Kestrel Logistics will build logistics hubs for parcels.")
    assert "trade" in _codes("Talks on joining the World Trade Organisation went on; WTO members met.")


def test_car_words_make_an_automotive_story_unless_it_is_about_electric_cars():
    assert "automotive" in _codes("The carmaker will build small cars at the new plant.")
    codes = _codes("The carmaker will build electric vehicles and small cars with new batteries.")
    assert "automotive" not in codes
    assert {"ev", "battery"} <= codes


def test_a_domain_before_the_head_keeps_the_title_as_written():
    text = (
        "Valdorian Energy Minister Ann Lorimer met Defense Secretary Tom Hale and the federal commerce "
        "Minister Ravi Perera in Halden. Deputy Trade Minister Ole Berg was there."
    )
    people = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert people["Ann Lorimer"] == [{"title": "Energy Minister", "organization": "Ministry of Energy"}]
    assert [x["title"] for x in people["Tom Hale"]] == ["Defense Secretary"]
    assert [x["title"] for x in people["Ravi Perera"]] == ["commerce Minister"]
    assert [x["title"] for x in people["Ole Berg"]] == ["Deputy Trade Minister"]


def test_an_apposition_title_before_with_a_possessive_or_a_based_in():
    assert _titles('"Calm," said Jonas Pelt, a market analyst with the research firm Kestrel, in a note.')[
        "Jonas Pelt"
    ] == ["market analyst"]
    assert _titles("Tom Hale, the Fund's managing director, said the loan would help.")["Tom Hale"] == [
        "managing director"
    ]
    text = '"Good," said Ole Berg, Kestrel Motors\u2019 chairman, on Monday.'
    assert _titles(text)["Ole Berg"] == ["chairman"]
    assert _titles('"Yes," said Mira Holt, a Paris-based researcher for the Valdor Institute, on Monday.')[
        "Mira Holt"
    ] == ["researcher"]
    assert _titles("Lian Hu, Kestrel\u2018s executive vice president confirmed the deal.")["Lian Hu"] == [
        "executive vice president"
    ]


_WRAPPED = """---
title: "Readout of a meeting"
---

Officials of Valdoria and Kestria met in Halden to discuss progress and
next steps on the partnership. The meetings, co-chaired by Valdorian
National Security Advisor Ann Lorimer and Kestrian National Security
Advisor Tom Hale, covered energy, trade and the new port at Halden.

-   The two sides welcomed a new fund for the port and agreed to expand
    the rail link to the border.
-   They agreed to meet again.

The leaders also discussed the first Valdoria-Kestria CEO Forum, which will
meet in the autumn, and the progress of the joint customs working group.
"""


def test_a_hard_wrapped_markdown_file_is_read_as_its_paragraphs(tmp_path):
    from kopru.intel.extract.reading import read_path

    path = tmp_path / "readout.md"
    path.write_text(_WRAPPED, encoding="utf-8")
    text = read_path(str(path)).text
    assert "Valdorian National Security Advisor Ann Lorimer and Kestrian National Security" in text
    assert "expand the rail link" in text
    assert "\nThey agreed to meet again." in text  # a list item stays its own line
    people = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert [x["title"] for x in people["Ann Lorimer"]] == ["National Security Advisor"]
    assert "Forum" not in people


def test_a_paragraph_per_line_markdown_file_is_left_as_it_is(tmp_path):
    from kopru.intel.extract.reading import read_path

    lines = [f"Line {i} of a list of short facts about the port at Halden and its cranes." for i in range(9)]
    path = tmp_path / "facts.md"
    path.write_text("# Facts\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert read_path(str(path)).text.count("\n") >= 9


def test_a_name_a_page_broke_out_around_its_link_is_joined_back():
    from kopru.intel.extract.reading import normalise_text

    raw = (
        "Costs fell, as Valdorian Transport Minister\nAnn Lorimer\nsaid on Monday.\n"
        "The port opened in May.\nHalden Port\nnews\n"
    )
    text = normalise_text(raw)
    assert "Valdorian Transport Minister Ann Lorimer said on Monday." in text
    assert "May.\nHalden Port\nnews" in text  # after a finished sentence a line break stays
    people = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert [x["title"] for x in people["Ann Lorimer"]] == ["Transport Minister"]


def test_a_city_government_in_lower_case_is_a_government():
    orgs = {
        o["name"]: o["kind"]
        for o in extract_text("The plant was backed by the Halden city government.")["organizations"]
    }
    assert orgs.get("Halden city government") == "government"


def test_ranks_before_a_title_and_the_article_of_its_remit_are_kept():
    titles = _titles(
        "Valdorian Vice-Foreign Minister Ann Lorimer met First Deputy Speaker Tom Hale and Chief Investment "
        "Minister Ole Berg."
    )
    assert titles["Ann Lorimer"] == ["Vice-Foreign Minister"]
    assert titles["Tom Hale"] == ["First Deputy Speaker"]
    assert titles["Ole Berg"] == ["Chief Investment Minister"]
    titles = _titles(
        "The talks were led by Mira Holt, Secretary of the Treasury, and Kestrel Executive Chairman Jim "
        "Varley, and Minister of Atomic Energy Ravi Perera."
    )
    assert titles["Mira Holt"] == ["Secretary of the Treasury"]
    assert titles["Jim Varley"] == ["Executive Chairman"]
    assert titles["Ravi Perera"] == ["Minister of Atomic Energy"]


def test_a_form_of_address_is_no_part_of_a_name_before_its_title():
    people = {
        p["name"]
        for p in extract_text(
            "Ms Ann Lorimer, Secretary for Education at the Valdorian "
            "Embassy in Halden, witnessed the signing."
        )["people"]
    }
    assert people == {"Ann Lorimer"}


def test_a_lower_case_title_with_its_body_then_the_name_between_commas():
    titles = _titles(
        "The head of the state-owned Valdor Gas company, Tom Hale, said he was happy. But the chairman "
        "of the working party, Ambassador Ann Lorimer of Kestria, warned of delays. Its leader is seeking "
        "a host; his special envoy for the project, Ole Berg, told reporters. Officials, including the "
        "coordinating minister for maritime and investment, Ravi Perera, came."
    )
    assert titles["Tom Hale"] == ["head"]
    assert "chairman" in titles["Ann Lorimer"]
    assert titles["Ole Berg"] == ["special envoy"]
    assert titles["Ravi Perera"] == ["coordinating minister for maritime and investment"]


def test_more_lower_case_titles_beside_a_name():
    titles = _titles(
        '"It is a start," said Jon Hale, the US deputy national security adviser, told reporters.'
    )
    assert titles["Jon Hale"] == ["deputy national security adviser"]
    titles = _titles('"Good," said Ann Lorimer, a Valdoria scholar with the Kestrel Institute in Halden.')
    assert titles["Ann Lorimer"] == ["Valdoria scholar"]
    assert _titles('"A fine year," said chief executive Sir Tom Varley.')["Tom Varley"] == ["chief executive"]
    titles = _titles("It was a wake-up call, said Ole Berg, treasurer of Local 325 in Halden.")
    assert titles["Ole Berg"] == ["treasurer"]


def test_a_title_word_inside_a_longer_word_is_no_title():
    text = '"Deep waters look good," said the agency\'s Director of Oil Research, Dr. Ann Lorimer, on Monday.'
    assert not any(t.lower().startswith("rector") for t in _titles(text)["Ann Lorimer"])


def test_building_a_plant_is_investment_and_research_named_twice_is_research():
    assert "investment" in _codes("Kestrel Cells will build a new factory near Halden.")
    assert "investment" in _codes("The firm will set up a large solar cell factory in the north.")
    assert "research" in _codes("The university will share its research; research staff will move.")
    assert "research" not in _codes("Market research shows demand for the cars.")


def test_headline_verbs_and_opening_participles_are_no_organisations():
    from kopru.intel.extract.entities import OrgRec, _headline_fragment, _opens_with_a_participle

    text = "Kestrel Books Halts Volta Deal\n\nKestrel Books said on Monday it dropped the deal."
    rec = OrgRec("Kestrel Books Halts Volta Deal", "company", None, [(0, 30)])
    assert _headline_fragment(text, rec)
    assert _opens_with_a_participle("Representing Kestrel Group")
    assert _opens_with_a_participle("Advancing Generative AI")
    assert not _opens_with_a_participle("Standing Committee of the Valdor Congress")
    assert not _opens_with_a_participle("Nanjing Auto")
    assert not _opens_with_a_participle("Engineering Systems")


def test_programmes_meetings_shows_and_plural_bodies_are_no_organisations():
    from kopru.intel.extract.entities import _false_org_name

    assert _false_org_name("Partnership for Global Ports and Investment")
    assert _false_org_name("Halden Air Show")
    assert _false_org_name("Valdor Leaders’ Meeting")
    assert _false_org_name("Orbit Accords")
    assert _false_org_name("Multilateral Development Banks")
    assert not _false_org_name("Kestrel Development Bank")


def test_a_country_abbreviation_with_full_stops_before_a_title_gives_the_country():
    text = "Talks ended. Visiting U.S. Secretary of State Ann Lorimer said here Saturday the talks went well."
    people = {p["name"]: p for p in extract_text(text)["people"]}
    assert people["Ann Lorimer"]["country"] == "US"
    assert [x["title"] for x in people["Ann Lorimer"]["positions"]] == ["Secretary of State"]


def test_a_country_named_beside_a_titled_name_is_its_country():
    text = (
        "President Tom Hale met today with President Ana Lobo of Angola at the palace. Rail links are on the "
        "agenda when Vietnam's newly appointed leader Ole Berg travels. India's federal commerce Minister "
        "Ravi Perera spoke."
    )
    people = {p["name"]: p["country"] for p in extract_text(text)["people"]}
    assert people["Ana Lobo"] == "AO"
    assert people["Ole Berg"] == "VN"
    assert people["Ravi Perera"] == "IN"


def test_a_remit_of_domain_words_a_place_of_work_and_a_body_in_lower_case():
    text = (
        "FILE – Valdorian Executive Vice President and Commissioner for Economy and Trade Ann Lorimer speaks "
        "during a news conference in Halden."
    )
    assert "Commissioner for Economy and Trade" in _titles(text)["Ann Lorimer"]
    text = "Ms Mira Holt, First Secretary for Education at the Kestrian Embassy in Halden, was there."
    assert _titles(text)["Mira Holt"] == ["First Secretary for Education"]
    text = '"David can beat Goliath," said Ole Berg, chief operating officer of the booksellers group.'
    assert _titles(text)["Ole Berg"] == ["chief operating officer"]


def test_wind_in_a_list_of_sources_and_car_words_in_a_battery_story():
    assert "wind" in _codes("The base will combine wind, solar, hydro and storage.")
    assert "wind" in _codes("They will make solar and wind components.")
    assert "wind" not in _codes("The wind blew the roof off the depot.")
    hits = find_sectors(
        "The battery maker will supply battery cells to carmakers for their cars.", load(), []
    )
    assert {code for _s, _e, code in hits} == {"battery", "ev"}


def test_a_parent_acronym_before_another_body_and_a_brand_s_channel_are_no_organisations():
    text = (
        "Talks will begin only if Valdoria co-operates fully with the UN war crimes tribunal. "
        "The plan was made with the UN Development Programme in Halden. Join the Halden Daily Telegram "
        "channel for news."
    )
    names = {o["name"] for o in extract_text(text)["organizations"]}
    assert "United Nations" not in names
    text = "The UN said the talks would resume. The UN envoy agreed."
    assert "United Nations" in {o["name"] for o in extract_text(text)["organizations"]}


def test_an_agency_signing_off_a_paragraph_and_the_groups_of_states():
    text = (
        "Valdoria agreed to fund 85% of the rail projects in Halden. REUTERS\n\n"
        "The leaders met at the Group of 20 summit and at the G7 meeting in Halden."
    )
    names = {o["name"] for o in extract_text(text)["organizations"]}
    assert {"Reuters", "Group of Twenty", "Group of Seven"} <= names


def test_a_country_s_embassy_in_a_city_is_a_government_body_and_the_city_a_place():
    result = extract_text(
        "Ms Ann Lee, First Secretary at the Chinese Embassy in Bangkok, attended the signing."
    )
    orgs = {o["name"]: (o["kind"], o["country"]) for o in result["organizations"]}
    assert orgs["Chinese Embassy in Bangkok"] == ("government", "CN")
    assert "Bangkok" in {p["name"] for p in result["places"]}
    result = extract_text("The Chinese embassy in Serbia said on Thursday the plant would open.")
    assert "Chinese embassy in Serbia" in {o["name"] for o in result["organizations"]}


def test_two_offices_one_inside_the_other_are_two_people_and_a_post_named_as():
    assert _titles("The Vice President and President Marcos discussed trade.")["Marcos"] == ["President"]
    text = "To lead our work in Japan we welcome Tadao Mori as our new President of Kestrel Japan."
    assert _titles(text)["Tadao Mori"] == ["President"]
    assert _titles("Kestrel named Ann Lee as chief executive on Monday.")["Ann Lee"] == ["chief executive"]


def test_an_acronym_in_brackets_inside_a_ministry_s_remit():
    text = "Ann Lee, Minister of Information and Communications Technology (ICT) and Innovation, spoke."
    assert _titles(text)["Ann Lee"] == [
        "Minister of Information and Communications Technology (ICT) and Innovation"
    ]


def test_a_hyphenated_given_name_cut_at_its_hyphen_gets_its_rest():
    text = "The plan was announced by president Moon Jae-in a year ago. Moon Jae-in said it would grow."
    people = {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}
    assert people == {"Moon Jae-in": ["president"]}


def test_a_company_named_right_after_an_apposition_title_but_not_a_person():
    text = '"No market grows like this," said Ravi Kesh, senior vice president Kestrel Aerospace.'
    assert _titles(text)["Ravi Kesh"] == ["senior vice president"]
    text = "The deal was signed by Volta chairman Ann Lee, Kestrel chairman Tom Hale and others."
    assert "Kestrel chairman" not in " ".join(_titles(text).get("Ann Lee", []))


def test_a_country_s_ministry_or_federal_government_keeps_the_country_in_its_name():
    text = "Russia's foreign ministry said it viewed the move as unhelpful."
    assert "Russia's foreign ministry" in {o["name"] for o in extract_text(text)["organizations"]}
    text = "Under an agreement signed today, the German federal government would provide the funds."
    assert "German federal government" in {o["name"] for o in extract_text(text)["organizations"]}


def test_more_shapes_of_a_title_after_a_name():
    assert _titles("Kestrel appointed Ann Lorimer (chief executive of Volta Systems) to its board.")[
        "Ann Lorimer"
    ] == ["chief executive"]
    text = "Tom Hale, who is the chief executive of Kestrel Robotics, said the plant would open."
    assert _titles(text)["Tom Hale"] == ["chief executive"]
    assert _titles("Jim Varley, vice-president of Kestrel Motors, said sales rose.")["Jim Varley"] == [
        "vice-president"
    ]
    people = {p["name"]: p for p in extract_text("Ann Lee, the Thai ambassador to China, said so.")["people"]}
    assert [x["title"] for x in people["Ann Lee"]["positions"]] == ["ambassador to China"]
    assert people["Ann Lee"]["country"] == "TH"


def test_a_body_s_name_then_a_lower_case_title_after_a_name():
    people = {
        p["name"]: p["positions"]
        for p in extract_text("Tom Hale, Kestrel Bank chief executive, said so.")["people"]
    }
    assert people["Tom Hale"] == [{"title": "chief executive", "organization": "Kestrel Bank"}]


def test_more_words_of_the_sector_table():
    assert "ev" in _codes("The group will build EV charging stations along the highway.")
    assert "medical_devices" in _codes("The hospital bought patient monitoring systems.")
    assert "telecom" in _codes("They will lay two undersea cables to the islands.")
    assert "cloud" in _codes("The campus adds AI infrastructure and compute capacity.")
    assert "medicines" in _codes("The plant will make active pharmaceutical ingredients.")
    assert "solar" in _codes("The polysilicon plant opened.")


def test_a_plural_title_before_a_list_of_names_is_each_one_s():
    text = "The Kestrel team, including co-founders Ann Lorimer, Tom Hale, and Ole Berg, built it."
    titles = _titles(text)
    assert titles["Ann Lorimer"] == titles["Tom Hale"] == titles["Ole Berg"] == ["co-founder"]
    assert _titles("Foreign ministers Ann Lee and Tom Hale met.")["Tom Hale"] == ["Foreign minister"]


def test_a_press_release_contact_line_gives_the_title_before_the_address():
    text = (
        "For more information contact: Kestrel Energy Inc. Ann Lorimer Chief Development Officer "
        "alorimer@kestrel.example"
    )
    assert _titles(text)["Ann Lorimer"] == ["Chief Development Officer"]
    text = "Please contact: Dr. Tom Hale Chairman & CEO 718-709-7099 TOM.HALE@KESTREL.EXAMPLE"
    assert _titles(text)["Tom Hale"] == ["Chairman", "CEO"]
    assert _titles("Ann Lorimer Chief met the team on Monday.").get("Ann Lorimer", []) == []
