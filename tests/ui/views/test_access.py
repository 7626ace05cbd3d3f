"""Every route × every role → the allowed or denied outcome.

`test_every_route_is_in_the_matrix` fails when a URL or API route is added without a row here, so the
matrix cannot silently fall behind the application.
"""

from __future__ import annotations

import pytest

from kopru.core.enums import Visibility
from tests.factories import RECORD_FACTORIES, make_record
from tests.matrix import (
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

RECORD_SLUGS = list(RECORD_FACTORIES)

# Expected HTTP status per role, for each kind of page and each visibility of the record it shows.
# 302 for anonymous users means "sent to the login page".
VIEW = view_outcomes(302)
EDIT = change_outcomes(302)
STAFF_ONLY = {"admin": 200, "staff_a": 200, "staff_b": 200, "company": 403, "reviewer": 403, "anonymous": 302}
NOTE_POST = on_success(VIEW["internal_a"], 302)
NOTE_POST["anonymous"] = 302
ADMIN_SITE = {"admin": 200, "staff_a": 302, "staff_b": 302, "company": 302, "reviewer": 302, "anonymous": 302}

API_VIEW = view_outcomes(401)
# An empty create payload: allowed roles reach validation (422), others are refused before it.
API_CREATE = {"admin": 422, "staff_a": 422, "staff_b": 422, "company": 403, "reviewer": 403, "anonymous": 401}

# URL names (web) and operation ids (API) that the matrix below exercises.
COVERED_URL_NAMES = {
    "dashboard",
    "search",
    "engagement-timeline",
    "engagement-calendar",
    "area-board",
    "area-advance",
    "document-upload",
    "record-list",
    "record-create",
    "record-export-csv",
    "record-export-xlsx",
    "record-detail",
    "record-edit",
    "record-history",
    "record-add-note",
    "login",
    "logout",
    "set_language",
    "favicon",
}
# Apps with their own matrix test (tests/<app>/) prove coverage of their namespaced routes.
APP_NAMESPACES = ("intel:", "invest:", "invest_case:", "calls:", "insights:", "sources:")


_client = client_as


def test_every_route_is_in_the_matrix():
    core_names = {name for name in url_names() if not name.startswith(("admin:", "api", *APP_NAMESPACES))}
    assert core_names - COVERED_URL_NAMES == set()
    expected = set()
    for slug in RECORD_FACTORIES:
        expected |= {f"list_{slug}", f"get_{slug}", f"create_{slug}", f"update_{slug}"}
    expected |= {"list_countries", "get_countries", "list_sectors", "get_sectors"}
    assert api_operation_ids("/") == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search/?q=kacir",
        "/engagements/timeline/",
        "/areas/board/",
        "/api/docs",
        "/api/openapi.json",
        "/countries/",
        "/countries/TR/",
        "/sectors/",
    ],
)
def test_pages_everyone_may_open(client, cast, role, url):
    assert _client(client, cast, role).get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("slug", RECORD_SLUGS)
def test_lists_show_only_what_the_role_may_read(client, cast, role, slug):
    records = {name: make_record(slug, *VISIBILITIES[name]) for name in VISIBILITIES}
    response = _client(client, cast, role).get(f"/{slug}/")
    assert response.status_code == 200
    shown = {name for name, record in records.items() if record in response.context["page"].object_list}
    expected = {name for name in VISIBILITIES if VIEW[name][role] == 200}
    assert shown == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", list(VISIBILITIES))
@pytest.mark.parametrize("slug", RECORD_SLUGS)
def test_detail_history_and_edit(client, cast, role, visibility, slug):
    record = make_record(slug, *VISIBILITIES[visibility])
    client = _client(client, cast, role)
    assert client.get(f"/{slug}/{record.pk}/").status_code == VIEW[visibility][role]
    assert client.get(f"/{slug}/{record.pk}/history/").status_code == VIEW[visibility][role]
    assert client.get(f"/{slug}/{record.pk}/edit/").status_code == EDIT[visibility][role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("slug", RECORD_SLUGS)
def test_create_and_export(client, cast, role, slug):
    client = _client(client, cast, role)
    assert client.get(f"/{slug}/new/").status_code == STAFF_ONLY[role]
    assert client.get(f"/{slug}/export.csv").status_code == STAFF_ONLY[role]
    assert client.get(f"/{slug}/export.xlsx").status_code == STAFF_ONLY[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_favicon_sends_everyone_to_the_static_file(client, cast, role):
    response = _client(client, cast, role).get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/kopru/favicon.ico")


@pytest.mark.parametrize("role", ROLES)
def test_staff_only_pages(client, cast, role):
    client = _client(client, cast, role)
    assert client.get("/engagements/calendar.ics").status_code == STAFF_ONLY[role]
    assert client.get("/documents/upload/").status_code == STAFF_ONLY[role]


@pytest.mark.parametrize("role", ROLES)
def test_reference_data_is_read_only_outside_the_admin(client, cast, role):
    client = _client(client, cast, role)
    expected_new = {"anonymous": 302}.get(role, 403)
    assert client.get("/countries/new/").status_code == expected_new
    expected_edit = {"anonymous": 302}.get(role, 403)
    assert client.get("/countries/TR/edit/").status_code == expected_edit


@pytest.mark.parametrize("role", ROLES)
def test_notes_and_area_moves_on_the_other_sides_internal_record(client, cast, role):
    area = make_record("areas", Visibility.INTERNAL, "TR")
    client = _client(client, cast, role)
    assert (
        client.post(f"/areas/{area.pk}/notes/", {"text": "x", "visibility": "shared"}).status_code
        == NOTE_POST[role]
    )
    response = client.post(f"/areas/{area.pk}/advance/", {"to_status": "discussed", "on_date": "2024-05-20"})
    assert response.status_code == NOTE_POST[role]


@pytest.mark.parametrize("role", ROLES)
def test_django_admin(client, cast, role):
    assert _client(client, cast, role).get("/admin/").status_code == ADMIN_SITE[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", list(VISIBILITIES))
@pytest.mark.parametrize("slug", RECORD_SLUGS)
def test_api_routes(client, cast, role, visibility, slug):
    record = make_record(slug, *VISIBILITIES[visibility])
    client = _client(client, cast, role)
    listed = client.get(f"/api/{slug}/")
    assert listed.status_code == 200
    listed_ids = {item["id"] for item in listed.json()["items"]}
    assert (record.pk in listed_ids) == (API_VIEW[visibility][role] == 200)
    assert client.get(f"/api/{slug}/{record.pk}").status_code == API_VIEW[visibility][role]
    expected_patch = API_VIEW[visibility][role]
    if expected_patch == 200 and role in ("company", "reviewer", "anonymous"):
        expected_patch = {"anonymous": 401}.get(role, 403)
    assert (
        client.patch(f"/api/{slug}/{record.pk}", {}, content_type="application/json").status_code
        == expected_patch
    )
    assert client.post(f"/api/{slug}/", {}, content_type="application/json").status_code == API_CREATE[role]


@pytest.mark.parametrize("role", ROLES)
def test_api_reference_data(client, cast, role):
    client = _client(client, cast, role)
    assert client.get("/api/countries/TR").status_code == 200
    assert client.get("/api/sectors/").status_code == 200
