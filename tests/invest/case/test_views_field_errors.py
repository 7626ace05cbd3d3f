"""A cleared or bad calculator field is a field error in words, and the sections it does not touch still
show (issue 12: `PlantInputs.__init__() missing …` on screen, all results gone)."""

from __future__ import annotations

import pytest

from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.domain.evaluate import evaluate_case
from kopru.invest.case.domain.inputs import parse_inputs
from kopru.invest.case.forms import form_data_from
from kopru.invest.economics.errors import InputError
from kopru.invest.economics.montecarlo import run_monte_carlo
from kopru.invest.economics.plant import plant_inputs_from_dict
from kopru.invest.economics.scenario import load_scenario
from kopru.invest.rule_data import economic_rules as load_rules

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _data(**changes):
    data = form_data_from(reference_inputs(), load_rules())
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "field",
    [
        "plant_capex",
        "plant_horizon_years",
        "plant_discount_rate",
        "plant_capacity_units_per_year",
        "plant_price_per_unit",
        "plant_capex_phasing",
        "plant_currency",
    ],
)
def test_clearing_a_plant_field_names_it_and_keeps_the_landed_costs(client, field):
    response = client.get("/invest/case/results/", _data(**{field: ""}))
    assert response.status_code == 200
    assert response.context["form"].errors == {field: ["This field is required."]}
    html = response.content.decode()
    assert "__init__" not in html and "positional argument" not in html
    result = response.context["result"]
    assert result.plant is None
    china_de = result.destinations[0].routes[0]
    assert china_de.cost is not None and china_de.cost.total > 0
    assert 'id="route-summary"' in html


def test_a_word_in_a_number_field_keeps_the_other_sections(client):
    response = client.get("/invest/case/results/", _data(plant_capex="lots"))
    assert response.context["form"].errors == {"plant_capex": ["Enter a number."]}
    assert response.context["result"].destinations[0].routes[0].cost is not None


def test_clearing_the_product_is_one_field_error_and_no_results(client):
    response = client.get("/invest/case/results/", _data(product=""))
    assert response.context["form"].errors == {"product": ["This field is required."]}
    assert response.context["result"] is None


def test_the_engine_names_a_missing_plant_field():
    with pytest.raises(InputError) as caught:
        plant_inputs_from_dict({"currency": "USD", "horizon_years": 10})
    assert (caught.value.field, caught.value.message) == ("plant.discount_rate", "is required")


def test_the_engine_names_a_plant_field_that_is_not_a_number():
    raw = {**reference_inputs()["plant"], "tax_reduction_rate": 0.0, "investment_contribution_rate": 0.0}
    with pytest.raises(InputError) as caught:
        plant_inputs_from_dict({**raw, "horizon_years": "ten"})
    assert (caught.value.field, caught.value.message) == (
        "plant.horizon_years",
        "expected a number, got 'ten'",
    )


def test_the_api_answers_a_cleared_capex_with_a_422_naming_it(client):
    inputs = reference_inputs()
    inputs["plant"] = {k: v for k, v in inputs["plant"].items() if k != "capex"}
    response = client.post("/api/invest/case/evaluate", inputs, content_type="application/json")
    assert response.status_code == 422
    assert "plant" in str(response.json()) and "capex" in str(response.json())
    assert "__init__" not in response.content.decode()


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_a_seed_outside_numpys_range_is_an_input_error(seed):
    inputs = {**reference_inputs(), "seed": seed}
    with pytest.raises(InputError) as caught:
        parse_inputs(inputs)
    assert caught.value.field == "seed"


def test_the_monte_carlo_engine_refuses_a_negative_seed_itself():
    parsed = parse_inputs(reference_inputs())
    result = evaluate_case(load_rules(), parsed)
    with pytest.raises(InputError) as caught:
        run_monte_carlo(result.plant_inputs, parsed.ranges, 10, -1)
    assert caught.value.field == "seed"


def test_the_plant_api_refuses_a_negative_seed_with_a_422(client):
    inputs = reference_inputs()
    payload = {
        "plant": {**inputs["plant"], "tax_reduction_rate": 0.0, "investment_contribution_rate": 0.0},
        "ranges": inputs["ranges"],
        "draws": 10,
        "seed": -1,
    }
    response = client.post("/api/invest/case/plant", payload, content_type="application/json")
    assert response.status_code == 422
    assert "seed" in str(response.json())


assert load_scenario  # the CLI's scenario loader shares plant_inputs_from_dict
