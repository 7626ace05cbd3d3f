"""Entity rules of round 8 (issue 10), from a precision review of fresh text: a headline's verb run into a
name, phrases and dates read as organisations, towns before a US state's abbreviation, a parenthesis over
a bulleted list read as a wire's credit. Every sentence is written for these tests (no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _people(r: dict) -> set[str]:
    return {p["name"] for p in r["people"]}


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def _places(r: dict) -> set[str]:
    return {p["name"] for p in r["places"]}


def test_a_headline_verb_before_the_subject_is_no_part_of_a_name():
    r = extract_text(
        "Minister Joins Harbour Cleanup Festival in Port Varo\n\n"
        "The minister of fisheries, Dara Molen, walked along the beach with volunteers on Sunday. "
        "Molen said the clean-up would become a yearly event."
    )
    people = _people(r)
    assert not any(name.startswith("Joins") for name in people)
    assert "Dara Molen" in people


def test_a_headline_verb_after_a_name_is_cut_when_the_text_has_the_bare_name():
    r = extract_text(
        "Senator Hal Brenner Unveils Budget Plan For Rural Clinics\n\n"
        "Hal Brenner, a senator from the northern district, presented the plan to reporters. "
        "Brenner said clinics would get more nurses."
    )
    people = _people(r)
    assert "Hal Brenner" in people
    assert not any("Unveils" in name for name in people)


def test_a_name_in_a_short_capitalised_list_line_keeps_its_title():
    r = extract_text(
        "The guests included:\n\n"
        "   _ Lakeview, N.Y., Mayor Tom Hadley;\n\n"
        "   _ Former Rep. Ann Korwin, R-Ohio.\n\n"
        "Tom Hadley said the meeting was useful; his email is thadley@example.org."
    )
    assert "Tom Hadley" in _people(r)


def test_a_phrase_ending_in_a_lower_case_word_is_no_organisation():
    r = extract_text(
        "**Brava City Car (standard version)**\n"
        "- battery: 31 kWh\n"
        "- range: 300 km\n\n"
        "**Brava City Car (May 2024)**\n"
        "- battery: 41 kWh\n"
    )
    orgs = _orgs(r)
    assert "standard version" not in orgs
    assert "May 2024" not in orgs


def test_a_town_before_a_us_state_abbreviation_is_a_place_not_an_organisation():
    r = extract_text(
        "Drivers paid less for fuel this week in Pinecrest, Ark., in Harlow, NC, and in Dunmore, TX, "
        "according to the survey by the Motorists Club."
    )
    orgs = _orgs(r)
    for name in ("Pinecrest", "Harlow", "Dunmore", "NC", "TX"):
        assert name not in orgs


def test_a_dated_wire_credit_still_names_the_publisher():
    r = extract_text(
        "LISBON, March 3 (Atlantic Wire) - The port authority said on Monday that it would dredge the "
        "northern channel next year."
    )
    assert "Atlantic Wire" in _orgs(r)


def test_a_position_body_ends_before_the_next_persons_name():
    r = extract_text(
        "The meeting was attended by the President’s Senior Advisor Tomas Ilvane, Chairman of Coral Airways "
        "Denis Arlo along with several senior officials of the airline."
    )
    bodies = {
        pos["organization"]
        for p in r["people"]
        for pos in p["positions"]
        if pos["organization"] and "Coral Airways" in pos["organization"]
    }
    assert bodies, r["people"]
    assert all("Denis" not in body and "along" not in body for body in bodies)


def test_a_brand_and_its_model_is_neither_a_person_nor_an_organisation():
    r = extract_text(
        "The carmaker Korvo showed the KVM Silver Fox at the fair. Korvo said the Korvo Dune EV has a bigger "
        "battery, and developers can use the Korvo Fleet SDK to read its data."
    )
    assert "KVM Silver Fox" not in _people(r)
    assert "Korvo Dune EV" not in _people(r) | _orgs(r)
    assert "Korvo Fleet SDK" not in _orgs(r)


def test_a_title_case_headline_phrase_ending_in_a_common_noun_is_no_organisation():
    r = extract_text(
        "Governor Ordered Officials to Promptly Repair the Bridges and Drainage System in Velmora\n\n"
        "The governor told officials on Monday that the bridges must be repaired before the rains. Engineers "
        "will inspect the drainage system next week."
    )
    assert not any("Promptly" in name for name in _orgs(r))


def test_a_rank_alone_is_no_persons_name():
    r = extract_text(
        "The ceremony was attended by Deputy Minister of Defence Major General (Retd) Tilan Ravel, Secretary "
        "to the Ministry of Defence Rear Admiral (Retd) Oskar Menn and other officers."
    )
    people = _people(r)
    assert "Major General" not in people
    assert "Tilan Ravel" in people


def test_a_citation_with_et_al_is_no_person():
    r = extract_text(
        "| Model | Bits per byte |\n"
        "| --- | --- |\n"
        "| Dense Mixer (Varga et al, 2018) | 1.06 |\n"
        "| Pixel Grid (Ostrand et al., 2017) | 2.85 |\n"
        "| Our model | 0.99 |\n"
    )
    assert not any(name.endswith(" et") for name in _people(r))
