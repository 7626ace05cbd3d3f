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
