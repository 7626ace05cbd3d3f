"""Saved cases: save from the calculator, read, edit, history, report, delete; visibility rules apply."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.enums import Visibility
from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.forms import form_data_from
from kopru.invest.case.models import InvestmentCase
from kopru.invest.economics.rule_tables import load_rules

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _post_data(**changes):
    data = form_data_from(reference_inputs(), load_rules())
    data.update({"name": "Battery plant, Mersin", "description": "", "visibility": "internal"})
    data.update(changes)
    return data


def _case(name="Case", visibility=Visibility.PUBLIC, owner_side="", **inputs_changes):
    inputs = {**reference_inputs(), **inputs_changes}
    return InvestmentCase.objects.create(
        name=name, inputs=inputs, visibility=visibility, owner_side=owner_side
    )


def test_staff_save_an_internal_case_filed_under_their_side(client, cast):
    client.force_login(cast.staff_a)
    response = client.post("/invest/case/save/", _post_data())
    case = InvestmentCase.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/invest/case/cases/{case.pk}/"
    assert (case.name, case.visibility, case.owner_side, case.owner) == (
        "Battery plant, Mersin",
        "internal",
        "TR",
        cast.staff_a,
    )
    assert case.inputs["product"] == "bev"
    assert case.inputs["plant"]["capex"] == 1000000000.0


def test_a_case_with_bad_inputs_is_not_saved(client, cast):
    client.force_login(cast.staff_a)
    response = client.post("/invest/case/save/", _post_data(plant_capacity_units_per_year="-1"))
    assert response.status_code == 400
    assert response.context["form"].errors["plant_capacity_units_per_year"] == [
        "must not be negative, got -1"
    ]
    assert InvestmentCase.objects.count() == 0


def test_a_case_without_a_name_is_not_saved(client, cast):
    client.force_login(cast.staff_a)
    response = client.post("/invest/case/save/", _post_data(name=""))
    assert response.status_code == 400
    assert "name" in response.context["case_form"].errors
    assert InvestmentCase.objects.count() == 0


def test_edit_changes_inputs_and_history_shows_the_field(client, cast):
    case = _case(visibility=Visibility.SHARED)
    client.force_login(cast.staff_b)
    data = _post_data(name="Case", visibility="shared", date="2024-08-01")
    response = client.post(f"/invest/case/cases/{case.pk}/edit/", data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.inputs["date"] == "2024-08-01"
    history = client.get(f"/invest/case/cases/{case.pk}/history/")
    changes = history.context["entries"][0]["changes"]
    assert ("date (rules in force that day)", "Jan 1, 2025", "Aug 1, 2024") in changes


def test_detail_and_report_show_the_evaluation(client, cast):
    case = _case(name="BYD Manisa plant")
    detail = client.get(f"/invest/case/cases/{case.pk}/")
    assert detail.status_code == 200
    assert detail.context["result"].plant is not None
    report = client.get(f"/invest/case/cases/{case.pk}/report/")
    assert report.status_code == 200
    html = report.content.decode()
    assert "<h1>BYD Manisa plant</h1>" in html
    assert report.context["result"].monte_carlo.draws == 10000


def test_delete(client, cast):
    case = _case(visibility=Visibility.SHARED)
    client.force_login(cast.staff_a)
    assert client.post(f"/invest/case/cases/{case.pk}/delete/").status_code == 302
    assert not InvestmentCase.objects.filter(pk=case.pk).exists()


def test_the_calculator_loads_a_saved_case(client, cast):
    case = _case(date="2024-06-01")
    response = client.get(f"/invest/case/?case={case.pk}")
    assert response.context["result"].destinations[0].routes[0].access.ad_valorem_total == 0.10
    assert client.get("/invest/case/?case=abc").status_code == 404


def test_list_shows_only_what_the_role_may_read(client, cast):
    public, shared = _case("Public", Visibility.PUBLIC), _case("Shared", Visibility.SHARED)
    internal_b = _case("Internal CN", Visibility.INTERNAL, "CN")
    client.force_login(cast.staff_a)
    assert list(client.get("/invest/case/cases/").context["page"].object_list) == [public, shared]
    client.force_login(cast.staff_b)
    assert list(client.get("/invest/case/cases/").context["page"].object_list) == [
        internal_b,
        public,
        shared,
    ]
    client.force_login(cast.company)
    assert list(client.get("/invest/case/cases/").context["page"].object_list) == [public]


@pytest.mark.parametrize("count", [1, 3])
def test_case_list_queries_do_not_grow_with_rows(client, cast, count):
    for index in range(count):
        InvestmentCase.objects.create(
            name=f"Case {index}", inputs={}, visibility=Visibility.PUBLIC, owner=cast.admin
        )
    client.force_login(cast.staff_a)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/invest/case/cases/")
    assert len(response.context["page"].object_list) == count
    # session, user with its profile (kopru.core.auth.ProfileModelBackend), count, the page with owners
    assert len(queries) == 4
