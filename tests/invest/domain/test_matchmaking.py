"""Ranked matches on the company and opportunity pages: the engine over the records in the database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kopru.core.enums import Visibility
from kopru.invest.domain.matchmaking import (
    clear_cache,
    companies_for_opportunity,
    current_index,
    opportunities_for_company,
)
from kopru.invest.economics.explanations import Explanation
from tests.factories import CompanyProfileFactory, OpportunityFactory, OrganisationFactory, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _fresh_index():
    clear_cache()
    yield
    clear_cache()


def _company(name, country, sectors, text, tags, **fields):
    organisation = OrganisationFactory(name=name, country_id=country, description=text)
    organisation.sectors.set([sector(code) for code in sectors])
    return CompanyProfileFactory(organisation=organisation, tags=tags, **fields)


@pytest.fixture
def catalogue():
    cells = OpportunityFactory(
        title="Lithium-ion battery cell gigafactory in Manisa OIZ",
        description="Serviced parcel for LFP cell production with EU access under the Customs Union.",
        tags=["battery cell", "gigafactory", "LFP"],
        sectors=[sector("battery")],
        capex_musd=Decimal("1500"),
        capacity_value=20,
        capacity_unit="GWh/yr",
        target_markets=["EU"],
        in_oiz=True,
    )
    vaccines = OpportunityFactory(
        title="Vaccine fill-finish partner in Kocaeli",
        kind="jv_partner",
        province="Kocaeli",
        description="GMP fill and finish line for vaccines.",
        tags=["vaccine", "fill-finish"],
        sectors=[sector("vaccines")],
    )
    hidden = OpportunityFactory(
        title="Internal: second battery cell site",
        tags=["battery cell"],
        sectors=[sector("battery")],
        visibility=Visibility.INTERNAL,
        owner_side="TR",
    )
    ningtai = _company(
        "Ningtai Battery",
        "CN",
        ["battery"],
        "Maker of LFP and NMC lithium-ion battery cells in gigafactories.",
        ["battery cell", "LFP", "gigafactory"],
        revenue_musd=Decimal("50000"),
        capacities=[{"value": 400, "unit": "GWh/yr"}],
        export_markets=["EU"],
        investment_modes=["greenfield"],
    )
    sinobio = _company(
        "Sinobio",
        "CN",
        ["vaccines"],
        "Vaccine developer with fill-finish plants.",
        ["vaccine", "fill-finish"],
        investment_modes=["jv_partner"],
    )
    domestic = _company("Anadolu Batarya", "TR", ["battery"], "Turkish battery cell maker.", ["battery cell"])
    return {
        "cells": cells,
        "vaccines": vaccines,
        "hidden": hidden,
        "ningtai": ningtai,
        "sinobio": sinobio,
        "domestic": domestic,
    }


def test_the_battery_maker_ranks_first_for_the_cell_site_with_reasons(cast, catalogue):
    matches, note = companies_for_opportunity(catalogue["cells"], cast.staff_a)
    assert note == ""
    ranked = [m.record for m in matches]
    assert ranked[0] == catalogue["ningtai"]
    assert catalogue["domestic"] not in ranked  # the host country's own firms are excluded
    assert matches[0].score > matches[-1].score or len(matches) == 1
    assert Explanation("match.sector_match", {"sectors": ("battery",)}) in matches[0].messages
    assert 0 < matches[0].score <= 1


def test_opportunities_for_a_company_respect_what_the_user_may_read(cast, catalogue):
    for_staff_a, _ = opportunities_for_company(catalogue["ningtai"], cast.staff_a)
    for_staff_b, _ = opportunities_for_company(catalogue["ningtai"], cast.staff_b)
    assert {m.record for m in for_staff_a[:2]} == {catalogue["cells"], catalogue["hidden"]}
    assert catalogue["hidden"] not in [m.record for m in for_staff_b]
    assert catalogue["cells"] == for_staff_b[0].record


def test_a_profile_without_hq_country_gets_a_reason_instead_of_a_crash(cast, catalogue):
    profile = _company("Mystery Ltd", None, ["battery"], "cells", ["battery cell"])
    matches, note = opportunities_for_company(profile, cast.staff_a)
    assert matches == []
    assert "hq_country" in note


def test_the_index_is_cached_until_a_record_changes(cast, catalogue):
    first, _ = current_index()
    assert current_index()[0] is first
    catalogue["vaccines"].title = "Vaccine and biologics fill-finish partner in Kocaeli"
    catalogue["vaccines"].save()
    assert current_index()[0] is not first


def test_the_api_gives_the_reasons_in_words_of_the_request_language(client, cast, catalogue):
    client.force_login(cast.staff_a)
    url = f"/api/invest/opportunities/{catalogue['cells'].pk}/matches"
    english = client.get(url).json()[0]["reasons"]
    turkish = client.get(url, HTTP_ACCEPT_LANGUAGE="tr").json()[0]["reasons"]
    battery = sector("battery")
    assert f"same sector: {battery.name}" in english
    assert f"aynı sektör: {battery.name_tr or battery.name}" in turkish
    assert not [reason for reason in english + turkish if "match." in reason]
