"""General rules added so that the pipeline copes with articles it was not tuned on.

Every text here is made up for the test (names, companies, figures); each test checks one rule.
"""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _person(result: dict, name: str) -> dict:
    return next(p for p in result["people"] if p["name"] == name)


def _org_names(result: dict) -> set[str]:
    return {o["name"] for o in result["organizations"]}


def _claims(result: dict) -> set[tuple[str, float]]:
    return {(c["metric"], c["value"]) for c in result["claims"]}


# ------------------------------------------------------------------------------------------ titles


def test_lower_case_appositive_title_with_free_modifier():
    text = (
        "Demand for cables is rising, said Tao Jingwen, a telecommunications analyst at the China "
        "Academy of Information and Communications Technology, on Monday."
    )
    person = _person(extract_text(text), "Tao Jingwen")
    assert person["positions"] == [
        {
            "title": "telecommunications analyst",
            "organization": "China Academy of Information and Communications Technology",
        }
    ]


def test_appositive_title_of_an_organisation_whose_name_contains_and():
    text = (
        "A delegation led by Gu Haoran, vice chairman of China's National Development and Reform "
        "Commission (NDRC), visited Izmir on Tuesday."
    )
    result = extract_text(text)
    assert _person(result, "Gu Haoran")["positions"] == [
        {"title": "vice chairman", "organization": "National Development and Reform Commission"}
    ]
    # the organisation inside the visitor's title is not the one who visited
    assert [(e["type"], e["participants"]) for e in result["events"]] == [("visit", ["Gu Haoran"])]


def test_chief_technology_officer_apposition():
    text = (
        "Kuzey Robotik A.Ş. will open a new line next year. Defne Aksoy, chief technology officer of "
        "Kuzey Robotik, said the line would build welding robots."
    )
    person = _person(extract_text(text), "Defne Aksoy")
    assert person["positions"] == [{"title": "chief technology officer", "organization": "Kuzey Robotik"}]
    assert person["country"] == "TR"  # from the company's Turkish legal form


def test_lower_case_title_before_the_name_with_a_possessive_organisation():
    text = (
        "Turkish cable maker Marmara Kablo A.Ş. signed the contract on Friday. Marmara Kablo's general "
        "manager, Ozan Yücel, said exports would rise."
    )
    person = _person(extract_text(text), "Ozan Yücel")
    assert person["positions"] == [{"title": "general manager", "organization": "Marmara Kablo"}]


def test_lower_case_title_before_the_name_after_the_company_name_and_after_its():
    text = (
        "Hengda Power Technology Co., Ltd. sent a delegation led by its chairman, Fang Lizhi, to Ankara. "
        "Hengda Power vice president Kong Weiran said the firm would hire locally."
    )
    result = extract_text(text)
    assert _person(result, "Fang Lizhi")["positions"] == [
        {"title": "chairman", "organization": "Hengda Power"}
    ]
    assert _person(result, "Kong Weiran")["positions"] == [
        {"title": "vice president", "organization": "Hengda Power"}
    ]


def test_deputy_before_a_domain_minister():
    text = "Deputy Foreign Minister Nilay Ersoy received the ambassador in Ankara on Friday."
    person = _person(extract_text(text), "Nilay Ersoy")
    assert [pos["title"] for pos in person["positions"]] == ["Deputy Foreign Minister"]


def test_a_place_name_as_surname_does_not_hide_the_person():
    text = "Professor Kemal Aydın, the president of the council, met the ambassador in Ankara."
    result = extract_text(text)
    assert "Kemal Aydın" in {p["name"] for p in result["people"]}
    assert "Aydın" not in {p["name"] for p in result["places"]}


def test_reporter_gets_no_country_from_the_shape_of_the_name():
    text = "Chinese firms eye Turkish market\n\nBy Deniz Şahinoğlu\n\nChinese companies are investing more."
    assert _person(extract_text(text), "Deniz Şahinoğlu")["country"] is None


# ------------------------------------------------------------------------------------------ organisations


def test_legal_form_company_is_an_organisation_not_a_person():
    text = (
        "Turkish energy company Akdeniz Elektrik A.Ş. and China's Longhai New Energy Co., Ltd. signed an "
        "agreement on Thursday. Akdeniz Elektrik will supply the grid connection."
    )
    result = extract_text(text)
    orgs = {o["name"]: o for o in result["organizations"]}
    assert orgs["Akdeniz Elektrik"]["aliases"] == ["Akdeniz Elektrik A.Ş."]
    assert orgs["Akdeniz Elektrik"]["kind"] == "company"
    assert orgs["Akdeniz Elektrik"]["country"] == "TR"
    assert orgs["Longhai New Energy"]["kind"] == "company"
    assert result["people"] == []


def test_company_word_names_and_their_longer_forms_are_one_company():
    text = (
        "Tongfang Power Technology Co., Ltd. of China will build the plant. Tongfang Power said on "
        "Monday that production would start in 2028."
    )
    orgs = {o["name"]: o for o in extract_text(text)["organizations"]}
    assert set(orgs) == {"Tongfang Power"}
    assert orgs["Tongfang Power"]["aliases"] == ["Tongfang Power Technology Co., Ltd."]


def test_consultancy_name_is_an_organisation():
    text = "Prices will fall, said Mert Tunç, a senior analyst at Istanbul-based Galata Insight."
    result = extract_text(text)
    assert "Galata Insight" in _org_names(result)
    assert {p["name"] for p in result["people"]} == {"Mert Tunç"}


def test_units_currencies_and_acronyms_are_not_organisations():
    text = (
        "The 300 MW wind farm will cost EUR 400 million. The MW figure was confirmed by the ministry, "
        "and the EV and R&D plans were published with it."
    )
    assert _org_names(extract_text(text)) & {"MW", "EUR", "EV", "R&D"} == set()


def test_zone_is_a_place_not_an_organisation():
    text = "The plant will be located in the Samsun Organized Industrial Zone, officials said."
    result = extract_text(text)
    assert "Samsun Organized Industrial Zone" in {p["name"] for p in result["places"]}
    assert "Samsun Organized Industrial Zone" not in _org_names(result)


def test_named_region_and_country_not_from_a_city_alone():
    text = "The minister met his counterpart in Vienna to discuss a plant in the Thrace region of Türkiye."
    result = extract_text(text)
    assert {p["name"] for p in result["places"]} == {"Vienna", "Thrace"}
    assert result["countries"] == ["TR"]


# ------------------------------------------------------------------------------------------ claims


def test_duration_but_not_a_range_and_not_a_hyphenated_detail():
    text = (
        "Trains now need 12 days from Xi'an to Istanbul, compared with 35 to 40 days by sea. "
        "The minister is on a four-day visit."
    )
    assert [(c["metric"], c["value"], c["unit"]) for c in extract_text(text)["claims"]] == [
        ("duration", 12, "days")
    ]


def test_generic_capacity_count_jobs_and_growth():
    text = (
        "The terminal will handle 250,000 containers a year and create 600 local jobs. "
        "In 2025, 1,240 freight trains ran on the route, nearly three times the 2022 figure. "
        "The factory will have an annual capacity of 50 million doses."
    )
    assert _claims(extract_text(text)) == {
        ("capacity", 250000),
        ("jobs", 600),
        ("count", 1240),
        ("growth", 3),
        ("capacity", 50000000),
    }


def test_word_numbers_fractions_and_superlatives():
    text = (
        "The country will have more than one million electric vehicles by 2030. Around half of the output "
        "will be exported in the second half of the year. It is the largest battery investment in the "
        "region, and investment almost doubled last year. The firm is in talks with two Turkish companies."
    )
    assert _claims(extract_text(text)) == {
        ("count", 1000000),
        ("share", 50),
        ("rank", 1),
        ("growth", 2),
    }


def test_restated_sum_and_conditional_potential_are_not_claims():
    text = (
        "The company will invest 1.5 billion yuan ($210 million) in the plant. The country could attract "
        "up to $5 billion in new investment if the talks succeed."
    )
    assert [(c["metric"], c["value"], c["unit"]) for c in extract_text(text)["claims"]] == [
        ("amount", 1500000000, "CNY")
    ]


def test_growth_in_percent_when_growing():
    text = "Demand for fibre is growing at more than 20 percent a year, the analyst said."
    assert [(c["metric"], c["value"]) for c in extract_text(text)["claims"]] == [("growth", 20)]


# ------------------------------------------------------------------------------------------ events


def test_investment_by_companies_unknown_to_any_gazetteer():
    text = (
        "On Wednesday, Silkway Rail Express Co., Ltd. and Anatolia Demiryolu Lojistik A.Ş. signed an "
        "agreement to build a container terminal in Kars."
    )
    events = {e["type"]: e for e in extract_text(text)["events"]}
    assert events["investment"]["status"] == "planned"
    assert events["investment"]["participants"] == ["Silkway Rail Express", "Anatolia Demiryolu Lojistik"]
    assert events["investment"]["place"] == "Kars"
    assert events["agreement"]["status"] == "held"


def test_planned_session_of_a_commission_with_one_participant():
    text = (
        "The two sides signed a memorandum of understanding and agreed that the Joint Economic and Trade "
        "Commission will hold its next session in Ankara."
    )
    events = [(e["type"], e["status"], e["participants"]) for e in extract_text(text)["events"]]
    assert ("meeting", "planned", ["Joint Economic and Trade Commission"]) in events


def test_next_month_makes_a_visit_planned_and_a_source_is_no_participant():
    text = (
        "Officials of the National Medical Products Administration will sign the memorandum during the visit "
        "of a delegation to Beijing next month, according to the Ministry of Health."
    )
    visits = [e for e in extract_text(text)["events"] if e["type"] == "visit"]
    assert [(v["status"], v["place"]) for v in visits] == [("planned", "Beijing")]
    assert "Ministry of Health" not in visits[0]["participants"]


def test_background_signing_is_not_an_event():
    text = (
        "Since the two countries signed their science agreement, the Hefei University of Technology and "
        "the Middle East Technical University have funded 120 joint projects."
    )
    assert [e["type"] for e in extract_text(text)["events"]] == []


def test_actor_right_before_the_cue_and_single_participant_planned_workshop():
    text = (
        "Ahmet Kılıç said the Middle East Technical University will host a workshop on batteries in Ankara."
    )
    events = [(e["type"], e["status"], e["participants"]) for e in extract_text(text)["events"]]
    assert events == [("meeting", "planned", ["Middle East Technical University"])]


# ------------------------------------------------------------------------------------------ metadata


def test_dateline_without_a_date_gives_the_agency():
    text = "Turkish firm to build plant\n\nANKARA (AA) - A Turkish company said it would build a plant."
    result = extract_text(text)
    assert result["publisher"] == "Anadolu Agency"
    assert "Anadolu Agency" in _org_names(result)


def test_stamp_lines_give_date_and_outlet():
    text = (
        "China, Türkiye explore rail links\n\nCGTN | Updated 18:05, 07-Oct-2026\n\n"
        "Officials from the two countries met in Istanbul on Tuesday."
    )
    result = extract_text(text)
    assert (result["title"], result["published"], result["publisher"]) == (
        "China, Türkiye explore rail links",
        "2026-10-07",
        "CGTN",
    )


def test_masthead_and_press_release_line_before_the_headline():
    text = (
        "Republic of Türkiye Ministry of Health\nPress Release – 12 November 2026\n\n"
        "Health Minister Receives Chinese Delegation\n\nThe minister received a delegation in Ankara."
    )
    result = extract_text(text)
    assert (result["title"], result["published"]) == (
        "Health Minister Receives Chinese Delegation",
        "2026-11-12",
    )


def test_newspaper_named_by_its_own_interview():
    text = (
        "Investors show interest\n\nANKARA\n\nChinese firms invested more, Burak Tan, president of the "
        "Investment Office, told the Hürriyet Daily News in an interview."
    )
    assert extract_text(text)["publisher"] == "Hürriyet Daily News"


# ------------------------------------------------------------------------------------------ second round


def test_turkish_trade_name_is_known_by_its_brand():
    text = (
        "Izmir-based Ege Rüzgar Enerji Sanayi ve Ticaret A.Ş. signed the contract on Monday. "
        "Ege Rüzgar will supply the blades."
    )
    orgs = {o["name"]: o for o in extract_text(text)["organizations"]}
    assert set(orgs) == {"Ege Rüzgar"}
    assert orgs["Ege Rüzgar"]["country"] == "TR"


def test_consul_general_in_a_city():
    text = "Chinese Consul General in Istanbul Lu Wenhai said the project showed the potential of trade."
    person = _person(extract_text(text), "Lu Wenhai")
    assert [pos["title"] for pos in person["positions"]] == ["Consul General"]


def test_person_that_ner_misses_after_a_lower_case_title():
    text = (
        "The association welcomed the plant. Its secretary general, Nurcan Ateş, warned that suppliers "
        "must not be reduced to assembling kits."
    )
    person = _person(extract_text(text), "Nurcan Ateş")
    assert person["positions"] == [{"title": "secretary general", "organization": None}]


def test_short_name_of_a_committee_is_the_committee():
    text = (
        "The fourth meeting of the Türkiye–China Joint Committee on Industrial Cooperation was held in "
        "Beijing. The fifth meeting of the Joint Committee will take place in Istanbul in 2027."
    )
    result = extract_text(text)
    assert _org_names(result) == {"Türkiye–China Joint Committee on Industrial Cooperation"}
    assert [(e["type"], e["status"], e["place"]) for e in result["events"]] == [
        ("meeting", "planned", "Istanbul")
    ]


def test_second_site_of_the_same_company_is_a_second_investment():
    text = (
        "Chinese logistics company Jinlu Supply Chain Co., Ltd. on Wednesday opened a logistics center in "
        "Istanbul. The company plans to open a second hub in Izmir next year."
    )
    events = [(e["type"], e["status"], e["place"]) for e in extract_text(text)["events"]]
    assert events == [("investment", "held", "Istanbul"), ("investment", "planned", "İzmir")]


def test_agreement_to_form_a_joint_venture_and_the_partners_invest():
    text = (
        "Turkish panel maker Bora Solar A.Ş. has agreed to form a joint venture with China's Tianlu "
        "Photovoltaic Technology, the companies announced. The partners will invest a combined $90 million "
        "in a cell factory in Manisa."
    )
    events = {e["type"]: e for e in extract_text(text)["events"]}
    assert events["agreement"]["participants"] == ["Bora Solar", "Tianlu Photovoltaic Technology"]
    assert (events["investment"]["status"], events["investment"]["place"]) == ("planned", "Manisa")
    assert events["investment"]["participants"] == ["Bora Solar", "Tianlu Photovoltaic Technology"]


def test_hyphenated_area_daily_capacity_and_a_from_to_change():
    text = (
        "The company opened a 60,000-square-meter warehouse that can process up to 400,000 parcels a day. "
        "Delivery times have fallen from 15 days to five days."
    )
    assert {(c["metric"], c["value"], c["unit"]) for c in extract_text(text)["claims"]} == {
        ("area", 60000, "m2"),
        ("capacity", 400000, "parcels/day"),
        ("duration", 5, "days"),
    }


# ------------------------------------------------------------------------------------------ third round


def test_vice_governor_of_a_province():
    text = "The ambassador met Zhang Ruoyu, Vice Governor of Guangdong Province, in Guangzhou on Monday."
    person = _person(extract_text(text), "Zhang Ruoyu")
    assert [pos["title"] for pos in person["positions"]] == ["Vice Governor of Guangdong Province"]


def test_the_companys_title_and_a_title_with_its_remit():
    text = (
        "Kaya Depolama A.Ş. signed the deal with Guangzhou Hongda New Energy Co., Ltd. on Monday. "
        '"Storage is the missing piece," said Barış Tan, the company\'s chief executive officer. '
        "Its general manager for Europe and the Middle East, Lin Shaojie, said the market was growing."
    )
    result = extract_text(text)
    assert _person(result, "Barış Tan")["positions"] == [
        {"title": "chief executive officer", "organization": "Kaya Depolama"}
    ]
    assert [pos["title"] for pos in _person(result, "Lin Shaojie")["positions"]] == ["general manager"]


def test_title_anaphor_and_delegation_are_the_visitor():
    text = (
        "Ambassador Selim Kara paid a working visit to Guangdong on Monday. The Ambassador also visited the "
        "headquarters of GAC Group. In Shenzhen, the delegation toured the Shenzhen Bay Laboratory."
    )
    visits = [e["participants"] for e in extract_text(text)["events"] if e["type"] == "visit"]
    assert visits == [["Selim Kara"], ["Selim Kara", "GAC Group"], ["Selim Kara", "Shenzhen Bay Laboratory"]]


def test_forum_that_will_be_held_is_a_planned_meeting_and_not_an_organisation():
    text = (
        "He invited Chinese firms to the Türkiye–China Business Forum, which will be held in Istanbul in May."
    )
    result = extract_text(text)
    assert [(e["type"], e["status"], e["place"], e["participants"]) for e in result["events"]] == [
        ("meeting", "planned", "Istanbul", [])
    ]
    assert "Türkiye–China Business Forum" not in _org_names(result)


def test_top_n_and_most_important_ranks_and_audience_size_is_no_claim():
    text = (
        "Hongda is one of the top five manufacturers of storage batteries in China. Türkiye has become one "
        "of the company's three most important export markets. The seminar was attended by representatives "
        "of more than 80 companies."
    )
    assert _claims(extract_text(text)) == {("rank", 5), ("rank", 3)}


def test_ticker_facility_and_city_first_company_names():
    text = (
        "Marmaris Teknoloji Yatırımları A.Ş. (Borsa Istanbul: MRMTK) will build storage next to the Akkuyu "
        "Nuclear Power Plant. Marmaris Teknoloji said the work would start in May."
    )
    result = extract_text(text)
    assert _org_names(result) == {"Marmaris Teknoloji", "Istanbul Stock Exchange"}


def test_a_province_is_not_an_alias_of_an_organisation_named_after_it():
    text = (
        "The Guangdong Chamber of Commerce hosted the seminar. Zhang Ruoyu, Vice Governor of Guangdong "
        "Province, said trade was growing."
    )
    result = extract_text(text)
    assert {p["name"] for p in result["people"]} == {"Zhang Ruoyu"}
    assert "Guangdong" in {p["name"] for p in result["places"]}


def test_training_is_not_rail():
    text = "The company will train 200 technicians at its plant in Ankara."
    assert "rail" not in {s["code"] for s in extract_text(text)["sectors"]}


# ------------------------------------------------------------------------------------------ fourth round


def test_company_noun_before_a_single_word_name_and_cloud_companies():
    text = (
        "Yunhai Cloud opened a data centre in Ankara. Prices will matter, said Ece Tan, a cloud analyst at "
        "the research firm Bulutmetre."
    )
    result = extract_text(text)
    assert {"Yunhai Cloud", "Bulutmetre"} <= _org_names(result)
    assert {p["name"] for p in result["people"]} == {"Ece Tan"}


def test_name_then_lower_case_title_is_a_person_even_when_ner_misses_it():
    text = "Murat Özgür, chief executive of Anadolu Telekomünikasyon A.Ş., said the deal mattered."
    person = _person(extract_text(text), "Murat Özgür")
    assert person["positions"] == [{"title": "chief executive", "organization": "Anadolu Telekomünikasyon"}]


def test_the_two_companies_are_the_last_two_companies_named():
    text = (
        "Yunhai Cloud, the cloud arm of Yunhai Holdings, opened a data centre with Kuzey Telekom A.Ş. on "
        "Tuesday. The two companies also signed a memorandum of understanding on 5G networks."
    )
    agreements = [e for e in extract_text(text)["events"] if e["type"] == "agreement"]
    assert [a["participants"] for a in agreements] == [["Yunhai Holdings", "Kuzey Telekom"]]


def test_outlet_in_the_dateline_is_not_a_person():
    text = "Data centre opens\n\nISTANBUL, Nov 4, 2026 (Galata Wire) - A data centre opened in Istanbul."
    result = extract_text(text)
    assert result["people"] == []
    assert result["publisher"] == "Galata Wire"


def test_building_a_project_is_an_investment_and_a_passive_signing_is_the_same_agreement():
    text = (
        "Karasu Enerji Yatırım A.Ş. and China's Longhua Power Construction Group signed a contract to "
        "build a 600 MW solar project in Uzbekistan. The contract was signed in Tashkent by Karasu Enerji "
        "Chairman Tarık Balcı."
    )
    events = [(e["type"], e["status"]) for e in extract_text(text)["events"]]
    assert events == [("agreement", "held"), ("investment", "planned")]


def test_emissions_avoided_a_year_are_a_volume():
    text = "The plant will reduce carbon dioxide emissions by around 700,000 tonnes annually."
    assert [(c["metric"], c["value"]) for c in extract_text(text)["claims"]] == [("volume", 700000)]
