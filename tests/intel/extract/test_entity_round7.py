"""Entity rules of round 7 (issue 10): nationalities before names, brand models and plurals that are no
organisations, more title shapes. Every sentence is written for these tests (no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _people(r: dict) -> dict[str, list[tuple[str, str | None]]]:
    return {p["name"]: [(pos["title"], pos["organization"]) for pos in p["positions"]] for p in r["people"]}


def _countries(r: dict) -> dict[str, str | None]:
    return {p["name"]: p["country"] for p in r["people"]}


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def test_nationality_before_a_name_gives_the_person_country():
    r = extract_text(
        "The rebels released Norwegian Henrik Dalen on Monday. British singers Ella Marsh and Tom Vale "
        "played in Leeds, while the UK entrepreneur Ravi Moss bought the club."
    )
    got = _countries(r)
    assert got.get("Henrik Dalen") == "NO"
    assert got.get("Ella Marsh") == "GB"
    assert got.get("Ravi Moss") == "GB"


def test_nationality_then_a_verb_is_no_nationality_of_the_name():
    r = extract_text("The Chinese side said Tom Vale would travel to Beijing next week.")
    assert _countries(r).get("Tom Vale") is None


def test_brand_models_and_plurals_are_no_organisations():
    r = extract_text(
        "MG Rover said on Monday that sales fell. Buyers still queue for Land Rovers and Range Rovers, "
        "and the new Ford Puma sold well. BMW said the Mini Convertible and the Mini One sold well, while "
        "Mercedes-Benz said its Mercedes-Benz E-class would get new software."
    )
    orgs = _orgs(r)
    assert {"MG Rover", "BMW", "Mercedes-Benz"} <= orgs
    assert (
        not {"Land Rovers", "Range Rovers", "Ford Puma", "Mini Convertible", "Mercedes-Benz E-class"} & orgs
    )


def test_undersecretary_of_state_is_one_title():
    r = extract_text("US Undersecretary of State Tom Hale met officials in Oslo on Monday.")
    assert _people(r)["Tom Hale"] == [("Undersecretary of State", None)]
    assert _countries(r)["Tom Hale"] == "US"


def test_lower_case_envoy_to_a_country_before_a_name():
    r = extract_text(
        "Another diplomat, former special envoy to Japan Tom Hale, changed his account. "
        "The ambassador to Norway, Ann Lee, said talks went well."
    )
    people = _people(r)
    assert people["Tom Hale"] == [("special envoy to Japan", None)]
    assert people["Ann Lee"] == [("ambassador to Norway", None)]
    assert _countries(r)["Tom Hale"] is None  # where the envoy serves is not the envoy's country


def test_a_company_unit_named_by_its_country_keeps_the_country():
    r = extract_text(
        "Both firms will set up a joint venture called Kestrel Pharma Indonesia. It will sell to "
        "Lumo Development (Thailand) Company Limited. The Chinese Enterprises Association in Norway "
        "welcomed the plan."
    )
    orgs = _orgs(r)
    assert {"Kestrel Pharma Indonesia", "Lumo Development (Thailand)"} <= orgs
    assert "Chinese Enterprises Association in Norway" in orgs
    assert not {"Kestrel Pharma", "Lumo Development", "Chinese Enterprises Association"} & orgs


def test_places_of_work_and_living_are_places_not_organisations():
    r = extract_text(
        "Kestrel Motors said cars produced at Brackwell rose 8%. Its plant on the outskirts of Dunmore "
        "hired 300 people, and wind farms will rise in coastal towns such as Porthcarrow."
    )
    orgs = _orgs(r)
    places = {p["name"] for p in r["places"]}
    assert not {"Brackwell", "Dunmore", "Porthcarrow"} & orgs
    assert {"Brackwell", "Porthcarrow"} <= places


def test_official_captain_and_strategist_before_or_after_a_name():
    r = extract_text(
        "Last week Treasury official Tom Hale spoke to lawmakers. Ann Lee, equity strategist at Lumo "
        "Capital, disagreed. Luhut said on his official Instagram account that talks went well."
    )
    people = _people(r)
    assert people["Tom Hale"] == [("official", "Treasury")] or people["Tom Hale"][0][0] == "official"
    assert people["Ann Lee"][0][0] == "equity strategist"
    assert "Instagram" not in people


def test_deals_lists_contests_and_headline_verbs_are_no_organisations():
    r = extract_text(
        "Kestrel Energy Announces Ohio Factory Expansion\n\n"
        "Kestrel Energy said the Ohio Factory Expansion would add 200 jobs. The firm joined the "
        "Founder-Friendly Investors List, and the Lumo-Harbor Joint Venture Awarded the contract is Lumo's."
    )
    orgs = _orgs(r)
    assert "Kestrel Energy" in orgs
    assert not {"Ohio Factory Expansion", "Founder-Friendly Investors List"} & orgs
    assert not any(o.endswith("Awarded") for o in orgs)


def test_country_from_the_body_of_a_post_and_a_counterpart():
    r = extract_text(
        "Tom Hale, United Arab Emirates vice president, met Ann Lee, his Danish counterpart, in Oslo. "
        "But Ola Berg, a board member of Norway's central bank, said so."
    )
    got = _countries(r)
    assert got["Tom Hale"] == "AE"
    assert _people(r)["Tom Hale"] == [("vice president", None)]
    assert got["Ann Lee"] == "DK"
    assert got["Ola Berg"] == "NO"


def test_the_country_an_envoy_is_sent_to_is_not_glued_to_the_name():
    r = extract_text(
        "Another diplomat, former special envoy to Ukraine Tomas Brekke, changed his account. Brekke "
        "said he met officials in Kyiv."
    )
    assert _people(r)["Tomas Brekke"] == [("special envoy to Ukraine", None)]
    assert not any("Brekke" in o for o in _orgs(r))


def test_abbreviated_ranks_before_names_are_titles():
    r = extract_text(
        "The late Sen. Tom Hale was held there. Lt. Col. Ola Berg testified on Tuesday, and Gov. Ann Lee "
        "signed the bill."
    )
    people = _people(r)
    assert people["Tom Hale"] == [("senator", None)]
    assert people["Ola Berg"] == [("lieutenant colonel", None)]
    assert people["Ann Lee"] == [("governor", None)]
