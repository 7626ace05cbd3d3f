"""Every insights route and API operation × every role → the expected status.

`test_every_insights_route_is_in_the_matrix` fails when a route or API operation is added without a row."""

from __future__ import annotations

import pytest

from kopru.core.enums import Visibility
from kopru.insights.models import SavedFilter
from tests.factories import OrganisationFactory, PersonFactory
from tests.insights.builders import activity
from tests.matrix import ROLES, api_operation_ids, client_as, expect, url_names

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIGNED_IN = expect(200, 200, 200, 200, 200, 302)
INTERNAL_A = expect(200, 200, 404, 404, 404, 302)  # a pack of side A's internal person
POSTED = expect(302, 302, 302, 302, 302, 302)
OWN_FILTER = expect(404, 302, 404, 404, 404, 302)  # deleting staff_a's saved filter
FEED = expect(200, 200, 200, 200, 200, 200)  # the secret token is the key
API_SIGNED_IN = expect(200, 200, 200, 200, 200, 401)


@pytest.fixture
def objects(cast):
    person, _made = activity(1)
    internal = PersonFactory(name="Internal Person", visibility=Visibility.INTERNAL, owner_side="TR")
    organisation = OrganisationFactory(name="Public Org", visibility=Visibility.PUBLIC)
    saved = SavedFilter.objects.create(
        user=cast.staff_a, name="Held", slug="engagements", query="status=held"
    )
    return {"person": person, "internal": internal, "organisation": organisation, "filter": saved}


# name: (path builder, method, data, expected)
WEB = {
    "insights:overview": (lambda o: "/insights/", "get", None, SIGNED_IN),
    "insights:records": (lambda o: "/insights/records/?kind=engagements", "get", None, SIGNED_IN),
    "insights:commitments": (lambda o: "/insights/commitments/", "get", None, SIGNED_IN),
    "insights:graph": (lambda o: "/insights/graph/", "get", None, SIGNED_IN),
    "insights:map": (lambda o: "/insights/map/", "get", None, SIGNED_IN),
    "insights:calls": (lambda o: "/insights/calls/", "get", None, SIGNED_IN),
    "insights:export-csv": (lambda o: "/insights/export/sectors.csv", "get", None, SIGNED_IN),
    "insights:export-xlsx": (lambda o: "/insights/export/commitments.xlsx", "get", None, SIGNED_IN),
    "insights:pack-person": (
        lambda o: f"/insights/packs/person/{o['internal'].pk}/",
        "get",
        None,
        INTERNAL_A,
    ),
    "insights:pack-person-pdf": (
        lambda o: f"/insights/packs/person/{o['person'].pk}/pdf/",
        "get",
        None,
        SIGNED_IN,
    ),
    "insights:pack-organisation": (
        lambda o: f"/insights/packs/organisation/{o['organisation'].pk}/",
        "get",
        None,
        SIGNED_IN,
    ),
    "insights:pack-organisation-pdf": (
        lambda o: f"/insights/packs/organisation/{o['organisation'].pk}/pdf/",
        "get",
        None,
        SIGNED_IN,
    ),
    "insights:pack-pair": (lambda o: "/insights/packs/pair/?sector=battery", "get", None, SIGNED_IN),
    "insights:pack-pair-pdf": (lambda o: "/insights/packs/pair/pdf/?sector=battery", "get", None, SIGNED_IN),
    "insights:follow": (
        lambda o: "/insights/follow/",
        "post",
        {"kind": "sector", "target": "battery", "action": "follow"},
        POSTED,
    ),
    "insights:following": (lambda o: "/insights/following/", "get", None, SIGNED_IN),
    "insights:filter-delete": (
        lambda o: f"/insights/filters/{o['filter'].pk}/delete/",
        "post",
        {},
        OWN_FILTER,
    ),
    "insights:filter-feed": (lambda o: f"/insights/feeds/{o['filter'].token}.atom", "get", None, FEED),
}
API = {
    "insights_table_names": (lambda o: "/api/insights/tables/", API_SIGNED_IN),
    "insights_table": (lambda o: "/api/insights/tables/commitments", API_SIGNED_IN),
    "insights_graph": (lambda o: "/api/insights/graph", API_SIGNED_IN),
}


def test_every_insights_route_is_in_the_matrix():
    assert {name for name in url_names("insights/") if name.startswith("insights:")} == set(WEB)
    assert api_operation_ids("/insights/") == set(API)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(WEB))
def test_web_route(client, cast, objects, role, name):
    path, method, data, expected = WEB[name]
    client = client_as(client, cast, role)
    response = client.post(path(objects), data) if method == "post" else client.get(path(objects))
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(API))
def test_api_operation(client, cast, objects, role, operation):
    path, expected = API[operation]
    assert client_as(client, cast, role).get(path(objects)).status_code == expected[role]
