import dataclasses

import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.montecarlo import Range, ranges_from_dict, run_monte_carlo, tornado
from kopru.invest.economics.plant import PlantInputs, evaluate_plant

pytestmark = pytest.mark.unit

BASE = PlantInputs(
    currency="USD",
    horizon_years=10,
    discount_rate=0.10,
    capex=1000.0,
    capex_phasing=(0.5, 0.5),
    first_production_year=2,
    ramp_up=(0.5, 1.0),
    capacity_units_per_year=100.0,
    price_per_unit=10.0,
    variable_cost_per_unit=6.0,
    fixed_cost_per_year=50.0,
    corporate_tax_rate=0.25,
    depreciation_years=8,
)
RANGES = {
    "price_per_unit": Range("triangular", 9.0, 12.0, 10.0),
    "capex": Range("uniform", 900.0, 1200.0),
}


def test_same_seed_same_result_and_another_seed_differs():
    first = run_monte_carlo(BASE, RANGES, 5000, seed=42).to_dict()
    assert run_monte_carlo(BASE, RANGES, 5000, seed=42).to_dict() == first
    assert run_monte_carlo(BASE, RANGES, 5000, seed=43).to_dict()["percentiles"] != first["percentiles"]


def test_percentiles_are_ordered_and_bracket_the_base_case():
    result = run_monte_carlo(BASE, RANGES, 20000, seed=1)
    npv = result.percentiles["npv"]
    assert npv["p10"] < npv["p50"] < npv["p90"]
    assert npv["p10"] < round(evaluate_plant(BASE).npv, 2) < npv["p90"]
    assert result.draws == 20000


def test_zero_width_ranges_reproduce_the_deterministic_npv():
    fixed = {"price_per_unit": Range("triangular", 10.0, 10.0, 10.0)}
    result = run_monte_carlo(BASE, fixed, 100, seed=3)
    assert result.percentiles["npv"]["p50"] == round(evaluate_plant(BASE).npv, 2)
    assert result.probability_npv_negative == float(evaluate_plant(BASE).npv < 0)


def test_tornado_bars_equal_one_at_a_time_evaluations_widest_first():
    bars = tornado(BASE, RANGES)
    assert [bar.parameter for bar in bars] == ["price_per_unit", "capex"]
    assert round(bars[0].npv_at_low, 6) == round(
        evaluate_plant(dataclasses.replace(BASE, price_per_unit=9.0)).npv, 6
    )
    assert round(bars[1].npv_at_high, 6) == round(
        evaluate_plant(dataclasses.replace(BASE, capex=1200.0)).npv, 6
    )


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"capex": {"distribution": "uniform", "min": 2.0, "max": 1.0}}, "ranges.capex"),
        ({"capex": {"distribution": "triangular", "min": 1.0, "mode": 5.0, "max": 2.0}}, "ranges.capex.mode"),
        ({"capex": {"distribution": "lognormal", "min": 1.0, "max": 2.0}}, "ranges.capex.distribution"),
        ({"horizon_years": {"distribution": "uniform", "min": 1.0, "max": 2.0}}, "ranges.horizon_years"),
        ({"capex": {"distribution": "uniform", "min": -5.0, "max": 2.0}}, "ranges.capex"),
        ({"capex": {"distribution": "uniform", "max": 2.0}}, "ranges.capex.min"),
    ],
)
def test_bad_ranges_name_the_field(raw, field):
    with pytest.raises(InputError) as error:
        ranges_from_dict(raw)
    assert error.value.field == field


def test_draw_count_is_checked():
    with pytest.raises(InputError) as error:
        run_monte_carlo(BASE, RANGES, 0, seed=1)
    assert error.value.field == "draws"


def test_monte_carlo_with_npvs_is_the_summary_and_the_draws_from_one_evaluation():
    import numpy as np

    from kopru.invest.economics.distribution import npv_draws
    from kopru.invest.economics.montecarlo import monte_carlo_with_npvs

    summary, npvs = monte_carlo_with_npvs(BASE, RANGES, 500, 11)
    assert summary == run_monte_carlo(BASE, RANGES, 500, 11)
    assert npvs.shape == (500,)
    assert np.array_equal(npvs, npv_draws(BASE, RANGES, 500, 11))
    assert summary.percentiles["npv"]["p50"] == pytest.approx(float(np.percentile(npvs, 50)), abs=0.01)
