import dataclasses
import math

import numpy as np
import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.plant import PlantInputs, evaluate_plant, irr, npv, payback_years

pytestmark = pytest.mark.unit

# capex 100 in year 0; from year 1: 10 units x (10 - 4) = 60 EBITDA; depreciation 50 a year; tax 20%
SMALL = PlantInputs(
    currency="USD",
    horizon_years=3,
    discount_rate=0.10,
    capex=100.0,
    capex_phasing=(1.0,),
    first_production_year=1,
    ramp_up=(1.0,),
    capacity_units_per_year=10.0,
    price_per_unit=10.0,
    variable_cost_per_unit=4.0,
    corporate_tax_rate=0.20,
    depreciation_years=2,
)


def flows(result):
    return [round(year["free_cash_flow"] + year["terminal_value"], 9) for year in result.years]


def test_npv_irr_payback_of_a_textbook_project():
    cash = np.array([[-100.0, 30.0, 30.0, 30.0, 30.0, 30.0]])
    assert round(float(npv(cash, 0.10)[0]), 6) == 13.723603
    assert round(float(irr(cash)[0]), 6) == 0.152382
    assert round(float(payback_years(cash)[0]), 6) == 3.333333


def test_irr_is_nan_when_npv_never_changes_sign_and_payback_is_nan_when_never_recovered():
    cash = np.array([[-100.0, 10.0, 10.0]])
    x = (-1 + math.sqrt(41)) / 2  # 10x + 10x^2 = 100: a negative IRR exists (-1 < r < 0)
    assert round(float(irr(cash)[0]), 9) == round(1 / x - 1, 9)
    assert math.isnan(float(irr(np.array([[100.0, 10.0]]))[0]))
    assert math.isnan(float(payback_years(cash)[0]))


def test_small_plant_matches_hand_computation():
    result = evaluate_plant(SMALL)
    # year 1 and 2: EBITDA 60, depreciation 50, taxable 10, tax 2 -> 58
    assert flows(result) == [-100.0, 58.0, 58.0]
    assert round(result.npv, 6) == round(-100 + 58 / 1.1 + 58 / 1.21, 6)
    x = (-1 + math.sqrt(1 + 4 * 100 / 58)) / 2  # 58x + 58x^2 = 100, x = 1 / (1 + r)
    assert round(result.irr, 9) == round(1 / x - 1, 9)
    assert round(result.payback_years, 6) == round(1 + 42 / 58, 6)


def test_tax_reduction_stops_when_the_contribution_is_used_up():
    inputs = dataclasses.replace(SMALL, tax_reduction_rate=0.5, investment_contribution_rate=0.01)
    assert flows(evaluate_plant(inputs)) == [-100.0, 59.0, 58.0]


def test_losses_carry_forward():
    inputs = dataclasses.replace(SMALL, depreciation_years=1)
    # year 1: taxable 60 - 100 = -40, no tax; year 2: 60 - 40 losses = 20 taxable -> tax 4
    assert flows(evaluate_plant(inputs)) == [-100.0, 60.0, 56.0]


def test_working_capital_is_built_then_released_at_the_end():
    inputs = dataclasses.replace(SMALL, working_capital_share=0.1)
    assert flows(evaluate_plant(inputs)) == [-100.0, 48.0, 68.0]


def test_terminal_value_uses_gordon_growth():
    inputs = dataclasses.replace(SMALL, terminal_growth=0.02)
    assert flows(evaluate_plant(inputs)) == [-100.0, 58.0, round(58.0 + 58.0 * 1.02 / 0.08, 9)]


def test_ramp_up_grant_and_escalation():
    inputs = dataclasses.replace(
        SMALL, horizon_years=4, ramp_up=(0.5, 1.0), grant=20.0, price_escalation=0.1, corporate_tax_rate=0.0
    )
    # year 1: 5 units x 6 = 30; year 2: 10 x (11 - 4) = 70; year 3: 10 x (12.1 - 4) = 81; grant 20 in year 0
    assert flows(evaluate_plant(inputs)) == [-80.0, 30.0, 70.0, 81.0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"capex": -1.0}, "plant.capex"),
        ({"capacity_units_per_year": -5.0}, "plant.capacity_units_per_year"),
        ({"capex_phasing": (0.5, 0.4)}, "plant.capex_phasing"),
        ({"first_production_year": 3}, "plant.first_production_year"),
        ({"corporate_tax_rate": 1.5}, "plant.corporate_tax_rate"),
        ({"currency": "dollars"}, "plant.currency"),
    ],
)
def test_bad_plant_inputs_name_the_field(change, field):
    with pytest.raises(InputError) as error:
        dataclasses.replace(SMALL, **change)
    assert error.value.field == field


def test_terminal_growth_at_or_above_the_discount_rate_is_refused():
    with pytest.raises(InputError) as error:
        evaluate_plant(dataclasses.replace(SMALL, terminal_growth=0.10))
    assert error.value.field == "terminal_growth"
