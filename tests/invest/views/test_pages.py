"""The investment pages as officers and company users use them: forms, moves, notes, board, lists."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core import access
from kopru.core.domain.notes import add_note
from kopru.core.enums import Visibility
from kopru.invest.models import CompanyProfile, Deal, Opportunity, StageChange
from tests.factories import (
    CompanyProfileFactory,
    DealFactory,
    EngagementFactory,
    OpportunityFactory,
    default_stage,
    sector,
)
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_an_officer_creates_a_company_profile_and_a_deal(client, cast):
    client = client_as(client, cast, "staff_a")
    response = client.post(
        "/invest/companies/new/",
        {
            "name": "Ningtai Battery",
            "hq_country": "CN",
            "sectors": [sector("battery").pk],
            "capabilities": "LFP cells",
            "tags": "LFP, gigafactory",
            "capacities": "400 GWh/yr",
            "plants": "cn, hu",
            "export_markets": "EU",
            "investment_modes": ["greenfield"],
            "visibility": "shared",
        },
    )
    profile = CompanyProfile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/invest/companies/{profile.pk}/"
    assert (profile.organisation.name, profile.organisation.country_id) == ("Ningtai Battery", "CN")
    assert (profile.tags, profile.capacities, profile.plants) == (
        ["LFP", "gigafactory"],
        [{"value": 400.0, "unit": "GWh/yr"}],
        ["CN", "HU"],
    )
    pipeline = default_stage("lead").pipeline
    response = client.post(
        "/invest/deals/new/",
        {
            "title": "Ningtai – Manisa cells",
            "company": profile.pk,
            "pipeline": pipeline.pk,
            "stage": default_stage("contacted").pk,
            "currency": "USD",
            "announced_amount": "1500",
            "visibility": "shared",
        },
    )
    deal = Deal.objects.get()
    assert response.status_code == 302
    assert (deal.stage, deal.announced_amount, deal.company) == (default_stage("contacted"), 1500, profile)
    assert StageChange.objects.get(deal=deal).by == cast.staff_a


def test_bad_input_gives_field_errors_not_a_500(client, cast):
    client = client_as(client, cast, "staff_a")
    response = client.post(
        "/invest/companies/new/", {"capacities": "lots of GWh", "plants": "China", "visibility": "shared"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "capacities", "plants"}
    response = client.post(
        "/invest/opportunities/new/",
        {
            "title": "Site",
            "kind": "greenfield",
            "province": "Atlantis",
            "capacity_value": "5",
            "visibility": "shared",
        },
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"province", "capacity_unit", "sectors"}


def test_moving_on_the_deal_page_and_a_refusal_with_its_reason(client, cast):
    deal = DealFactory()
    client = client_as(client, cast, "staff_a")
    response = client.post(f"/invest/deals/{deal.pk}/move/", {"stage": default_stage("operating").pk})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "needs a signed agreement" in page.content.decode()
    client.post(
        f"/invest/deals/{deal.pk}/move/", {"stage": default_stage("site_visit").pk, "note": "Manisa OIZ"}
    )
    page = client.get(f"/invest/deals/{deal.pk}/").content.decode()
    assert "Manisa OIZ" in page and "Site visit" in page


def test_the_board_moves_by_json_and_answers_409_with_a_reason(client, cast):
    deal = DealFactory()
    client = client_as(client, cast, "staff_a")
    board = client.get("/invest/board/")
    assert [column.stage.code for column in board.context["columns"]][:2] == ["lead", "contacted"]
    headers = {"Accept": "application/json"}
    response = client.post(
        f"/invest/deals/{deal.pk}/move/",
        {"stage": default_stage("contacted").pk, "position": 0},
        headers=headers,
    )
    assert response.json() == {"ok": True, "deal": deal.pk, "stage": "contacted", "moved": True}
    response = client.post(
        f"/invest/deals/{deal.pk}/move/", {"stage": default_stage("operating").pk}, headers=headers
    )
    assert response.status_code == 409
    assert response.json()["error"].startswith("“Operating” needs a signed agreement")


def test_api_move_refused_is_409_and_allowed_returns_history(client, cast):
    deal = DealFactory()
    client = client_as(client, cast, "staff_a")
    url = f"/api/invest/deals/{deal.pk}/move"
    refused = client.post(url, json.dumps({"stage": "operating"}), content_type="application/json")
    assert refused.status_code == 409
    unknown = client.post(url, json.dumps({"stage": "heaven"}), content_type="application/json")
    assert unknown.status_code == 422
    moved = client.post(
        url, json.dumps({"stage": "contacted", "note": "call"}), content_type="application/json"
    )
    assert moved.status_code == 200
    assert [(h["from_stage"], h["to_stage"]) for h in moved.json()["history"]] == [("lead", "contacted")]


def test_company_users_see_shared_parts_only(client, cast):
    profile = CompanyProfileFactory(organisation=cast.company_organisation)
    deal = DealFactory(company=profile, next_action="Check the bank guarantee", probability=40)
    deal.engagements.add(
        EngagementFactory(title="Internal prep meeting", visibility=Visibility.INTERNAL, owner_side="TR")
    )
    add_note(deal, author=cast.staff_a, text="Layout received.", visibility=Visibility.SHARED)
    add_note(deal, author=cast.staff_a, text="Guarantee still pending.", visibility=Visibility.INTERNAL)
    page = client_as(client, cast, "company").get(f"/invest/deals/{deal.pk}/").content.decode()
    assert deal.title in page
    # "shared" means shared by both governments: neither note reaches the company (core visibility rule)
    assert "Guarantee still pending." not in page and "Layout received." not in page
    assert "Check the bank guarantee" not in page and "Internal prep meeting" not in page
    staff_b = client_as(client, cast, "staff_b").get(f"/invest/deals/{deal.pk}/").content.decode()
    assert "Guarantee still pending." not in staff_b and "Layout received." in staff_b


def test_opportunity_page_shows_incentives_from_the_case_data_and_matches(client, cast):
    opportunity = OpportunityFactory(
        title="Cell site",
        province="Manisa",
        in_oiz=True,
        capex_musd=100,
        scheme_type="large_scale",
        sectors=[sector("battery")],
    )
    response = client_as(client, cast, "staff_a").get(f"/invest/opportunities/{opportunity.pk}/")
    assert response.context["region"] == 3
    estimate = response.context["incentives"].estimate
    assert estimate is not None and estimate.province == "Manisa"


@pytest.mark.parametrize(
    "path", ["/invest/deals/", "/invest/opportunities/", "/invest/companies/", "/invest/board/"]
)
def test_list_pages_do_not_grow_queries_with_rows(client, cast, path):
    client = client_as(client, cast, "staff_a")

    def make(n):
        for _ in range(n):
            deal = DealFactory()
            deal.sectors.add(sector("battery"))
            OpportunityFactory(sectors=[sector("battery")])

    make(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(path).status_code == 200
    make(2)
    with CaptureQueriesContext(connection) as three:
        assert client.get(path).status_code == 200
    assert len(three) == len(one)


def test_a_new_deal_recorded_straight_into_construction_needs_its_agreement(client, cast):
    client = client_as(client, cast, "staff_a")
    construction = default_stage("under_construction")
    data = {
        "title": "Plant",
        "pipeline": construction.pipeline_id,
        "stage": construction.pk,
        "currency": "USD",
        "visibility": "shared",
    }
    response = client.post("/invest/deals/new/", data)
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"company", "agreement_signed_on"}
    profile = CompanyProfileFactory()
    response = client.post(
        "/invest/deals/new/", {**data, "company": profile.pk, "agreement_signed_on": "2024-07-08"}
    )
    assert response.status_code == 302
    assert Deal.objects.get().stage == construction


def test_the_csv_export_has_the_filtered_deals_and_inert_cells(client, cast):
    DealFactory(title="=HYPERLINK(evil)", announced_amount=1000)
    DealFactory(title="Other", visibility=Visibility.INTERNAL, owner_side="CN")
    response = client_as(client, cast, "staff_a").get("/invest/deals/export.csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,title,company,opportunity,pipeline,stage")
    assert len(lines) == 2
    assert ",'=HYPERLINK(evil)," in lines[1] and ",1000.00," in lines[1]


def test_deal_detail_reads_its_pipeline_and_stage_with_the_deal(client, cast):
    """The deal's pipeline and stage come with the deal (issue 14: a query each before)."""
    client = client_as(client, cast, "staff_a")
    deal = DealFactory(company=None)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/invest/deals/{deal.pk}/")
    assert str(deal.stage.label) in response.content.decode()
    alone = [
        query["sql"]
        for query in queries
        if query["sql"].startswith(('SELECT "invest_pipeline"', 'SELECT "invest_stage"'))
        and "WHERE" in query["sql"]
        and '"id" =' in query["sql"].split("WHERE", 1)[1]
    ]
    assert alone == []


def test_the_investment_home_counts_what_each_side_may_see_in_one_statement(client, cast):
    """The three cards' counts are one statement (issue 14), each still narrowed to the reader's records."""
    OpportunityFactory()
    OpportunityFactory(visibility=Visibility.INTERNAL, owner_side="CN")
    CompanyProfileFactory(visibility=Visibility.INTERNAL, owner_side="TR")
    DealFactory()
    DealFactory(visibility=Visibility.INTERNAL, owner_side="CN")
    DealFactory(visibility=Visibility.INTERNAL, owner_side="TR")
    expected = {}
    for role in ("staff_a", "staff_b"):
        user = cast.by_role()[role]
        expected[role] = {
            "opportunities": access.visible_to(Opportunity.objects.all(), user).count(),
            "companies": access.visible_to(CompanyProfile.objects.all(), user).count(),
            "deals": access.visible_to(Deal.objects.all(), user).count(),
        }
        response = client_as(client, cast, role).get("/invest/")
        assert response.context["counts"] == expected[role], role
    assert expected["staff_a"] != expected["staff_b"]
    assert expected["staff_a"]["deals"] == 2 and expected["staff_b"]["deals"] == 2


@pytest.mark.parametrize("path", ["/invest/", "/invest/board/"])
def test_the_pipeline_shown_is_the_one_asked_for_else_the_default(client, cast, path):
    """Home and board pick their pipeline from the list they show (one query for both, issue 14)."""
    from kopru.invest.models import Pipeline

    default = default_stage("lead").pipeline
    other = Pipeline.objects.create(name="Aaa first by name")
    client = client_as(client, cast, "staff_a")
    assert client.get(path).context["pipeline"] == default
    assert client.get(f"{path}?pipeline={other.pk}").context["pipeline"] == other
    assert [p.pk for p in client.get(path).context["pipelines"]] == [default.pk, other.pk]
    for wanted in ("x", "999999", "99999999999999999999"):
        assert client.get(f"{path}?pipeline={wanted}").status_code == 404
    Pipeline.objects.update(is_default=False)
    assert client.get(path).context["pipeline"] == other  # no default: the first by name
