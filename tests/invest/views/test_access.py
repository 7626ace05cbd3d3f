"""Every investment route and API operation × every role → the expected status.

`test_every_invest_route_is_in_the_matrix` fails when a route or API operation is added without a row here.
"""

from __future__ import annotations

import json

import pytest

from kopru.core.enums import Visibility
from kopru.invest.domain.imports import preview_import
from kopru.invest.models import ImportBatch
from tests.factories import CompanyProfileFactory, DealFactory, OpportunityFactory
from tests.matrix import ROLES, api_operation_ids, client_as, expect, url_names

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


EVERYONE = expect(200, 200, 200, 200, 200, 200)
STAFF = expect(200, 200, 200, 403, 403, 302)
SHARED_VIEW = expect(200, 200, 200, 404, 404, 302)  # a shared record of another company
SHARED_POST = expect(302, 302, 302, 404, 404, 302)
OWN_BATCH = expect(200, 200, 404, 403, 403, 302)  # an import uploaded by staff_a
API_EVERYONE = expect(200, 200, 200, 200, 200, 200)
API_SHARED = expect(200, 200, 200, 404, 404, 401)
API_CREATE = expect(201, 201, 201, 403, 403, 401)
API_STAFF = expect(200, 200, 200, 403, 403, 401)

# name: (path builder, method, data, expected)
WEB = {
    "invest:home": (lambda o: "/invest/", "get", None, EVERYONE),
    "invest:board": (lambda o: "/invest/board/", "get", None, STAFF),
    "invest:board-column": (lambda o: f"/invest/board/stages/{o['contacted']}/", "get", None, STAFF),
    "invest:deal-list": (lambda o: "/invest/deals/", "get", None, EVERYONE),
    "invest:deal-create": (lambda o: "/invest/deals/new/", "get", None, STAFF),
    "invest:deal-export-csv": (lambda o: "/invest/deals/export.csv", "get", None, STAFF),
    "invest:deal-export-xlsx": (lambda o: "/invest/deals/export.xlsx", "get", None, STAFF),
    "invest:deal-detail": (lambda o: f"/invest/deals/{o['deal'].pk}/", "get", None, SHARED_VIEW),
    "invest:deal-edit": (lambda o: f"/invest/deals/{o['deal'].pk}/edit/", "get", None, SHARED_VIEW),
    "invest:deal-move": (
        lambda o: f"/invest/deals/{o['deal'].pk}/move/",
        "post",
        lambda o: {"stage": o["contacted"]},
        SHARED_POST,
    ),
    "invest:deal-note": (
        lambda o: f"/invest/deals/{o['deal'].pk}/notes/",
        "post",
        {"text": "x", "visibility": "shared"},
        SHARED_POST,
    ),
    "invest:opportunity-list": (lambda o: "/invest/opportunities/", "get", None, EVERYONE),
    "invest:opportunity-create": (lambda o: "/invest/opportunities/new/", "get", None, STAFF),
    "invest:opportunity-detail": (
        lambda o: f"/invest/opportunities/{o['opportunity'].pk}/",
        "get",
        None,
        SHARED_VIEW,
    ),
    "invest:opportunity-edit": (
        lambda o: f"/invest/opportunities/{o['opportunity'].pk}/edit/",
        "get",
        None,
        SHARED_VIEW,
    ),
    "invest:opportunity-note": (
        lambda o: f"/invest/opportunities/{o['opportunity'].pk}/notes/",
        "post",
        {"text": "x", "visibility": "shared"},
        SHARED_POST,
    ),
    "invest:company-list": (lambda o: "/invest/companies/", "get", None, EVERYONE),
    "invest:company-create": (lambda o: "/invest/companies/new/", "get", None, STAFF),
    "invest:company-detail": (lambda o: f"/invest/companies/{o['profile'].pk}/", "get", None, SHARED_VIEW),
    "invest:company-edit": (lambda o: f"/invest/companies/{o['profile'].pk}/edit/", "get", None, SHARED_VIEW),
    "invest:company-note": (
        lambda o: f"/invest/companies/{o['profile'].pk}/notes/",
        "post",
        {"text": "x", "visibility": "shared"},
        SHARED_POST,
    ),
    "invest:pipeline-list": (lambda o: "/invest/pipelines/", "get", None, STAFF),
    "invest:pipeline-create": (lambda o: "/invest/pipelines/new/", "get", None, STAFF),
    "invest:pipeline-edit": (
        lambda o: f"/invest/pipelines/{o['deal'].pipeline_id}/edit/",
        "get",
        None,
        STAFF,
    ),
    "invest:import-upload": (lambda o: "/invest/import/", "get", None, STAFF),
    "invest:import-preview": (lambda o: f"/invest/import/{o['batch'].pk}/", "get", None, OWN_BATCH),
}

API = {
    "invest_list_opportunities": (lambda o: "/api/invest/opportunities/", "get", API_EVERYONE),
    "invest_get_opportunity": (
        lambda o: f"/api/invest/opportunities/{o['opportunity'].pk}",
        "get",
        API_SHARED,
    ),
    "invest_opportunity_matches": (
        lambda o: f"/api/invest/opportunities/{o['opportunity'].pk}/matches",
        "get",
        API_SHARED,
    ),
    "invest_list_companies": (lambda o: "/api/invest/companies/", "get", API_EVERYONE),
    "invest_get_company": (lambda o: f"/api/invest/companies/{o['profile'].pk}", "get", API_SHARED),
    "invest_company_matches": (
        lambda o: f"/api/invest/companies/{o['profile'].pk}/matches",
        "get",
        API_SHARED,
    ),
    "invest_list_deals": (lambda o: "/api/invest/deals/", "get", API_EVERYONE),
    "invest_get_deal": (lambda o: f"/api/invest/deals/{o['deal'].pk}", "get", API_SHARED),
    "invest_move_deal": (lambda o: f"/api/invest/deals/{o['deal'].pk}/move", "post", API_SHARED),
    # writes: (path, method, expected, body); the same forms and rules as the pages
    "invest_create_deal": (
        lambda o: "/api/invest/deals/",
        "post",
        API_CREATE,
        lambda o: {
            "title": "API deal",
            "pipeline": o["deal"].pipeline_id,
            "stage": o["lead"],
            "currency": "USD",
        },
    ),
    "invest_update_deal": (
        lambda o: f"/api/invest/deals/{o['deal'].pk}",
        "patch",
        API_SHARED,
        lambda o: {"jobs": 120},
    ),
    "invest_create_opportunity": (
        lambda o: "/api/invest/opportunities/",
        "post",
        API_CREATE,
        lambda o: {"title": "API site", "kind": "greenfield", "host_country": "TR", "sectors": ["battery"]},
    ),
    "invest_update_opportunity": (
        lambda o: f"/api/invest/opportunities/{o['opportunity'].pk}",
        "patch",
        API_SHARED,
        lambda o: {"jobs": 40, "sectors": ["battery"]},
    ),
    "invest_create_company": (
        lambda o: "/api/invest/companies/",
        "post",
        API_CREATE,
        lambda o: {"name": "API Cells Co", "hq_country": "CN"},
    ),
    "invest_list_pipelines": (lambda o: "/api/invest/pipelines/", "get", API_STAFF),
    "invest_create_pipeline": (
        lambda o: "/api/invest/pipelines/",
        "post",
        API_CREATE,
        lambda o: {
            "name": f"Team pipeline {o['deal'].pk}",
            "stages": [
                {"code": "lead", "name": "Lead", "order": 1, "phase": "open", "probability": 10},
                {"code": "lost", "name": "Lost", "order": 2, "phase": "lost", "probability": 0},
            ],
        },
    ),
    "invest_update_pipeline": (
        lambda o: f"/api/invest/pipelines/{o['deal'].pipeline_id}",
        "patch",
        API_STAFF,
        lambda o: {"name_tr": "Yatırım süreci"},
    ),
    "invest_update_company": (
        lambda o: f"/api/invest/companies/{o['profile'].pk}",
        "patch",
        API_SHARED,
        lambda o: {"employees": 50},
    ),
}


@pytest.fixture
def objects(cast):
    deal = DealFactory()
    return {
        "deal": deal,
        "contacted": deal.pipeline.stages.get(code="contacted").pk,
        "lead": deal.pipeline.stages.get(code="lead").pk,
        "opportunity": OpportunityFactory(),
        "profile": deal.company,
        "batch": preview_import(
            ImportBatch.Kind.COMPANIES, "c.csv", b"name,hq_country\nNingtai,CN\n", user=cast.staff_a
        ),
    }


def test_every_invest_route_is_in_the_matrix():
    assert {name for name in url_names("invest/") if name.startswith("invest:")} == set(WEB)
    assert api_operation_ids("/invest/") == set(API)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(WEB))
def test_web_route(client, cast, objects, role, name):
    path, method, data, expected = WEB[name]
    client = client_as(client, cast, role)
    payload = data(objects) if callable(data) else data
    response = (
        getattr(client, method)(path(objects), payload) if method == "post" else client.get(path(objects))
    )
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(API))
def test_api_operation(client, cast, objects, role, operation):
    path, method, expected, *body = API[operation]
    client = client_as(client, cast, role)
    if method in ("post", "patch"):
        payload = body[0](objects) if body else {"stage": "contacted"}
        response = getattr(client, method)(
            path(objects), json.dumps(payload), content_type="application/json"
        )
    else:
        response = client.get(path(objects))
    assert response.status_code == expected[role]


# -- the company user's own records ---------------------------------------------------------------------

OWN = {"company": 200, "reviewer": 404, "anonymous": 302}


@pytest.mark.parametrize("role", ["company", "reviewer", "anonymous"])
def test_a_company_user_reads_its_own_deal_and_profile_but_changes_nothing(client, cast, role):
    profile = CompanyProfileFactory(organisation=cast.company_organisation)
    deal = DealFactory(company=profile)
    client = client_as(client, cast, role)
    assert client.get(f"/invest/deals/{deal.pk}/").status_code == OWN[role]
    assert client.get(f"/invest/companies/{profile.pk}/").status_code == OWN[role]
    refused = {"company": 403, "reviewer": 404, "anonymous": 302}[role]
    assert client.get(f"/invest/deals/{deal.pk}/edit/").status_code == refused
    assert client.post(f"/invest/deals/{deal.pk}/move/", {"stage": deal.stage_id}).status_code == refused
    note_refused = {"company": 403, "reviewer": 404, "anonymous": 302}[role]
    assert client.post(
        f"/invest/deals/{deal.pk}/notes/", {"text": "x", "visibility": "shared"}
    ).status_code == (note_refused)


def test_a_company_user_never_sees_its_own_internal_deal(client, cast):
    profile = CompanyProfileFactory(organisation=cast.company_organisation)
    deal = DealFactory(company=profile, visibility=Visibility.INTERNAL, owner_side="TR")
    client = client_as(client, cast, "company")
    assert client.get(f"/invest/deals/{deal.pk}/").status_code == 404
    assert list(client.get("/invest/deals/").context["page"].object_list) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_deal_list_shows_only_what_the_role_may_read(client, cast, role):
    DealFactory(company=CompanyProfileFactory(organisation=cast.company_organisation), title="own")
    DealFactory(visibility=Visibility.INTERNAL, owner_side="TR", title="internal_a")
    DealFactory(title="shared")
    DealFactory(visibility=Visibility.PUBLIC, title="public")
    response = client_as(client, cast, role).get("/invest/deals/")
    shown = {deal.title for deal in response.context["page"].object_list}
    expected = {
        "admin": {"internal_a", "shared", "public", "own"},
        "staff_a": {"internal_a", "shared", "public", "own"},
        "staff_b": {"shared", "public", "own"},
        "company": {"public", "own"},
        "reviewer": {"public"},
        "anonymous": {"public"},
    }[role]
    assert shown == expected
    api = client_as(client, cast, role).get("/api/invest/deals/").json()
    assert {item["title"] for item in api["items"]} == expected
