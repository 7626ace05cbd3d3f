"""Event parties of helper round ev8: whoever a body partners, allies or signs a memorandum with is a body
(a name no finder took becomes an organisation, and the pact names it). Sentences written for these tests
(fictional companies)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from tests.intel.extract.event_checks import events_of

pytestmark = pytest.mark.unit


def _orgs(text: str) -> set[str]:
    return {o["name"] for o in extract_text(text)["organizations"]}


def _agreements(text: str) -> list[set[str]]:
    return [p for t, _s, p in events_of(text) if t == "agreement"]


def test_a_name_partnered_with_is_an_organisation_and_a_party():
    text = "Saha Group partners with B.Grimm to enhance sustainability in Rama 3."
    assert "B.Grimm" in _orgs(text)
    assert {"Saha Group", "B.Grimm"} in _agreements(text)


def test_a_partnership_announced_with_an_unknown_name_names_it():
    text = "Norvale Media announced a partnership with Quiver Media to develop a travel portal."
    assert "Quiver Media" in _orgs(text)
    assert {"Norvale Media", "Quiver Media"} in _agreements(text)


def test_every_name_of_a_coordinated_partner_list_is_an_organisation():
    text = "Norvale Media has partnered with Le Monde and Prisa Media to bring news to its users."
    assert {"Le Monde", "Prisa Media"} <= _orgs(text)
    assert any({"Norvale Media", "Le Monde", "Prisa Media"} <= p for p in _agreements(text))


def test_later_mentions_of_a_partner_are_the_same_organisation():
    text = (
        "Norvale Corp is partnering with Cerebras to add compute to its platform. Cerebras builds fast chips."
    )
    orgs = extract_text(text)["organizations"]
    cerebras = [o for o in orgs if o["name"] == "Cerebras"]
    assert len(cerebras) == 1 and len(cerebras[0]["mentions"]) == 2


def test_countries_demonyms_and_descriptions_after_with_are_not_organisations():
    text = (
        "Norvale Bank signed an MoU with Japanese lenders last year and later partnered with India on "
        "payments, the bank said."
    )
    orgs = _orgs(text)
    assert "Japanese" not in orgs and "India" not in orgs


def _investments(text: str) -> list[set[str]]:
    return [p for t, _s, p in events_of(text) if t == "investment"]


def test_a_company_bought_by_another_in_the_passive_is_an_investment():
    text = "Former long-distance giant Vexa Telecom was bought by former subsidiary Quint Networks last year."
    assert {"Vexa Telecom", "Quint Networks"} in _investments(text)


def test_shares_bought_by_unnamed_investors_are_no_investment():
    assert _investments("Norvale shares were bought by investors on Monday after the results.") == []


def test_a_part_of_a_company_bought_names_the_company():
    text = "The other two-thirds of Quint Brewing was bought by market leader Norvale Corp."
    assert any({"Quint Brewing", "Norvale"} <= p for p in _investments(text))
