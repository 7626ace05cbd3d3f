from __future__ import annotations

import pytest

from kopru.invest.matching import Capacity, Company, MatchingInputError, Opportunity, Weights
from kopru.invest.matching.loading import (
    company_from_dict,
    load_companies,
    load_judgements,
    load_opportunities,
    opportunity_from_dict,
)

pytestmark = pytest.mark.unit

GOOD_COMPANY = {
    "id": "c1",
    "name": "C",
    "hq_country": "cn",
    "sectors": ["Battery"],
    "export_markets": ["FR", "MENA"],
}


def test_company_from_dict_normalises_codes():
    company = company_from_dict({**GOOD_COMPANY, "capacities": [{"value": 2, "unit": "GW"}]})

    assert company == Company(
        id="c1",
        name="C",
        hq_country="CN",
        sectors=("battery",),
        export_markets=("EU", "MENA"),
        capacities=(Capacity(2, "GW"),),
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sectors": ["batery"]}, "company 'c1': field 'sectors': unknown sector 'batery'"),
        ({"sectors": "battery"}, "company 'c1': field 'sectors': expected a list, got the text 'battery'"),
        ({"hq_country": "China"}, "company 'c1': field 'hq_country': 'China' is not an ISO 3166-1 alpha-2"),
        ({"export_markets": ["Mars"]}, "company 'c1': field 'export_markets': unknown market 'Mars'"),
        ({"revenue_musd": -5}, "company 'c1': field 'revenue_musd': -5 is not a non-negative number"),
        ({"investment_modes": ["merger"]}, "company 'c1': field 'investment_modes': unknown kind 'merger'"),
        (
            {"capacities": [{"value": 2, "unit": "GWh/year"}]},
            "company 'c1': capacity: field 'unit': unknown unit",
        ),
        (
            {"capacities": [{"value": 0, "unit": "GW"}]},
            "company 'c1': capacity: field 'value': 0 is not a positive",
        ),
        ({"colour": "red"}, "company 'c1': unknown field(s) 'colour'"),
    ],
)
def test_bad_company_fields_are_named(change, message):
    with pytest.raises(MatchingInputError) as error:
        company_from_dict({**GOOD_COMPANY, **change})
    assert str(error.value).startswith(message)


def test_missing_required_field_is_named():
    with pytest.raises(MatchingInputError, match=r"company 'c1': .*missing 1 required .*'hq_country'"):
        company_from_dict({"id": "c1", "name": "C", "sectors": []})


def test_bad_opportunity_fields_are_named():
    base = {"id": "o1", "title": "T", "sectors": ["wind"], "kind": "greenfield"}
    with pytest.raises(MatchingInputError, match="opportunity 'o1': field 'kind': unknown kind 'factory'"):
        opportunity_from_dict({**base, "kind": "factory"})
    with pytest.raises(MatchingInputError, match="opportunity 'o1': field 'capacity': expected"):
        opportunity_from_dict({**base, "capacity": 300})
    assert opportunity_from_dict({**base, "capacity": {"value": 3, "unit": "GW/yr"}}) == Opportunity(
        id="o1", title="T", sectors=("wind",), kind="greenfield", capacity=Capacity(3, "GW/yr")
    )


def test_missing_file_and_bad_yaml_are_reported(tmp_path):
    with pytest.raises(MatchingInputError, match="file not found"):
        load_companies(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("companies: [unclosed\n", encoding="utf-8")
    with pytest.raises(MatchingInputError, match="not valid YAML"):
        load_companies(bad)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("opportunities: {}\n", encoding="utf-8")
    with pytest.raises(MatchingInputError, match="expected a top-level 'opportunities:' list"):
        load_opportunities(wrong)


def test_judgement_grades_must_be_0_to_3(tmp_path):
    path = tmp_path / "judgements.yaml"
    path.write_text(
        "companies_for_opportunity: {o1: {c1: 4}}\nopportunities_for_company: {}\n", encoding="utf-8"
    )
    with pytest.raises(MatchingInputError, match=r"companies_for_opportunity\.o1\.c1: grade 4 is not 0-3"):
        load_judgements(path)


def test_weights_parse_and_validate():
    assert Weights.parse("lexical=0.5, kind=0") == Weights(lexical=0.5, kind=0.0)
    with pytest.raises(MatchingInputError, match="'colour=1' is not FEATURE=NUMBER"):
        Weights.parse("colour=1")
    with pytest.raises(MatchingInputError, match="weights: field 'sector': 'lots' is not a number"):
        Weights.parse("sector=lots")
    with pytest.raises(MatchingInputError, match=r"weights: field 'size': -1\.0 must not be negative"):
        Weights.parse("size=-1")


def test_shipped_evaluation_set_is_big_enough_and_consistent():
    companies, opportunities, judgements = load_companies(), load_opportunities(), load_judgements()

    assert len(companies) >= 40
    assert len(opportunities) >= 30
    company_ids = {company.id for company in companies}
    opportunity_ids = {opportunity.id for opportunity in opportunities}
    assert set(judgements.companies_for_opportunity) == opportunity_ids  # every opportunity is judged
    for graded in judgements.companies_for_opportunity.values():
        assert set(graded) <= company_ids
    assert set(judgements.opportunities_for_company) <= company_ids
    assert len(judgements.opportunities_for_company) >= 15
