"""Title rules of round tt8 (studied on half A of dev, checked on half B). Every sentence is written for these
tests (fictional names and bodies, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _positions(text: str) -> dict[str, list[tuple[str, str | None]]]:
    return {
        p["name"]: [(x["title"], x["organization"]) for x in p["positions"]]
        for p in extract_text(text)["people"]
    }


def test_occupations_of_courts_markets_and_academies_are_titles():
    text = (
        "John Miller, the trial judge in the dispute, told lawyers to settle. "
        "According to Sarah Collins, an academician at the Norvex Academy of Engineering, the metals are "
        'scattered. "Dollars fall," said Peter Walsh, senior foreign exchange trader at Norvex Inc. '
        "Anna Berg, corporate affairs coordinator, retired."
    )
    positions = _positions(text)
    assert [t for t, _org in positions["John Miller"]] == ["trial judge"]
    assert positions["Sarah Collins"] == [("academician", "Norvex Academy of Engineering")]
    assert [t for t, _org in positions["Peter Walsh"]] == ["senior foreign exchange trader"]
    assert positions["Anna Berg"] == [("corporate affairs coordinator", None)]


def test_a_chief_judge_of_a_court():
    positions = _positions("Sarah Collins, chief judge of the Northern Court of Appeals, agreed to mediate.")
    assert positions["Sarah Collins"] == [("chief judge", "Northern Court of Appeals")]


def test_a_remit_before_at_its_body_stays_with_the_title():
    text = (
        '"It is exciting," said Sarah Collins, vice president of Advanced Orbit Programs at Norvex Space. '
        '"We are going." John Miller, director of sales at Norvex Space, agreed.'
    )
    positions = _positions(text)
    assert positions["Sarah Collins"] == [("vice president of Advanced Orbit Programs", "Norvex Space")]
    assert positions["John Miller"] == [("director of sales", "Norvex Space")]


def test_a_lower_case_remit_before_a_body_named_with_its_owner():
    text = (
        '"We saw a need," John Miller, deputy associate administrator for exploration in Norvex\'s Lunar '
        "Science Directorate, said in a call."
    )
    titles = [t for t, _org in _positions(text)["John Miller"]]
    assert titles == ["deputy associate administrator for exploration"]


def test_a_body_named_after_a_title_still_leaves_it():
    positions = _positions(
        "Sarah Collins, president of the commercial broadcaster Harbour Media, said ratings rose."
    )
    assert positions["Sarah Collins"] == [("president", "Harbour Media")]


def test_a_capitalised_head_keeps_a_remit_with_the_and_lower_case_words():
    text = (
        '"Dollars fall," said John Miller, Co-Head of the Global FX Strategy research team at Norvex Bank. '
        '"Rates rise." Sarah Collins, Head of Platform Solutions at Volta, said demand held.'
    )
    positions = _positions(text)
    assert positions["John Miller"] == [("Co-Head of the Global FX Strategy research team", "Norvex Bank")]
    assert positions["Sarah Collins"] == [("Head of Platform Solutions", "Volta")]


def test_an_institution_before_at_is_the_body_not_a_remit():
    text = (
        '"Support is coming," said Sarah Collins, director of the Levant Policy Institute at Norvex '
        "University. "
        "The deal was signed by Mr. John Miller, Vice President of the Kestrel Institute for Startup Growth."
    )
    positions = _positions(text)
    assert [t for t, _org in positions["Sarah Collins"]] == ["director"]
    assert [t for t, _org in positions["John Miller"]] == ["Vice President"]
