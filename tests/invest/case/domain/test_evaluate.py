"""Domain: the canonical inputs, the evaluation of both routes, incentives filling the plant rates, and
the rule catalogue that every on-screen number links to."""

from __future__ import annotations

import pytest

from kopru.invest.case.domain.cases import input_changes
from kopru.invest.case.domain.charts import chart_data
from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.domain.evaluate import evaluate_case
from kopru.invest.case.domain.inputs import parse_inputs
from kopru.invest.case.domain.rulebook import cited_row_ids
from kopru.invest.economics.catalogue import find_rule_row, rule_rows
from kopru.invest.economics.distribution import npv_draws
from kopru.invest.economics.errors import InputError
from kopru.invest.economics.montecarlo import run_monte_carlo
from kopru.invest.economics.rule_tables import load_rules

pytestmark = [pytest.mark.unit]

RULES = load_rules()


def _evaluate(**changes):
    return evaluate_case(RULES, parse_inputs({**reference_inputs(), **changes}))


@pytest.mark.parametrize(
    ("date", "producer", "china", "turkiye_low_share"),
    [
        ("2024-06-01", "BYD", 0.10, 0.0),
        ("2024-08-01", "BYD", 0.274, 0.174),
        ("2024-08-01", "SAIC", 0.476, 0.376),
        ("2024-08-01", "other-cooperating", 0.308, 0.208),
        ("2025-01-01", "BYD", 0.27, 0.17),
        ("2025-01-01", "SAIC", 0.453, 0.353),
        ("2025-01-01", "other-cooperating", 0.307, 0.207),
    ],
)
def test_bev_china_against_turkiye_for_the_eu(date, producer, china, turkiye_low_share):
    result = _evaluate(date=date, producer=producer, destinations=["EU"], local_value_share=0.3)
    china_route, turkiye_route = result.destinations[0].routes
    assert (china_route.made_in, turkiye_route.made_in) == ("CN", "TR")
    assert china_route.access.ad_valorem_total == china
    assert turkiye_route.access.ad_valorem_total == turkiye_low_share
    assert turkiye_route.access.origin.risk.level == "high"
    high_share = _evaluate(date=date, producer=producer, destinations=["EU"], local_value_share=0.7)
    assert high_share.destinations[0].routes[1].access.ad_valorem_total == 0.0


def test_landed_cost_adds_freight_by_destination_and_component_duties():
    result = _evaluate(
        destinations=["FR"], component={"product": "li_ion_battery", "made_in": "CN", "value": 8000}
    )
    china_fr, turkiye_fr = result.destinations[0].routes
    assert [line.label for line in china_fr.cost.lines] == [
        "ex_works",
        "freight",
        "insurance",
        "duty:mfn",
        "duty:countervailing",
    ]
    assert china_fr.cost.customs_value == 30000 + 1600 + 60
    assert china_fr.cost.total == pytest.approx(31660 * 1.27)
    component = [line for line in turkiye_fr.cost.lines if line.label.startswith("component:")]
    assert [(line.label, line.row_id, line.amount.amount) for line in component] == [
        ("component:li_ion_battery:duty:mfn", "eu-mfn-850760", pytest.approx(216.0))
    ]


def test_turkiye_as_destination_uses_the_dated_additional_duty_and_its_minimum():
    result = _evaluate(date="2025-12-01", destinations=["TR"])
    china_tr, made_in_tr = result.destinations[0].routes
    assert [line.ref.row_id for line in china_tr.access.duties] == ["eu-mfn-8703", "tr-add-bev-nonfta-2025"]
    # 30 % of the CIF value (31,560 EUR) is below the USD 8,500 minimum at 1.0321 USD per EUR
    additional = china_tr.cost.lines[-1]
    assert additional.amount.amount == pytest.approx(max(0.30 * 31560, 8500 / 1.0321))
    assert made_in_tr.access.duties == ()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"product": "9999"}, "product"),
        ({"date": "2020-01-01"}, "date"),
        ({"date": "2025-12-01", "fx": None}, "fx"),
        ({"destinations": ["US"]}, "destination"),
        ({"component": {"product": "spaceship", "value": 5}}, "component.product"),
        ({"incentives": {"province": "Atlantis"}}, "incentives.province"),
    ],
)
def test_section_errors_name_their_field(changes, field):
    result = _evaluate(**changes)
    assert [error.field for error in result.errors] == [field]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": ""}, "date", "is required (YYYY-MM-DD: the rules in force that day apply)"),
        ({"local_value_share": 2}, "local_value_share", "2 is outside 0..1"),
        ({"ex_works": -1}, "ex_works", "must not be negative, got -1"),
        (
            {"destinations": []},
            "destinations",
            "choose at least one destination (EU, an EU member state or TR)",
        ),
        (
            {"freight_by_destination": {"DE": [1]}},
            "freight_by_destination.DE",
            "give two amounts: freight from the origin and from Türkiye",
        ),
        ({"draws": 100_001}, "draws", "must be 0..100,000 here (0 = no Monte Carlo), got 100001"),
        (
            {"fx": {"base": "EUR", "rates": {"USD": 1.1}}},
            "fx.as_of",
            "give the date the exchange rates were published",
        ),
        (
            {"fx": {"base": "EUR", "as_of": "2025-01-02", "rates": {"USD": -1}}},
            "fx.rates.USD",
            "rate must be positive, got -1.0",
        ),
        (
            {"ranges": {"capex": {"distribution": "uniform", "min": 5, "max": 1}}},
            "ranges.capex",
            "min 5 > max 1",
        ),
    ],
)
def test_parse_errors(changes, field, message):
    with pytest.raises(InputError) as caught:
        parse_inputs({**reference_inputs(), **changes})
    assert (caught.value.field, caught.value.message) == (field, message)


def test_plant_rates_come_from_the_incentive_rows_unless_given():
    result = _evaluate()
    assert result.plant_sources == {
        "tax_reduction_rate": "3305-large-tax-reduction",
        "investment_contribution_rate": "3305-large-contribution-outside-oiz",
    }
    assert (result.plant.inputs.tax_reduction_rate, result.plant.inputs.investment_contribution_rate) == (
        0.6,
        0.35,
    )
    plant = {**reference_inputs()["plant"], "tax_reduction_rate": 0.5}
    assert _evaluate(plant=plant).plant_sources == {
        "investment_contribution_rate": "3305-large-contribution-outside-oiz"
    }


def test_a_not_known_incentive_rate_is_an_error_not_a_zero():
    result = _evaluate(incentives={"province": "Manisa", "scheme_type": "large_scale", "date": "2025-06-01"})
    assert [(e.field, e.message) for e in result.errors] == [
        (
            "plant.tax_reduction_rate",
            "not known for decree-9903 (9903-tax-reduction); set plant.tax_reduction_rate explicitly",
        )
    ]
    assert [line.rate for line in result.incentives.lines] == [None, None]


def test_histogram_draws_match_the_monte_carlo_percentiles():
    result = _evaluate(draws=3000, seed=7)
    values = npv_draws(result.plant_inputs, result.inputs.ranges, 3000, 7)
    again = run_monte_carlo(result.plant_inputs, result.inputs.ranges, 3000, 7)
    assert sum(result.histogram.counts) == 3000
    assert again.percentiles["npv"]["p50"] == pytest.approx(
        float(sorted(values)[1499] + sorted(values)[1500]) / 2
    )


def test_charts_carry_rule_rows_and_end_at_the_landed_cost():
    result = _evaluate(destinations=["EU"])
    charts = chart_data(result)
    china = charts["waterfalls"][0]["data"]["steps"]
    assert [step["row_id"] for step in china] == [
        None,
        None,
        None,
        "eu-mfn-8703",
        "eu-cvd-bev-cn-definitive/BYD",
        None,
    ]
    assert china[-1]["to"] == pytest.approx(result.destinations[0].routes[0].cost.total, abs=0.01)
    assert len(charts["cashflow"]["years"]) == 20
    assert charts["tornado"]["bars"][0]["parameter"] == "price_per_unit"


def test_every_cited_row_exists_in_the_catalogue():
    result = _evaluate(date="2025-12-01", destinations=["EU", "TR"])
    rows = rule_rows(RULES)
    assert [row_id for row_id in cited_row_ids(result) if row_id not in rows] == []


def test_catalogue_rows_keep_not_known_and_dates():
    row = find_rule_row(RULES, "9903-contribution")
    assert (row.values["rate"], row.status, row.parent) == (None, "not_known", "decree-9903")
    group = find_rule_row(RULES, "eu-cvd-bev-cn-provisional/SAIC")
    assert (group.values["rate"], str(group.effective_from), str(group.effective_to)) == (
        0.376,
        "2024-07-05",
        "2024-10-29",
    )
    with pytest.raises(InputError):
        find_rule_row(RULES, "nope")


def test_input_changes_are_listed_by_dotted_path():
    old = {"date": "2025-01-01", "plant": {"capex": 1, "ramp_up": [0.5, 1]}}
    new = {"date": "2025-01-01", "plant": {"capex": 2, "ramp_up": [0.5, 1]}, "seed": 3}
    assert input_changes(old, new) == [("plant.capex", 1, 2), ("seed", None, 3)]
