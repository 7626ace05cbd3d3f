"""Entity rules of round 6 (issue 10): well-known companies NER misses, lower-case titles in more shapes,
contributor lines, merger and shareholder words for the investment sector. Every sentence is written for
these tests (no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _people(r: dict) -> dict[str, list[tuple[str, str | None]]]:
    return {p["name"]: [(pos["title"], pos["organization"]) for pos in p["positions"]] for p in r["people"]}


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def _sectors(r: dict) -> set[str]:
    return {s["code"] for s in r["sectors"]}


def test_well_known_single_word_companies_are_organisations():
    r = extract_text(
        "Gazprom said on Tuesday that profits rose. Shares of Diageo fell 2% in London.\n\n"
        "Netflix, the streaming company, added ten million subscribers, while Novartis kept its forecast."
    )
    assert {"Gazprom", "Diageo", "Netflix", "Novartis"} <= _orgs(r)
    assert not r["people"]


def test_parent_and_unit_stay_two_organisations():
    r = extract_text(
        "Alphabet said its unit Google would work with Amazon Web Services (AWS) on the project."
    )
    assert {"Alphabet", "Google", "Amazon Web Services"} <= _orgs(r)


def test_sentence_case_title_opening_a_sentence():
    r = extract_text(
        "Creditors met on Monday. Chief executive Harald Vossberg stepped down last week.\n\n"
        "Sales fell in March. Senior analyst Mia Rothko said demand was weak."
    )
    people = _people(r)
    assert ("chief executive", None) in people["Harald Vossberg"]
    assert people["Mia Rothko"] == [("senior analyst", None)]


def test_a_name_before_a_title_is_no_capital_of_the_sentence():
    r = extract_text("Tarvo chief Aleksei Mirin confirmed the unit was not part of the deal.")
    titles = [t for t, _o in _people(r)["Aleksei Mirin"]]
    assert "chief" in titles and "tarvo chief" not in titles


def test_title_in_a_relative_clause_and_one_word_company_before_it():
    r = extract_text("Piet Holmgren, who will remain as Brackwell chief executive, said the offer was fair.")
    assert ("chief executive", "Brackwell") in _people(r)["Piet Holmgren"]


def test_general_counsel_after_a_possessive():
    r = extract_text("Lena Oskarsson, Brandvik's general counsel, told analysts the settlement was final.")
    assert ("general counsel", "Brandvik") in _people(r)["Lena Oskarsson"]


def test_contributor_line_names_reporters():
    r = extract_text(
        "The senators met on Monday and agreed on the plan.\n\n"
        "Associated Press writers Ann Lesky, Tom Harrow and Ole Bergqvist contributed to this report."
    )
    people = _people(r)
    for name in ("Ann Lesky", "Tom Harrow", "Ole Bergqvist"):
        assert ("reporter", None) in people[name]


def test_a_list_of_writers_without_contributed_is_no_contributor_line():
    r = extract_text("The prize went to writers Ann Lesky and Tom Harrow for their novels about the sea.")
    assert all(("reporter", None) not in v for v in _people(r).values())


def test_merger_and_shareholders_are_investment():
    r = extract_text(
        "Two department store chains agreed a merger on Monday.\n\n"
        "Shareholders of both groups will vote on the deal in May."
    )
    assert "investment" in _sectors(r)


def test_sector_words_in_another_sense_are_no_evidence():
    r = extract_text(
        "The ministers met in Lisbon on Monday. The dispute is certain to cloud relations further.\n\n"
        "The state will allow foreigners to trade in Tarvo shares, and the trade union objected.\n\n"
        "Viewers in metro Atlanta tuned in, and the new station will run two gas turbines."
    )
    assert not {"cloud", "trade", "rail", "wind"} & _sectors(r)


def test_sector_words_in_their_own_sense_still_count():
    r = extract_text(
        "The two countries agreed to expand trade relations and cloud services.\n\n"
        "Both sides want to trade more goods, and a new wind farm will use twenty turbines."
    )
    assert {"trade", "cloud", "wind"} <= _sectors(r)


def test_portfolio_before_a_minister_or_commissioner_is_part_of_the_title():
    r = extract_text(
        "Agriculture and Cooperatives Minister Tharin Wongsakul presided over the ceremony in Bangkok.\n\n"
        "State-Owned Enterprise Minister Ardi Sutomo said the plan was ready.\n\n"
        "EU Trade Commissioner Piet Vandermolen said the talks would begin in May."
    )
    people = _people(r)
    assert [t for t, _o in people["Tharin Wongsakul"]] == ["Agriculture and Cooperatives Minister"]
    assert [t for t, _o in people["Ardi Sutomo"]] == ["State-Owned Enterprise Minister"]
    assert [t for t, _o in people["Piet Vandermolen"]] == ["Trade Commissioner"]


def test_then_before_a_lower_case_title_is_no_part_of_it():
    r = extract_text(
        "In 2019 he told the country's then-foreign minister Karim Haddad that the plan was sound."
    )
    assert [t for t, _o in _people(r)["Karim Haddad"]] == ["foreign minister"]


def test_an_item_of_a_list_of_places_is_no_organisation():
    r = extract_text(
        "The new line will link Chiang Mai, Borvilla and Khon Kaen, the agency said.\n\n"
        "Parking areas in Khon Kaen and Tharavong will be expanded."
    )
    assert not {"Borvilla", "Tharavong"} & _orgs(r)


def test_companies_in_a_list_with_a_country_stay_companies():
    r = extract_text("Tesla, Ford and Volkswagen all sell cars in China and Japan.")
    assert {"Tesla", "Ford", "Volkswagen"} <= _orgs(r)


def test_publishers_cited_by_name_are_organisations_not_people():
    r = extract_text(
        "Axel Springer signed a content deal with the lab on Monday, Bloomberg News reported.\n\n"
        "The agreement was first reported by The New York Times."
    )
    assert {"Axel Springer", "Bloomberg", "The New York Times"} <= _orgs(r)
    assert "Axel Springer" not in _people(r)


def test_british_plural_telecoms_is_telecom():
    r = extract_text(
        "The US telecoms market is consolidating fast.\n\nTwo telecoms firms agreed a merger on Monday."
    )
    assert "telecom" in _sectors(r)


def test_second_post_in_an_apposition_with_its_own_body():
    r = extract_text(
        "Ke Tianliang, chairman of Harbin Rail Limited and president of the Chinese Business Association, "
        "spoke at the ceremony."
    )
    posts = _people(r)["Ke Tianliang"]
    assert ("chairman", "Harbin Rail") in posts
    assert ("president", "Chinese Business Association") in posts


def test_lawyer_before_a_name_is_a_title():
    r = extract_text("The channel was led by the president's lawyer Rudi Galvani, officials said.")
    assert [t for t, _o in _people(r)["Rudi Galvani"]] == ["lawyer"]
