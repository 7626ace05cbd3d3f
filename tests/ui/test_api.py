import pytest

from kopru.core.models import ApiToken, Person
from kopru.engage.models import Engagement
from tests.factories import EngagementFactory, PersonFactory, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def token(cast):
    _, raw = ApiToken.issue(cast.staff_a, "tests")
    return raw


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_create_with_a_token(client, token):
    kacir = PersonFactory(name="Mehmet Fatih Kacır")
    payload = {
        "kind": "visit",
        "title": "Visit to Jiangxi",
        "status": "planned",
        "place": "Jiangxi",
        "people": [kacir.pk],
        "sectors": [sector("battery").pk],
        "visibility": "internal",
    }
    response = client.post("/api/engagements/", payload, content_type="application/json", headers=auth(token))
    assert response.status_code == 201
    body = response.json()
    engagement = Engagement.objects.get()
    assert body["id"] == engagement.pk
    assert (body["title"], body["people"], body["owner_side"]) == ("Visit to Jiangxi", [kacir.pk], "TR")
    assert ApiToken.objects.get().last_used_at is not None


def test_invalid_payloads_get_422_with_field_details(client, token):
    response = client.post(
        "/api/engagements/",
        {"kind": "party", "title": "", "status": "planned"},
        content_type="application/json",
        headers=auth(token),
    )
    assert response.status_code == 422
    fields = {tuple(error["loc"])[-1] for error in response.json()["detail"]}
    assert fields == {"kind", "title"}
    assert Engagement.objects.count() == 0


def test_wrong_types_are_422_too(client, token):
    response = client.post(
        "/api/engagements/", {"people": "not a list"}, content_type="application/json", headers=auth(token)
    )
    assert response.status_code == 422


def test_patch_changes_only_the_given_fields(client, token):
    engagement = EngagementFactory(title="Meeting", place="Ankara")
    kacir = PersonFactory()
    engagement.people.add(kacir)
    response = client.patch(
        f"/api/engagements/{engagement.pk}",
        {"place": "Beijing"},
        content_type="application/json",
        headers=auth(token),
    )
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert (engagement.title, engagement.place, list(engagement.people.all())) == (
        "Meeting",
        "Beijing",
        [kacir],
    )


def test_list_filters_search_and_pagination(client, token):
    PersonFactory(name="Mehmet Fatih Kacır")
    PersonFactory(name="Yin Hejun")
    PersonFactory(name="Jin Zhuanglong")
    found = client.get("/api/people/?q=kacir", headers=auth(token)).json()
    assert [item["name"] for item in found["items"]] == ["Mehmet Fatih Kacır"]
    page = client.get("/api/people/?sort=name&limit=2&offset=1", headers=auth(token)).json()
    assert (page["count"], [item["name"] for item in page["items"]]) == (
        3,
        ["Mehmet Fatih Kacır", "Yin Hejun"],
    )


def test_a_bad_token_is_401_not_anonymous(client):
    assert client.get("/api/people/", headers=auth("wrong")).status_code == 401


def test_unknown_ids_are_404(client, token):
    assert client.get("/api/people/424242", headers=auth(token)).status_code == 404
    assert client.get("/api/people/abc", headers=auth(token)).status_code == 404


def test_the_openapi_document_lists_the_record_routes(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/engagements/", "/api/engagements/{pk}", "/api/people/", "/api/areas/"} <= set(paths)
    assert Person.objects.count() == 0
