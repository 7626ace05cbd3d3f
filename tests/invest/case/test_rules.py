"""Every investment-case route and API operation × every role → the expected status.

The calculator, the report of the calculator's inputs and the rule pages are public (the rule data is
public); saved cases follow the core visibility rules. `test_every_route_is_in_the_matrix` fails when a
route or an API operation is added without a row here.
"""

from __future__ import annotations

import json

import pytest

from kopru.invest.case.domain.defaults import reference_inputs, scenario_document
from kopru.invest.case.forms import form_data_from
from kopru.invest.case.models import InvestmentCase
from kopru.invest.economics.rule_tables import load_rules
from tests.matrix import (
    EVERYONE,
    ROLES,
    VISIBILITIES,
    api_operation_ids,
    change_outcomes,
    client_as,
    on_success,
    url_names,
    view_outcomes,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LOGIN = "login"  # a redirect to the login page
VIEW = view_outcomes(LOGIN)
EDIT = change_outcomes(LOGIN)
DELETE = {visibility: on_success(row, 302) for visibility, row in EDIT.items()}
SAVE = {"admin": 302, "staff_a": 302, "staff_b": 302, "company": 403, "reviewer": 403, "anonymous": LOGIN}

API_VIEW = view_outcomes(401)
API_CHANGE = change_outcomes(401)
API_DELETE = {v: on_success(row, 204) for v, row in API_CHANGE.items()}
# An empty create payload: allowed roles reach validation (422), others are refused before it.
API_CREATE = {"admin": 422, "staff_a": 422, "staff_b": 422, "company": 403, "reviewer": 403, "anonymous": 401}

COVERED_URL_NAMES = {
    "invest_case:home",
    "invest_case:results",
    "invest_case:report",
    "invest_case:report-pdf",
    "invest_case:save",
    "invest_case:case-list",
    "invest_case:case-detail",
    "invest_case:case-edit",
    "invest_case:case-history",
    "invest_case:case-report",
    "invest_case:case-report-pdf",
    "invest_case:case-delete",
    "invest_case:rule-list",
    "invest_case:rule-detail",
}
COVERED_OPERATIONS = {
    "invest_case_market_access",
    "invest_case_plant",
    "invest_case_evaluate",
    "invest_case_list_cases",
    "invest_case_create_case",
    "invest_case_get_case",
    "invest_case_evaluate_case",
    "invest_case_update_case",
    "invest_case_delete_case",
}


def test_every_route_is_in_the_matrix():
    assert url_names("invest/case/") == COVERED_URL_NAMES
    assert api_operation_ids("/invest/case/") == COVERED_OPERATIONS


def _status(response):
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code


def _case(visibility):
    level, side = VISIBILITIES[visibility]
    return InvestmentCase.objects.create(
        name=f"{visibility} case", inputs=reference_inputs(), visibility=level, owner_side=side
    )


@pytest.mark.parametrize("role", ROLES)
def test_public_pages(client, cast, role):
    client = client_as(client, cast, role)
    data = form_data_from({**reference_inputs(), "draws": 200}, load_rules())
    for url in (
        "/invest/case/",
        "/invest/case/cases/",
        "/invest/case/rules/",
        "/invest/case/rules/eu-mfn-8703/",
    ):
        assert _status(client.get(url)) == EVERYONE[role], url
    assert _status(client.get("/invest/case/results/", data)) == EVERYONE[role]
    assert _status(client.get("/invest/case/report/", data)) == EVERYONE[role]
    assert _status(client.get("/invest/case/report.pdf", data)) == EVERYONE[role]


@pytest.mark.parametrize("role", ROLES)
def test_save(client, cast, role):
    client = client_as(client, cast, role)
    data = form_data_from({**reference_inputs(), "draws": 200}, load_rules())
    data.update(name="Saved", visibility="shared")
    assert _status(client.post("/invest/case/save/", data)) == SAVE[role]
    assert InvestmentCase.objects.filter(name="Saved").count() == (1 if SAVE[role] == 302 else 0)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", list(VISIBILITIES))
def test_saved_case_pages(client, cast, role, visibility):
    case = _case(visibility)
    client = client_as(client, cast, role)
    for page in ("", "history/", "report/", "report.pdf"):
        assert _status(client.get(f"/invest/case/cases/{case.pk}/{page}")) == VIEW[visibility][role], page
    assert _status(client.get(f"/invest/case/?case={case.pk}")) == VIEW[visibility][role]
    assert _status(client.get(f"/invest/case/cases/{case.pk}/edit/")) == EDIT[visibility][role]
    assert _status(client.post(f"/invest/case/cases/{case.pk}/delete/")) == DELETE[visibility][role]
    assert InvestmentCase.objects.filter(pk=case.pk).exists() == (DELETE[visibility][role] != 302)


@pytest.mark.parametrize("role", ROLES)
def test_an_unknown_case_is_404_for_every_role(client, cast, role):
    client = client_as(client, cast, role)
    assert _status(client.get("/invest/case/cases/999999/")) == 404
    assert _status(client.get("/invest/case/cases/999999/report/")) == 404
    assert client.get("/api/invest/case/cases/999999").status_code == 404


def _post(client, path, body):
    return client.post(f"/api/invest/case{path}", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
def test_api_evaluations_are_open_to_everyone(client, cast, role):
    client = client_as(client, cast, role)
    access = {"product": "bev", "made_in": "CN", "destination": "EU", "date": "2025-01-01", "producer": "BYD"}
    assert _post(client, "/market-access", access).status_code == EVERYONE[role]
    document = scenario_document()
    plant = {"plant": document["plant"], "ranges": document["ranges"], "draws": 200}
    assert _post(client, "/plant", plant).status_code == EVERYONE[role]
    assert _post(client, "/evaluate", {**reference_inputs(), "draws": 200}).status_code == EVERYONE[role]
    assert client.get("/api/invest/case/cases/").status_code == EVERYONE[role]
    assert _post(client, "/cases/", {}).status_code == API_CREATE[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", list(VISIBILITIES))
def test_api_saved_cases(client, cast, role, visibility):
    case = _case(visibility)
    client = client_as(client, cast, role)
    url = f"/api/invest/case/cases/{case.pk}"
    assert client.get(url).status_code == API_VIEW[visibility][role]
    assert client.get(f"{url}/evaluation").status_code == API_VIEW[visibility][role]
    patch = client.patch(url, json.dumps({"description": "x"}), content_type="application/json")
    assert patch.status_code == API_CHANGE[visibility][role]
    assert client.delete(url).status_code == API_DELETE[visibility][role]


@pytest.mark.parametrize("role", ROLES)
def test_api_list_shows_only_what_the_role_may_read(client, cast, role):
    cases = {name: _case(name) for name in VISIBILITIES}
    client = client_as(client, cast, role)
    names = {item["name"] for item in client.get("/api/invest/case/cases/").json()["items"]}
    assert names == {cases[v].name for v in VISIBILITIES if API_VIEW[v][role] == 200}
