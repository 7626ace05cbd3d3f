"""Organisation hygiene, session 10: bodies named after people, developer shorthand, press-release headline
verbs. Every sentence is invented."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _names(text: str) -> tuple[list[str], list[str], list[str]]:
    result = extract_text(text)
    return (
        sorted(p["name"] for p in result["people"]),
        sorted(o["name"] for o in result["organizations"]),
        sorted(p["name"] for p in result["places"]),
    )


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The Atlanta-based Carter Center will send 24 election observers to the vote.", "Carter Center"),
        ("The Geneva-based Kofi Annan Foundation said it would monitor the ballot.", "Kofi Annan Foundation"),
        ("The Houston-based Baker Institute published the study on Monday.", "Baker Institute"),
    ],
)
def test_a_body_named_after_a_person_is_no_person(text, org):
    people, orgs, _places = _names(text)
    assert people == []
    assert org in orgs


def test_programming_languages_and_web_shorthand_are_neither_bodies_nor_places():
    text = (
        "Nordwell Software said its new SDK works with JavaScript, TypeScript and Python, and ships a CLI "
        "and a UI kit for React and Next.js apps built with HTML and CSS. Its CMS and DXP customers in Oslo "
        "cut their TCO by a third, the company said."
    )
    _people, orgs, places = _names(text)
    assert orgs == ["Nordwell Software"]
    assert places == ["Oslo"]


def test_a_press_release_headline_verb_is_not_part_of_the_company_name():
    text = (
        "Marlow Tidal Energy Corporation Collaborates with Brixham Controls on Island Grid\n\n"
        "Marlow Tidal Energy Corporation said on Monday it had signed an agreement with Brixham Controls "
        "to build a grid for the island."
    )
    _people, orgs, _places = _names(text)
    assert orgs == ["Brixham Controls", "Marlow Tidal Energy Corporation"]


def _positions(text: str) -> dict[str, list[tuple[str, str | None]]]:
    return {
        p["name"]: [(q["title"], q["organization"]) for q in p["positions"]]
        for p in extract_text(text)["people"]
    }


def test_a_titled_person_whose_surname_is_a_known_company_is_a_person():
    text = "Nippon Steel president Yutaka Takeda told reporters the talks had gone well."
    assert _positions(text) == {"Yutaka Takeda": [("president", "Nippon Steel")]}
    assert _names(text)[1] == ["Nippon Steel"]


def test_an_untitled_company_name_after_other_capitalised_words_stays_a_company():
    assert _names("Bantam Doubleday Dell said its sales rose 4 pct.")[0] == []


def test_a_body_run_into_the_remit_of_the_title_after_it_ends_where_the_title_begins():
    text = "EC Farm Commissioner Frans Andriessen said the plan would fail."
    assert _positions(text) == {"Frans Andriessen": [("Farm Commissioner", None)]}
    assert _names(text)[1] == ["EC"]


def test_a_party_before_a_party_post_keeps_its_name():
    text = "Sichuan Province Communist Party Secretary Wang Xiaohui met the delegation on Monday."
    assert _names(text)[1] == ["Sichuan Province Communist Party"]
