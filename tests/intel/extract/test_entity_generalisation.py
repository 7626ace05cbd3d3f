"""Entity rules of session 3 (issue 10): countries named by parts of continents, currencies and media
names, the whole list of sovereign states, and false people, organisations, places and titles. Sentences are
written for these tests (no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import country_mentions
from kopru.intel.extract.gazetteer import load

pytestmark = pytest.mark.unit


def _codes(text: str) -> list[str]:
    return [code for _s, _e, code in country_mentions(text, load())]


def test_continents_currencies_and_media_names_do_not_name_a_country():
    assert _codes("A South American bank and Latin America's ports grew; North-America lagged.") == []
    assert _codes("The deal is worth US$4 billion, reported Agence France-Presse.") == []
    assert _codes("The American and the French delegations met.") == ["US", "FR"]


def test_smaller_states_are_countries_not_places():
    text = "Ministers from Bolivia, Mozambique and Iceland met in Lima with Bruneian officials."
    assert _codes(text) == ["BO", "MZ", "IS", "BN"]
    result = extract_text(text)
    assert {"BO", "MZ", "IS", "BN"} <= set(result["countries"])
    assert not {"Bolivia", "Mozambique", "Iceland"} & {p["name"] for p in result["places"]}


def _people(text: str) -> list[str]:
    return [p["name"] for p in extract_text(text)["people"]]


def _orgs(text: str) -> list[str]:
    return [o["name"] for o in extract_text(text)["organizations"]]


def test_product_codes_and_plural_acronyms_are_no_people():
    text = (
        "The plant will build 90,000 Falcon Rx-T vans and Comet E-Drive pickups a year. "
        "Key MoUs cover batteries. Maria Lindqvist, the plant manager, said the line opens in May."
    )
    assert _people(text) == ["Maria Lindqvist"]


def test_brand_spellings_and_company_lists_become_organisations():
    text = (
        "The agency picked the companies Brightwell Aero, Norland Machines and Kestrel Beyond for the "
        "landers. Kestrel Beyond left the contract in June, while StarForge will fly first."
    )
    people = _people(text)
    orgs = _orgs(text)
    assert "Kestrel Beyond" not in people and "StarForge" not in people
    assert {"Kestrel Beyond", "StarForge"} <= set(orgs)


def test_a_name_after_a_company_noun_is_the_company():
    text = "Harbour Media bought a stake in the regional newspaper company Dainik Prabhat for $20 million."
    assert "Dainik Prabhat" not in _people(text)
    assert "Dainik Prabhat" in _orgs(text)


def test_title_case_headline_words_used_in_lower_case_are_no_people():
    text = (
        "Governor Wraps Up Second Day of Port Visit\n"
        "The governor wraps up a two-day visit today. A meeting with the mayor is scheduled for Friday.\n"
        "Talks With Harbour Board Scheduled for Tomorrow"
    )
    assert _people(text) == []


def test_people_in_a_list_of_people_with_titles_stay_people():
    text = (
        "The meeting between Fiat chief Paolo Verri and GM's Anna Kowal is due on Monday. "
        "Tom Reyes, from the UK's Coastal Trust, said the talks would be hard."
    )
    assert {"Paolo Verri", "Anna Kowal", "Tom Reyes"} <= set(_people(text))


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [pos["title"] for pos in p["positions"]] for p in extract_text(text)["people"]}


def test_titles_before_a_name_keep_a_lower_case_remit_and_an_unknown_party():
    text = (
        "Opposition leader Clara Voss criticised the plan on Monday. "
        '"The ports must grow," the minister for coastal shipping Ravi Menon said. '
        "Dockers' Union general secretary Paul Brandt repeated that view."
    )
    titles = _titles(text)
    assert titles["Clara Voss"] == ["leader"]
    assert titles["Ravi Menon"] == ["minister for coastal shipping"]
    assert titles["Paul Brandt"] == ["general secretary"]


def test_leader_in_a_clause_before_a_name_is_no_title():
    text = "Noting that Norland is the leader in wind turbines, Ravi Menon added that talks would go on."
    assert _titles(text).get("Ravi Menon") == []


def test_a_name_broken_out_by_an_inline_link_is_joined_back():
    from kopru.intel.extract.reading import normalise_text

    text = normalise_text(
        "Later the minister met with\nLena Hart\n, chief executive officer of Norland Wind."
    )
    assert text == "Later the minister met with Lena Hart, chief executive officer of Norland Wind."
    assert _titles(text)["Lena Hart"] == ["chief executive officer"]


def test_events_programmes_laws_and_products_are_no_organisations():
    text = (
        "Norland Energy signed the deal at the Harbour Cities Forum for Shared Growth in Oslo. "
        "The turbines qualify under the Coastal Power Act. Norland Energy will also supply the Skyrider "
        "lander and the Kestrel Blade battery, and joined the Deep Orbit Services program (DOSP). "
        "The Deep Orbit Services program has four members."
    )
    orgs = _orgs(text)
    assert "Norland Energy" in orgs
    for wrong in ("Harbour Cities Forum for Shared Growth", "Coastal Power", "Skyrider", "Kestrel Blade"):
        assert wrong not in orgs


def test_honorifics_quotes_files_and_pairs_are_no_organisation_names():
    from kopru.intel.extract.entities import OrgRec, drop_false_orgs

    orgs = {
        name: OrgRec(name, "other", None, [(0, 1)])
        for name in (
            "Specialist Dr",
            "Volta Model e. “Our Model",
            "Volta-Plant-Capacity.avif",
            "Skyrider, Blue Harbour",
            "Volta’s EV",
            "Norland Export Council of the Ministry",
            "Volta Motors Co., Ltd.",
        )
    }
    drop_false_orgs("x" * 10, orgs, load())
    assert sorted(orgs) == ["Norland Export Council", "Volta Motors Co., Ltd."]


def test_sign_up_boxes_and_polls_leave_the_page():
    from kopru.intel.extract.reading import normalise_text

    page = (
        "The port opened a new berth on Monday after two years of building work.\n"
        "By signing up, I accept Harbour Media's\n"
        "Terms & Conditions\n"
        "HARBOUR POST POLL\n"
        "What is your budget for a holiday?\n"
        "Under 10,000 THB\n"
        "Over 60,000 THB"
    )
    assert normalise_text(page) == "The port opened a new berth on Monday after two years of building work."


def _places(text: str) -> list[str]:
    return [p["name"] for p in extract_text(text)["places"]]


def test_places_inside_names_of_bodies_and_people_are_no_places():
    text = (
        "Lisbon Harbour Authority signed a deal with Shanghai Automotive Industry Corp on Monday. "
        "Maria Alves, president of the Federal Reserve Bank of Boston, and Vo Van Linh attended. "
        "The Tacoma Star reported the deal."
    )
    places = _places(text)
    for wrong in ("Shanghai", "Boston", "Van", "Tacoma Star"):
        assert wrong not in places


def test_directions_celestial_bodies_state_abbreviations_and_spec_words_are_no_places():
    text = (
        "The agency wants to land on Mars by 2035, its office in Garden City, N.Y., said.\n"
        "Gravimetric energy density: 203 Wh/kg\n"
        "The two South-east Asian countries trade more. The battery plant in Harare opens in May."
    )
    places = _places(text)
    assert "Harare" in places
    for wrong in ("Mars", "N.Y.", "Gravimetric", "South-east"):
        assert wrong not in places


def test_military_ranks_are_titles_and_offices_are_no_people():
    text = (
        "The memorandum was exchanged by Retired Air Vice Marshal K.P. Ranil Perera, Secretary of Defence. "
        "(Photo courtesy of/President Secretariat Office)"
    )
    people = _people(text)
    assert "Air" not in people
    assert not any(name.endswith("Office") for name in people)


def test_headline_verbs_in_title_case_are_no_people():
    text = (
        "• Talks With the Harbour Board Chairman Scheduled for Tomorrow\n"
        "President Wraps Up Port Visit\n"
        "The president ended a two-day visit to the port on Friday and flew home."
    )
    assert _people(text) == []


def test_a_lower_case_title_ends_before_the_organisation_it_names():
    from kopru.intel.extract.coref import Person
    from kopru.intel.extract.entities import OrgRec
    from kopru.intel.extract.person_checks import tidy_positions

    people = [
        Person(
            "Lena Hart",
            positions=[{"title": "vice president of business development at Volta", "organization": None}],
        ),
        Person(
            "Ravi Menon",
            positions=[
                {"title": "president of the commercial broadcaster Harbour Media Group", "organization": None}
            ],
        ),
        Person("Li Wei", positions=[{"title": "former executive director for China", "organization": None}]),
        Person("Ana Alves", positions=[{"title": "Minister of Foreign Trade", "organization": None}]),
    ]
    orgs = {"Volta Motors": OrgRec("Volta Motors", "company", None, [(0, 5)], ["Volta"])}
    tidy_positions(people, orgs, {"China"})
    assert [p.positions[0] for p in people] == [
        {"title": "vice president of business development", "organization": "Volta Motors"},
        {"title": "president", "organization": "Harbour Media Group"},
        {"title": "former executive director for China", "organization": None},
        {"title": "Minister of Foreign Trade", "organization": None},
    ]


def test_a_brands_models_and_long_programme_names_are_no_organisations():
    from kopru.intel.extract.entities import OrgRec, drop_false_orgs

    text = (
        "Volta sells the Volta Nova Plus. Deep Orbit Lunar Services (DOLS) program; "
        "Deep Orbit Lunar Services."
    )
    orgs = {
        "Volta": OrgRec("Volta", "company", None, [(0, 5)]),
        "Volta Nova Plus": OrgRec("Volta Nova Plus", "other", None, [(16, 31)]),
        "Model Y": OrgRec("Model Y", "other", None, [(0, 1)]),
        "Deep Orbit Lunar Services": OrgRec("Deep Orbit Lunar Services", "other", None, [(33, 58), (74, 99)]),
        "DOLS": OrgRec("DOLS", "other", None, [(60, 64)]),
        "BAIC BJEV": OrgRec("BAIC BJEV", "company", None, [(0, 1)]),
    }
    drop_false_orgs(text, orgs, load())
    assert sorted(orgs) == ["BAIC BJEV", "Volta"]


def test_job_words_after_a_byline_name_become_its_title():
    result = extract_text(
        "By Ann Kowal Business Columnist\n\nThe harbour board met on Monday and approved the plan."
    )
    people = {p["name"]: [pos["title"] for pos in p["positions"]] for p in result["people"]}
    assert people == {"Ann Kowal": ["business columnist"]}


def test_a_name_cut_before_its_last_word_gets_it_back_from_the_speaker():
    from kopru.intel.extract.coref import Person
    from kopru.intel.extract.person_checks import extend_cut_names

    text = "The envoy, Arif Budi Santoso accompanied him. \u201cWe agree,\u201d Santoso said."
    person = Person("Arif Budi", mentions=[(11, 20)])
    extend_cut_names(text, [person], taken=[])
    assert person.name == "Arif Budi Santoso"
    assert [text[s:e] for s, e in person.mentions] == ["Arif Budi Santoso", "Santoso"]


def test_mastheads_are_media_organisations():
    text = (
        "The chain owns 30 newspapers including the Tacoma Herald, Fresno Courant and Dayton Star. "
        "The Observer reported on Sunday that the deal was close, and the Independent agreed."
    )
    result = extract_text(text)
    media = {o["name"] for o in result["organizations"] if o["kind"] == "media"}
    assert {"Tacoma Herald", "Fresno Courant", "Dayton Star", "Observer", "Independent"} <= media
    assert not {"Tacoma Herald", "Fresno Courant", "Dayton Star"} & {p["name"] for p in result["places"]}


def test_a_region_in_a_remit_stays_in_the_title():
    text = '"We will open two plants," said Lena Hart, Volta\'s president for Europe.'
    assert _titles(text)["Lena Hart"] == ["president for Europe"]


def test_one_body_in_two_cases_with_or_without_its_group_word_is_one_organisation():
    from kopru.intel.extract.entities import OrgRec, drop_false_orgs

    orgs = {
        "Norpetro": OrgRec("Norpetro", "company", None, [(0, 8)]),
        "NORPETRO Group": OrgRec("NORPETRO Group", "company", None, [(20, 34)]),
        "Norland Wind": OrgRec("Norland Wind", "company", None, [(40, 52)]),
    }
    drop_false_orgs("x" * 60, orgs, load())
    assert sorted(orgs) == ["Norland Wind", "Norpetro"]
    assert orgs["Norpetro"].surfaces == ["NORPETRO Group"]


def test_the_first_word_of_a_rank_is_no_person():
    from kopru.intel.extract.coref import Person
    from kopru.intel.extract.person_checks import drop_false_people

    text = "Exchanged by Retired Air Vice Marshal Ranil Perera, Secretary of Defence."
    people = [Person("Air", mentions=[(21, 24)]), Person("Ranil Perera", mentions=[(38, 50)])]
    drop_false_people(text, people, {})
    assert [p.name for p in people] == ["Ranil Perera"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("The deal was backed by home-grown unicorn Velmora and two pension funds.", "Velmora"),
        ("South Africa's biggest retail bank Tarsa said it was still in talks.", "Tarsa"),
        ("The state miner Korvath Mining raised output.", "Korvath Mining"),
    ],
)
def test_company_noun_before_a_single_word_name(text: str, name: str) -> None:
    """A sector noun ("unicorn", "retail bank", "miner") right before a capitalised name marks a company."""
    assert name in _orgs(text)


def test_one_word_list_mate_of_known_organisations() -> None:
    """An enumeration made mostly of organisations makes its remaining one-word item an organisation."""
    text = "The contracts went to Zentrova, Lockheed Martin, Intuitive Machines and Blue Origin last week."
    assert "Zentrova" in _orgs(text)


def test_list_mates_need_a_majority_of_known_organisations() -> None:
    text = "Visitors came from Zentrova, Paris, Lyon and Orvelle last week."
    orgs = _orgs(text)
    assert "Zentrova" not in orgs
    assert "Orvelle" not in orgs


def test_surname_spelled_like_a_function_word_stays_with_the_name() -> None:
    """ "Vietnam's top leader To Lam": NER keeps only "Lam"; the capitalised "To" after a lower-case word is
    the family name."""
    text = "Vietnam's top leader To Lam arrived in China on Sunday. Lam will meet President Xi Jinping."
    assert "To Lam" in _people(text)
    assert "Lam" not in _people(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("The two leaders met at Karsova's Great Hall of the People on Monday.", "Great Hall of the People"),
        ("Cranes stand next to containers at the Velmar Port on Monday.", "Velmar Port"),
        ("Protesters gathered in Orlan Square last night.", "Orlan Square"),
    ],
)
def test_named_site_after_a_preposition_is_a_place(text: str, name: str) -> None:
    assert name in _places(text)


def test_generic_site_description_is_no_place() -> None:
    assert "Presidential Palace" not in _places("The ministers met at the Presidential Palace on Monday.")


def test_initials_before_a_company_name_belong_to_it() -> None:
    orgs = _orgs("Shares of A.B. Korvath Holdings rose 5% on Monday.")
    assert "A.B. Korvath Holdings" in orgs
    assert "Korvath Holdings" not in orgs


def test_country_initials_stay_out_of_an_organisation_name() -> None:
    orgs = _orgs("The U.S. Velmor Securities Commission said on Monday that it would act.")
    assert not any(o.startswith("U.S.") for o in orgs)
