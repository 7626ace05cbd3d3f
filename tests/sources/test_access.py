"""Every watched-sources route and API operation × every role."""

import json

import pytest

from kopru.core.enums import Visibility
from kopru.sources.models import FetchLog, Source
from tests.matrix import ROLES, api_operation_ids, client_as, url_names

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

STAFF = {"admin": 200, "staff_a": 200, "staff_b": 200, "company": 403, "reviewer": 403, "anonymous": 302}
STAFF_OWN_SIDE = {**STAFF, "staff_b": 404}
API_STAFF = {"admin": 200, "staff_a": 200, "staff_b": 200, "company": 403, "reviewer": 403, "anonymous": 401}
API_OWN_SIDE = {**API_STAFF, "staff_b": 404}


@pytest.fixture
def world(cast):
    shared = Source.objects.create(name="Ministry feed", url="http://127.0.0.1:9/rss.xml")
    internal = Source.objects.create(
        name="Embassy notes",
        url="http://127.0.0.1:9/embassy",
        kind="page",
        visibility=Visibility.INTERNAL,
        owner_side="TR",
    )
    return {"shared": shared, "internal": internal}


def test_every_sources_route_is_in_the_matrix():
    assert url_names("sources/") == {
        "sources:list",
        "sources:create",
        "sources:detail",
        "sources:edit",
        "sources:fetch",
    }
    assert api_operation_ids("/sources/") == {
        "list_sources",
        "get_source",
        "create_source",
        "update_source",
        "fetch_source_now",
    }


@pytest.mark.parametrize("role", ROLES)
def test_pages(client, cast, world, role):
    client = client_as(client, cast, role)
    assert client.get("/sources/").status_code == STAFF[role]
    assert client.get("/sources/new/").status_code == STAFF[role]
    assert client.get(f"/sources/{world['shared'].pk}/").status_code == STAFF[role]
    assert client.get(f"/sources/{world['shared'].pk}/edit/").status_code == STAFF[role]
    assert client.get(f"/sources/{world['internal'].pk}/").status_code == STAFF_OWN_SIDE[role]
    assert client.get(f"/sources/{world['internal'].pk}/edit/").status_code == STAFF_OWN_SIDE[role]


@pytest.mark.parametrize("role", ROLES)
def test_fetch_now_page_action(client, cast, world, role, django_capture_on_commit_callbacks):
    client = client_as(client, cast, role)
    expected = {**STAFF_OWN_SIDE, "admin": 302, "staff_a": 302}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/sources/{world['internal'].pk}/fetch/")
    assert response.status_code == expected[role]
    assert len(callbacks) == (1 if expected[role] == 302 and role != "anonymous" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_api(client, cast, world, role, django_capture_on_commit_callbacks):
    client = client_as(client, cast, role)
    listed = client.get("/api/sources/")
    assert listed.status_code == API_STAFF[role]
    if listed.status_code == 200:
        names = [row["name"] for row in listed.json()]
        assert names == (["Embassy notes", "Ministry feed"] if role != "staff_b" else ["Ministry feed"])
    assert client.get(f"/api/sources/{world['internal'].pk}").status_code == API_OWN_SIDE[role]
    patched = client.patch(
        f"/api/sources/{world['internal'].pk}",
        data=json.dumps({"interval_minutes": 30}),
        content_type="application/json",
    )
    assert patched.status_code == API_OWN_SIDE[role]
    with django_capture_on_commit_callbacks(execute=False):
        fetched = client.post(f"/api/sources/{world['internal'].pk}/fetch")
    assert fetched.status_code == {**API_OWN_SIDE, "admin": 202, "staff_a": 202}[role]
    created = client.post(
        "/api/sources/",
        data=json.dumps({"name": f"New {role}", "url": f"https://example.org/{role}.xml"}),
        content_type="application/json",
    )
    assert created.status_code == {**API_STAFF, "admin": 201, "staff_a": 201, "staff_b": 201}[role]
    assert Source.objects.filter(name=f"New {role}").exists() == (created.status_code == 201)
    assert FetchLog.objects.count() == 0
