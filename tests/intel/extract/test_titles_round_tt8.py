"""Title rules of round tt8 (studied on half A of dev, checked on half B). Every sentence is written for these
tests (fictional names and bodies, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def test_occupations_of_courts_markets_and_academies_are_titles():
    text = (
        "John Miller, the trial judge in the dispute, told both firms to settle. "
        "Sarah Collins, an academician at the Norvex Academy of Sciences, expects more rain this year. "
        '"The yen will slide," said Peter Walsh, senior bond trader at Norvex Inc. '
        "Anna Berg, community outreach coordinator, left the company."
    )
    positions = positions_of(text)
    assert [t for t, _org in positions["John Miller"]] == ["trial judge"]
    assert positions["Sarah Collins"] == [("academician", "Norvex Academy of Sciences")]
    assert [t for t, _org in positions["Peter Walsh"]] == ["senior bond trader"]
    assert positions["Anna Berg"] == [("community outreach coordinator", None)]


def test_a_chief_judge_of_a_court():
    positions = positions_of(
        "Sarah Collins, chief judge of the Northern Court of Appeals, agreed to mediate."
    )
    assert positions["Sarah Collins"] == [("chief judge", "Northern Court of Appeals")]


def test_a_remit_before_at_its_body_stays_with_the_title():
    text = (
        '"This is a big week," said Sarah Collins, vice president of Deep Drilling Projects at Norvex '
        "Energy. "
        "John Miller, director of sales at Norvex Energy, agreed."
    )
    positions = positions_of(text)
    assert positions["Sarah Collins"] == [("vice president of Deep Drilling Projects", "Norvex Energy")]
    assert positions["John Miller"] == [("director of sales", "Norvex Energy")]


def test_a_lower_case_remit_before_a_body_named_with_its_owner():
    text = "John Miller, assistant director for mapping in Norvex's Polar Survey Directorate, spoke at noon."
    titles = [t for t, _org in positions_of(text)["John Miller"]]
    assert titles == ["assistant director for mapping"]


def test_a_body_named_after_a_title_still_leaves_it():
    positions = positions_of(
        "Sarah Collins, president of the regional broadcaster Harbour Media, said ratings rose."
    )
    assert positions["Sarah Collins"] == [("president", "Harbour Media")]


def test_a_capitalised_head_keeps_a_remit_with_the_and_lower_case_words():
    text = (
        '"Rates will fall," said John Miller, Co-Head of the Asian Credit sales desk at Norvex Bank. '
        "Sarah Collins, Head of Platform Solutions at Volta, said demand held."
    )
    positions = positions_of(text)
    assert positions["John Miller"] == [("Co-Head of the Asian Credit sales desk", "Norvex Bank")]
    assert positions["Sarah Collins"] == [("Head of Platform Solutions", "Volta")]


def test_an_institution_before_at_is_the_body_not_a_remit():
    text = (
        '"Help is coming," said Sarah Collins, director of the Levant Policy Institute at Norvex '
        "University. The deal was signed by Mr. John Miller, Vice President of the Kestrel Institute for "
        "Rural Growth."
    )
    positions = positions_of(text)
    assert [t for t, _org in positions["Sarah Collins"]] == ["director"]
    assert [t for t, _org in positions["John Miller"]] == ["Vice President"]


def test_a_name_starts_after_the_body_or_office_before_it():
    text = (
        "Kestrel's Deputy Chief of Staff Pavel Orlin, who led the delegation, told reporters the talks went "
        "well. Output doubled, spokeswoman of the World Copper Council Marta Vidal Ortega said. "
        '"We want calm," Director in the Kestrel Foreign Ministry Kenji Arata said.'
    )
    names = {p["name"] for p in extract_text(text)["people"]}
    assert {"Pavel Orlin", "Marta Vidal Ortega", "Kenji Arata"} <= names
    assert not {n for n in names if n.split()[0] in {"Staff", "Copper", "Council", "Ministry"}}
