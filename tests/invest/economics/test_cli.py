import io
import json

import pytest

from kopru.invest.economics import compare
from kopru.invest.economics.cli import main, plant_main

pytestmark = pytest.mark.unit


def run(function, argv):
    out, err = io.StringIO(), io.StringIO()
    code = function(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_json_output_and_exit_0():
    code, out, err = run(
        main,
        [
            "--product",
            "bev",
            "--made-in",
            "CN",
            "--destination",
            "EU",
            "--date",
            "2025-01-01",
            "--producer",
            "SAIC",
            "--format",
            "json",
        ],
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["ad_valorem_total"] == 0.453
    assert data["producer"] == "SAIC"


def test_turkish_made_with_local_value_share_and_incentive_flag_parse():
    code, out, _ = run(
        main,
        [
            "--product",
            "bev",
            "--made-in",
            "TR",
            "--destination",
            "EU",
            "--date",
            "2025-01-01",
            "--producer",
            "BYD",
            "--local-value-share",
            "0.7",
            "--format",
            "json",
        ],
    )
    assert code == 0
    assert json.loads(out)["origin"]["risk"]["level"] == "low"
    code, out, _ = run(
        main,
        [
            "--product",
            "ice_car",
            "--made-in",
            "CN",
            "--destination",
            "TR",
            "--date",
            "2024-08-01",
            "--incentive-certificate",
            "--format",
            "json",
        ],
    )
    assert json.loads(out)["ad_valorem_total"] == 0.1


def test_list_products_prints_the_required_keys():
    code, out, _ = run(main, ["--list-products"])
    keys = [line.split()[0] for line in out.splitlines()]
    required = [
        "bev",
        "phev",
        "ice_car",
        "li_ion_battery",
        "pv_module",
        "pv_cell",
        "wind_turbine_set",
        "electric_locomotive",
        "medical_device_9018",
        "vaccine",
    ]
    assert code == 0
    assert [key for key in required if key not in keys] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--product", "1234567", "--made-in", "CN", "--destination", "EU", "--date", "2025-01-01"],
            "error: product: no tariff row for HS 1234567",
        ),
        (
            ["--product", "bev", "--made-in", "CHN", "--destination", "EU", "--date", "2025-01-01"],
            "error: made_in: 'CHN' is not an ISO 3166-1 alpha-2 country code",
        ),
        (
            ["--product", "bev", "--made-in", "CN", "--destination", "EU", "--date", "2020-01-01"],
            "error: date: no tariff rule for HS 870380 in force on 2020-01-01 (rules start 2022-01-01)",
        ),
        (
            [
                "--product",
                "bev",
                "--made-in",
                "TR",
                "--destination",
                "EU",
                "--date",
                "2025-01-01",
                "--local-value-share",
                "abc",
            ],
            "error: local_value_share: expected a number, got 'abc'",
        ),
        (
            [
                "--product",
                "bev",
                "--made-in",
                "TR",
                "--destination",
                "EU",
                "--date",
                "2025-01-01",
                "--local-value-share",
                "2",
            ],
            "error: local_value_share: 2.0 is outside 0..1",
        ),
        (["--product", "bev", "--made-in", "CN", "--destination", "EU"], "error: date: --date is required"),
        (["--product", "bev", "--bogus"], "error: arguments: unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_the_field(argv, message):
    code, out, err = run(main, argv)
    assert code == 2
    assert out == ""
    assert err.startswith(message)


def test_plant_case_json_is_reproducible_with_a_seed():
    argv = ["byd_manisa.yaml", "--draws", "2000", "--seed", "5", "--format", "json"]
    code, first, _ = run(plant_main, argv)
    _, second, _ = run(plant_main, argv)
    assert code == 0
    assert first == second
    data = json.loads(first)
    assert data["incentives"]["region"] == 3
    assert data["deterministic"]["inputs"]["tax_reduction_rate"] == 0.6
    assert data["monte_carlo"]["draws"] == 2000
    assert data["monte_carlo"]["tornado"][0]["parameter"] == "price_per_unit"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.yaml"], "error: scenario: file not found: missing.yaml"),
        (["byd_manisa.yaml", "--draws", "many"], "error: draws: expected an integer, got 'many'"),
        (["byd_manisa.yaml", "--draws", "-1"], "error: draws: must not be negative, got -1"),
    ],
)
def test_plant_case_bad_input_exits_2(argv, message):
    code, _, err = run(plant_main, argv)
    assert code == 2
    assert err.startswith(message)


def test_plant_case_refuses_negative_capacity_in_a_scenario(tmp_path):
    scenario = tmp_path / "bad.yaml"
    scenario.write_text(
        "plant: {currency: USD, horizon_years: 5, discount_rate: 0.1, capex: 10, capex_phasing: [1.0],"
        " first_production_year: 1, ramp_up: [1.0], capacity_units_per_year: -3, price_per_unit: 2,"
        " variable_cost_per_unit: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run(plant_main, [str(scenario), "--draws", "0"])
    assert code == 2
    assert err == "error: plant.capacity_units_per_year: must not be negative, got -3\n"


def test_comparison_helper_table_rows():
    code, out, _ = run(compare.main, ["--dates", "2025-01-01", "--producers", "BYD"])
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[2]
        == "| 2025-01-01 | BYD | CN->EU | 27.0% | 38,100 | - | eu-mfn-8703, eu-cvd-bev-cn-definitive/BYD |"
    )
    assert lines[3] == "| 2025-01-01 | BYD | TR->EU (LVS 0.7) | 0.0% | 30,000 | low | eu-tr-customs-union |"


def test_plant_case_with_incentive_rates_not_known_asks_for_explicit_rates(tmp_path):
    scenario = tmp_path / "new_decree.yaml"
    scenario.write_text(
        "incentives: {province: Manisa, scheme_type: large_scale, date: 2025-06-01}\n"
        "plant: {currency: USD, horizon_years: 5, discount_rate: 0.1, capex: 10, capex_phasing: [1.0],"
        " first_production_year: 1, ramp_up: [1.0], capacity_units_per_year: 3, price_per_unit: 2,"
        " variable_cost_per_unit: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run(plant_main, [str(scenario), "--draws", "0"])
    assert code == 2
    assert err == (
        "error: incentives.tax_reduction_rate: not known for decree-9903 (9903-tax-reduction);"
        " set plant.tax_reduction_rate explicitly\n"
    )


def test_the_kopru_command_dispatches_market_access(capsys):
    from kopru.cli import main as kopru_main

    code = kopru_main(
        [
            "market-access",
            "--product",
            "li_ion_battery",
            "--made-in",
            "CN",
            "--destination",
            "EU",
            "--date",
            "2025-01-01",
            "--format",
            "json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["ad_valorem_total"] == 0.027
