"""Organisations and people, session 11 (helper org14): people named after a rank or a form of address, a
stock symbol in brackets after the shares it names, a company named with and without the city it is in.
Every sentence is invented."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

from .entity_checks import org_names as _orgs
from .entity_checks import people_names as _people

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Among the visitors was General Adewale Okonkwo, former army chief and presidential aspirant "
            "of the Unity Party.",
            "Adewale Okonkwo",
        ),
        (
            "The minister held talks with his Myanmar counterpart U Kyaw Lin on the sidelines of the "
            "meeting.",
            "Kyaw Lin",
        ),
        ("Co-Founder Damon Keller said the deal would close in May.", "Damon Keller"),
        (
            "Lt. Gen. Marcus Feld, the commander of the northern army, said the drills would continue.",
            "Marcus Feld",
        ),
    ],
)
def test_a_rank_or_form_of_address_is_no_part_of_the_name(text: str, person: str) -> None:
    assert _people(text) == [person]
    assert not any(person in name for name in _orgs(text))


def test_a_stock_symbol_after_the_shares_is_no_body() -> None:
    text = "The board will ask holders of its registered shares (VELN) to approve the dividend, Velnor said."
    assert "VELN" not in _orgs(text)


def test_a_company_named_with_and_without_its_city_is_one_body() -> None:
    text = "Shares of Ningbo Kelvor Motor rose on Monday. Kelvor Motor said its sales doubled."
    orgs = extract_text(text)["organizations"]
    assert len(orgs) == 1
    assert {orgs[0]["name"], *orgs[0]["aliases"]} == {"Ningbo Kelvor Motor", "Kelvor Motor"}


def test_a_rank_word_as_an_adjective_names_no_person() -> None:
    text = "The two leaders launched a Major Defense Partnership to deepen military ties."
    assert _people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Users can now turn on Edge Middleware in the settings of every project.",
        "Our partnership covers Cloud Computing, data and security for the agency.",
        "Brandt Tools will offer Metal Stamping, Welding and Assembly at the new plant.",
    ],
)
def test_a_thing_named_in_common_words_is_no_person(text: str) -> None:
    assert _people(text) == []
