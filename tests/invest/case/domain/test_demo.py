"""The demo loads the reference case "BYD Manisa plant" once, public, with a working report."""

from __future__ import annotations

import pytest

from kopru.core.domain.accounts import create_member
from kopru.core.enums import Role, Visibility
from kopru.invest.case.domain.demo import load_demo
from kopru.invest.case.models import InvestmentCase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_load_demo_is_idempotent_and_the_report_works(client):
    admin = create_member("admin", role=Role.ADMIN, password="x")
    first = load_demo()
    second = load_demo()
    case = InvestmentCase.objects.get()
    assert first == [f"  investment case created: BYD Manisa plant (/invest/case/cases/{case.pk}/report/)"]
    assert second == [f"  investment case unchanged: BYD Manisa plant (/invest/case/cases/{case.pk}/report/)"]
    assert (case.name, case.visibility, case.owner) == ("BYD Manisa plant", Visibility.PUBLIC, admin)
    assert case.history.count() == 1
    assert case.inputs["plant"]["capacity_units_per_year"] == 150000
    assert case.inputs["incentives"]["province"] == "Manisa"

    home = client.get("/invest/case/")
    assert f'href="/invest/case/cases/{case.pk}/report/"' in home.content.decode()
    report = client.get(f"/invest/case/cases/{case.pk}/report/")
    assert report.status_code == 200
    result = report.context["result"]
    assert result.errors == []
    assert result.incentives.region == 3
    assert result.plant.inputs.tax_reduction_rate == 0.6
