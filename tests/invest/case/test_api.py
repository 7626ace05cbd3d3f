"""The investment-case API: evaluations open to all with the CLI's messages; saved cases CRUD."""

from __future__ import annotations

import io
import json

import pytest

from kopru.core.enums import Visibility
from kopru.invest.case.domain.defaults import reference_inputs, scenario_document
from kopru.invest.case.models import InvestmentCase
from kopru.invest.economics.cli import main as market_access_cli

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/api/invest/case"


def _post(client, path, body):
    return client.post(f"{URL}{path}", json.dumps(body), content_type="application/json")


def _cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = market_access_cli(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_market_access_matches_the_cli_json(client):
    body = {"product": "bev", "made_in": "CN", "destination": "EU", "date": "2025-01-01", "producer": "BYD"}
    response = _post(client, "/market-access", body)
    status, out, _ = _cli(
        *[
            "--product",
            "bev",
            "--made-in",
            "CN",
            "--destination",
            "EU",
            "--date",
            "2025-01-01",
            "--producer",
            "BYD",
        ],
        "--format",
        "json",
    )
    assert (response.status_code, status) == (200, 0)
    assert response.json() == json.loads(out)
    assert response.json()["ad_valorem_total"] == 0.27


def test_market_access_with_a_landed_cost(client):
    body = {
        "product": "bev",
        "made_in": "CN",
        "destination": "EU",
        "date": "2025-01-01",
        "producer": "SAIC",
        "ex_works": 30000,
        "currency": "EUR",
    }
    data = _post(client, "/market-access", body).json()
    assert (data["ad_valorem_total"], data["landed_cost"]["landed_cost"]) == (0.453, 43590.0)


@pytest.mark.parametrize(
    ("body", "argv"),
    [
        ({"product": "9999"}, ["--product", "9999"]),
        ({"date": "2020-01-01"}, ["--date", "2020-01-01"]),
        ({"destination": "US"}, ["--destination", "US"]),
        ({"local_value_share": 1.4, "made_in": "TR"}, ["--local-value-share", "1.4", "--made-in", "TR"]),
    ],
)
def test_bad_market_access_input_is_422_with_the_cli_message(client, body, argv):
    base = {"product": "bev", "made_in": "CN", "destination": "EU", "date": "2025-01-01"}
    response = _post(client, "/market-access", {**base, **body})
    cli_argv = ["--product", "bev", "--made-in", "CN", "--destination", "EU", "--date", "2025-01-01", *argv]
    status, _, err = _cli(*cli_argv)
    assert (response.status_code, status) == (422, 2)
    detail = response.json()["detail"][0]
    assert f"error: {detail['loc'][-1]}: {detail['msg']}\n" == err


def test_a_currency_without_a_rate_is_422_naming_fx(client):
    body = {
        "product": "bev",
        "made_in": "CN",
        "destination": "TR",
        "date": "2025-12-01",
        "ex_works": 30000,
        "currency": "EUR",
    }
    detail = _post(client, "/market-access", body).json()["detail"][0]
    assert (detail["loc"][-1], detail["msg"]) == (
        "fx",
        "no exchange rates given; USD -> EUR needed for tr-add-bev-nonfta-2025 specific",
    )


def _plant_body(**changes):
    document = scenario_document()
    body = {
        "plant": dict(document["plant"]),
        "ranges": document["ranges"],
        "incentives": {"province": "Manisa", "scheme_type": "large_scale", "date": "2024-07-08"},
        "draws": 2000,
        "seed": 1,
    }
    body.update(changes)
    return body


def test_plant_case_evaluates_with_incentives_and_monte_carlo(client):
    data = _post(client, "/plant", _plant_body()).json()
    assert data["deterministic"]["inputs"]["tax_reduction_rate"] == 0.6
    assert data["deterministic"]["inputs"]["investment_contribution_rate"] == 0.35
    assert data["monte_carlo"]["draws"] == 2000
    assert data["monte_carlo"]["tornado"][0]["parameter"] == "price_per_unit"


@pytest.mark.parametrize(
    ("changes", "loc", "msg"),
    [
        ({"draws": 100_001}, ["draws"], "must be 0..100,000 here (0 = no Monte Carlo), got 100001"),
        (
            {"ranges": {"capex": {"distribution": "uniform", "min": 2, "max": 1}}},
            ["ranges", "capex"],
            "min 2 > max 1",
        ),
        (
            {"plant": {**scenario_document()["plant"], "capacity_units_per_year": -1}},
            ["plant", "capacity_units_per_year"],
            "must not be negative, got -1",
        ),
        (
            {"incentives": {"province": "Atlantis", "date": "2024-07-08"}},
            ["incentives", "province"],
            "'Atlantis' is not one of Türkiye's 81 provinces (name or plate code)",
        ),
    ],
)
def test_bad_plant_input_is_422_naming_the_field(client, changes, loc, msg):
    response = _post(client, "/plant", _plant_body(**changes))
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert (detail["loc"][2:], detail["msg"]) == (loc, msg)


def test_evaluate_a_whole_case(client):
    data = _post(client, "/evaluate", reference_inputs()).json()
    assert [r["market_access"]["ad_valorem_total"] for r in data["destinations"][0]["routes"]] == [0.27, 0.17]
    assert data["errors"] == []


def test_cases_crud(client, cast):
    client.force_login(cast.staff_a)
    created = _post(
        client, "/cases/", {"name": "API case", "visibility": "internal", "inputs": reference_inputs()}
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["name"], body["visibility"], body["owner_side"], body["owner"]) == (
        "API case",
        "internal",
        "TR",
        "officer.a",
    )
    pk = body["id"]
    assert client.get(f"{URL}/cases/{pk}").json()["inputs"]["product"] == "bev"
    patched = client.patch(
        f"{URL}/cases/{pk}", json.dumps({"name": "Renamed"}), content_type="application/json"
    )
    assert (patched.status_code, patched.json()["name"]) == (200, "Renamed")
    assert client.get(f"{URL}/cases/{pk}/evaluation").json()["plant"]["npv"] > 0
    assert [c["name"] for c in client.get(f"{URL}/cases/").json()["items"]] == ["Renamed"]
    assert client.delete(f"{URL}/cases/{pk}").status_code == 204
    assert InvestmentCase.objects.count() == 0


def test_saving_bad_inputs_is_422_under_inputs(client, cast):
    client.force_login(cast.staff_a)
    inputs = {**reference_inputs(), "product": "spaceship"}
    response = _post(client, "/cases/", {"name": "Bad", "visibility": "shared", "inputs": inputs})
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"][2:] == ["inputs", "product"]
    assert detail["msg"].startswith("unknown product 'spaceship'")
    assert InvestmentCase.objects.count() == 0


def test_other_sides_internal_case_is_404(client, cast):
    case = InvestmentCase.objects.create(
        name="CN only", inputs=reference_inputs(), visibility=Visibility.INTERNAL, owner_side="CN"
    )
    client.force_login(cast.staff_a)
    assert client.get(f"{URL}/cases/{case.pk}").status_code == 404
    assert client.delete(f"{URL}/cases/{case.pk}").status_code == 404
