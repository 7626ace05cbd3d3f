import datetime as dt

import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.fx import Money
from kopru.invest.economics.incentives import estimate_incentives, find_province
from kopru.invest.economics.rule_tables import load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()
ON = dt.date(2024, 7, 8)


def test_all_81_provinces_in_six_regions():
    assert len(RULES.provinces) == 81
    counts = {region: sum(p.region == region for p in RULES.provinces) for region in range(1, 7)}
    assert counts == {1: 8, 2: 13, 3: 12, 4: 17, 5: 16, 6: 15}


@pytest.mark.parametrize("name", ["Manisa", "Mersin", "Samsun"])
def test_region_3_examples(name):
    assert find_province(RULES, name)[0].region == 3


def test_turkish_letters_fold_in_province_names():
    assert find_province(RULES, "IZMIR")[0].name == "İzmir"
    assert find_province(RULES, "sanliurfa")[0].region == 6
    assert find_province(RULES, "45")[0].name == "Manisa"


def test_large_scale_in_manisa_outside_an_oiz():
    estimate = estimate_incentives(RULES, "Manisa", "large_scale", ON, eligible_investment=Money(1e9, "USD"))
    assert estimate.region == 3
    assert estimate.rate("tax_reduction_rate") == 0.60
    assert estimate.rate("investment_contribution_rate") == 0.35
    contribution = next(line for line in estimate.lines if line.instrument == "investment_contribution_rate")
    assert contribution.amount == Money(350000000.0, "USD")
    assert contribution.row_id == "3305-large-contribution-outside-oiz"
    assert contribution.status == "verified"


def test_inside_an_oiz_the_next_region_rate_is_marked_unverified():
    estimate = estimate_incentives(RULES, "Manisa", "large_scale", ON, in_oiz=True)
    line = next(line for line in estimate.lines if line.instrument == "investment_contribution_rate")
    assert (line.rate, line.status) == (0.40, "unverified")


def test_strategic_scheme_contribution_is_50_percent_everywhere():
    assert (
        estimate_incentives(RULES, "İstanbul", "strategic", ON).rate("investment_contribution_rate") == 0.50
    )


def test_after_decree_9903_unknown_rates_are_null_not_guessed():
    estimate = estimate_incentives(RULES, "Manisa", "large_scale", dt.date(2025, 6, 1))
    assert estimate.scheme_id == "decree-9903"
    assert estimate.region is None
    assert [(line.rate, line.status) for line in estimate.lines] == [(None, "not_known"), (None, "not_known")]


def test_the_day_before_decree_9903_the_old_decree_applies():
    assert (
        estimate_incentives(RULES, "Manisa", "large_scale", dt.date(2025, 5, 29)).scheme_id
        == "decree-2012-3305"
    )


def test_hit30_capacity_grants_are_ceilings_per_capacity():
    estimate = estimate_incentives(
        RULES, "Manisa", "hit30", ON, capacity={"battery_mwh": 20000.0, "solar_cell_mw": 1000.0}
    )
    amounts = {line.row_id: line.amount for line in estimate.lines}
    assert amounts == {
        "hit30-battery-grant": Money(120000000.0, "USD"),
        "hit30-solar-cell-grant": Money(8000000.0, "USD"),
    }


def test_project_based_scheme_rates_are_not_known_and_threshold_is_noted():
    estimate = estimate_incentives(
        RULES, "Manisa", "project_based", ON, eligible_investment=Money(50_000_000.0, "USD")
    )
    assert [line.rate for line in estimate.lines] == [None, None]
    assert (
        Explanation(
            "incentives.below_threshold",
            {"scheme": "project-based-6745", "minimum": 100_000_000, "currency": "USD"},
        )
        in estimate.notes
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"province": "Atlantis"}, "province"),
        ({"scheme_type": "free_money"}, "scheme_type"),
        ({"on": dt.date(2010, 1, 1)}, "date"),
        ({"scheme_type": "hit30", "capacity": {"battery_mwh": -1.0}}, "capacity.battery_mwh"),
        ({"scheme_type": "hit30", "capacity": {"wind_mw": 1.0}}, "capacity.wind_mw"),
    ],
)
def test_bad_incentive_input_names_the_field(kwargs, field):
    arguments = {"province": "Manisa", "scheme_type": "large_scale", "on": ON, **kwargs}
    with pytest.raises(InputError) as error:
        estimate_incentives(RULES, **arguments)
    assert error.value.field == field
