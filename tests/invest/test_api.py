"""Issue 12 item 8: deals, opportunities and company profiles are created and changed through the API with
the same forms and rules as the pages (a refused value is a 422 naming the field; nothing half-saved)."""

from __future__ import annotations

import json

import pytest

from kopru.core.models import Organisation
from kopru.invest.models import CompanyProfile, Deal, Opportunity, StageChange
from tests.factories import DealFactory, OpportunityFactory, default_stage
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _send(client, method, path, body):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def test_a_deal_created_through_the_api_starts_its_stage_history(client, cast):
    lead = default_stage("lead")
    client = client_as(client, cast, "staff_a")
    response = _send(
        client,
        "post",
        "/api/invest/deals/",
        {
            "title": "Ningtai – Manisa cells",
            "pipeline": lead.pipeline_id,
            "stage": lead.pk,
            "sectors": ["battery"],
            "province": "Manisa",
            "currency": "USD",
            "announced_amount": "600",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    deal = Deal.objects.get(pk=body["id"])
    assert (deal.title, deal.stage.code, deal.province, str(deal.announced_amount)) == (
        "Ningtai – Manisa cells",
        "lead",
        "Manisa",
        "600.00",
    )
    assert [s.code for s in deal.sectors.all()] == ["battery"]
    assert StageChange.objects.filter(deal=deal, by=cast.staff_a).count() == 1


def test_the_deal_forms_rules_apply_to_the_api(client, cast):
    lead = default_stage("lead")
    client = client_as(client, cast, "staff_a")
    response = _send(
        client,
        "post",
        "/api/invest/deals/",
        {
            "title": "x",
            "pipeline": lead.pipeline_id,
            "stage": lead.pk,
            "capacity_value": 5,
            "currency": "usd$",
        },
    )
    assert response.status_code == 422
    fields = {item["loc"][-1] for item in response.json()["detail"]}
    assert {"capacity_unit", "currency"} <= fields
    assert not Deal.objects.exists()


def test_a_patch_changes_only_the_fields_given_and_not_the_stage(client, cast):
    deal = DealFactory(title="Before", jobs=10, province="Manisa")
    client = client_as(client, cast, "staff_a")
    response = _send(client, "patch", f"/api/invest/deals/{deal.pk}", {"jobs": 900})
    assert response.status_code == 200, response.content
    deal.refresh_from_db()
    assert (deal.title, deal.jobs, deal.province) == ("Before", 900, "Manisa")
    refused = _send(client, "patch", f"/api/invest/deals/{deal.pk}", {"stage": default_stage("operating").pk})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "payload", "stage"]


def test_an_unknown_field_is_named(client, cast):
    client = client_as(client, cast, "staff_a")
    response = _send(client, "post", "/api/invest/companies/", {"name": "X", "colour": "red"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "payload", "colour"], "msg": "Unknown field.", "type": "value_error"}
    ]


def test_an_opportunity_with_sector_codes(client, cast):
    client = client_as(client, cast, "staff_a")
    response = _send(
        client,
        "post",
        "/api/invest/opportunities/",
        {
            "title": "Cell plant site",
            "kind": "greenfield",
            "host_country": "TR",
            "sectors": ["battery"],
            "province": "Manisa",
            "tags": ["cells", "OIZ"],
        },
    )
    assert response.status_code == 201, response.content
    record = Opportunity.objects.get(pk=response.json()["id"])
    assert ([s.code for s in record.sectors.all()], record.tags) == (["battery"], ["cells", "OIZ"])
    bad = _send(
        client,
        "post",
        "/api/invest/opportunities/",
        {"title": "Y", "kind": "greenfield", "host_country": "TR", "sectors": ["no-such-sector"]},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "payload", "sectors"]


def test_a_company_profile_names_its_organisation(client, cast):
    client = client_as(client, cast, "staff_a")
    response = _send(client, "post", "/api/invest/companies/", {"name": "Ningtai Energy", "hq_country": "CN"})
    assert response.status_code == 201, response.content
    profile = CompanyProfile.objects.get(pk=response.json()["id"])
    assert (profile.organisation.name, profile.organisation.country_id) == ("Ningtai Energy", "CN")
    changed = _send(client, "patch", f"/api/invest/companies/{profile.pk}", {"employees": 1200})
    assert changed.status_code == 200 and changed.json()["employees"] == 1200
    assert Organisation.objects.filter(name="Ningtai Energy").count() == 1


def test_company_users_may_not_create(client, cast):
    response = _send(client_as(client, cast, "company"), "post", "/api/invest/opportunities/", {"title": "x"})
    assert response.status_code == 403
    assert OpportunityFactory._meta.model.objects.count() == 0


def test_deal_list_pages_follow_the_board_order_and_show_only_readable_deals(client, cast):
    """The list sorts the readable deals' ids and reads each page's rows by id (issue 14): the pages put
    together are the whole ordered list, with each deal's sectors, and the other side's internal deal is
    on no page."""
    from kopru.core.enums import Visibility
    from kopru.core.models import Sector

    battery = Sector.objects.get(code="battery")
    lead, contacted = default_stage("lead"), default_stage("contacted")
    made = [
        DealFactory(stage=stage, position=position)
        for stage in (contacted, lead)
        for position in (2, 0, 1, 0)
    ]
    made[0].sectors.add(battery)
    DealFactory(stage=lead, visibility=Visibility.INTERNAL, owner_side="CN", title="their internal deal")
    client = client_as(client, cast, "staff_a")
    everything = client.get("/api/invest/deals/?limit=100").json()
    pages = [client.get(f"/api/invest/deals/?limit=3&offset={offset}").json() for offset in (0, 3, 6, 9)]
    assert [page["count"] for page in pages] == [everything["count"]] * 4 == [8] * 4
    assert [row["id"] for page in pages for row in page["items"]] == [
        row["id"] for row in everything["items"]
    ]
    expected = sorted(made, key=lambda deal: (deal.stage.order, deal.position, deal.pk))
    assert [row["id"] for row in everything["items"]] == [deal.pk for deal in expected]
    sectors = {row["id"]: row["sectors"] for row in everything["items"]}
    assert sectors[made[0].pk] == ["battery"] and sectors[made[1].pk] == []
    assert "their internal deal" not in json.dumps(everything)


def test_deal_list_rows_are_what_the_single_deal_reads(client, cast, django_assert_max_num_queries):
    """The list resolves its rows itself (issue 14: plain values, no per-field getter): every field of
    every row is what the one-deal endpoint gives (stage code, company as the caller may see it, sectors in
    the sectors' order), and the page reads the same few queries whatever the number of deals."""
    from kopru.core.enums import Visibility
    from kopru.core.models import Sector
    from tests.factories import CompanyProfileFactory

    hidden = CompanyProfileFactory(
        organisation__name="Secret Holdings",
        organisation__visibility=Visibility.INTERNAL,
        organisation__owner_side="CN",
    )
    deals = [
        DealFactory(company=hidden, announced_amount="12.50", jobs=40),
        DealFactory(stage=default_stage("contacted"), company=None, capacity_value=1.5),
        DealFactory(),
    ]
    deals[0].sectors.add(*Sector.objects.filter(code__in=["wind", "battery", "energy"]))
    deals[2].sectors.add(Sector.objects.get(code="solar"))
    deals.append(DealFactory(visibility=Visibility.PUBLIC, title="public deal"))
    # (a company user's deals are `.distinct()`: read through the ORM's statement, the others' by a plain one)
    for role in ("staff_a", "staff_b", "admin", "company", "anonymous"):
        reader = client_as(client, cast, role)
        rows = reader.get("/api/invest/deals/?limit=50").json()["items"]
        assert rows, role
        for row in rows:
            single = reader.get(f"/api/invest/deals/{row['id']}").json()
            single.pop("history")
            assert row == single, role
    staff = client_as(client, cast, "staff_a")
    rows = {row["id"]: row for row in staff.get("/api/invest/deals/").json()["items"]}
    assert sorted(rows[deals[0].pk]["sectors"]) == ["battery", "energy", "wind"]  # in order: above
    assert rows[deals[0].pk]["company"] != "Secret Holdings"
    assert rows[deals[1].pk]["company"] is None
    for _ in range(20):
        DealFactory(company=CompanyProfileFactory())
    # session, user, count, ids and rows, sectors, companies
    with django_assert_max_num_queries(6):
        assert len(staff.get("/api/invest/deals/?limit=50").json()["items"]) == 24
