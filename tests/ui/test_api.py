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


def _engagements_with_links(count):
    hidden_person = PersonFactory(name="Hidden B", visibility="internal", owner_side="CN")
    shown_person = PersonFactory(name="Shown", visibility="public")
    for index in range(count):
        engagement = EngagementFactory(title=f"Linked {index}", visibility="public")
        engagement.people.set([hidden_person, shown_person] if index % 2 else [shown_person])
        engagement.sectors.set([sector("battery")])


@pytest.mark.parametrize("who", ["staff_a", "staff_b", "company", "admin", None])
def test_list_rows_equal_the_one_record_answers(client, cast, who):
    """The list's rows are worked out from plain values (`_list_rows`); each equals what the one-record
    endpoint answers for the same caller, hidden links left out alike."""
    from tests.conftest import client_for

    _engagements_with_links(4)
    caller = client_for(client, getattr(cast, who) if who else None)
    for slug in ("engagements", "people", "agreements", "organisations"):
        rows = caller.get(f"/api/{slug}/?limit=100").json()["items"]
        for row in rows:
            assert caller.get(f"/api/{slug}/{row['id']}").json() == row
    rows = caller.get("/api/engagements/?limit=100").json()["items"]
    assert len(rows) == 4
    assert sorted(len(row["people"]) for row in rows) == (
        [1, 1, 1, 1] if who in ("staff_a", "company", None) else [1, 1, 2, 2]
    )


def test_list_queries_do_not_grow_with_rows(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import client_for

    caller = client_for(client, cast.staff_a)
    _engagements_with_links(2)
    caller.get("/api/engagements/?limit=100")
    with CaptureQueriesContext(connection) as few:
        assert len(caller.get("/api/engagements/?limit=100").json()["items"]) == 2
    _engagements_with_links(12)
    with CaptureQueriesContext(connection) as many:
        assert len(caller.get("/api/engagements/?limit=100").json()["items"]) == 14
    assert len(many) == len(few)


def test_list_links_from_kept_statements_equal_the_orms(cast):
    # `_links_of` keeps each link's statement per number of records (kopru.core.statements.KeptValues), or
    # on PostgreSQL reads each linked record by its key (`_lateral_links`): asked again for other records
    # it answers what the ORM's statement answers for them
    from kopru.engage.models import Engagement
    from kopru.ui.api import _link_ids, _links_of

    _engagements_with_links(6)
    ids = list(Engagement.objects.order_by("pk").values_list("pk", flat=True))
    for name in ("people", "sectors", "organisations"):
        field = Engagement._meta.get_field(name)
        checked = hasattr(field.related_model, "visibility")
        values = [field.related_query_name(), "pk"]
        values += ["visibility", "owner_side"] if checked else []
        for chosen in (ids[:3], ids[3:], ids[1:4], list(reversed(ids[:3]))):
            expected = list(
                _link_ids(field).filter(**{f"{field.related_query_name()}__in": chosen}).values_list(*values)
            )
            assert _by_record(_links_of(Engagement, field, checked, chosen)) == _by_record(expected)


def _by_record(links) -> dict:
    """Each record's links in their order: all a list row reads (`_list_rows`). Between records the rows
    of one linked name may come in either order (PostgreSQL's plan decides; `_lateral_links`)."""
    found: dict = {}
    for record, *link in links:
        found.setdefault(record, []).append(tuple(link))
    return found


def test_the_apis_encoder_writes_what_ninjas_wrote():
    """The API's renderer hands dates, times and amounts to Django's encoder at once: the same text as
    ninja's encoder, whose other questions (models, URLs, addresses, enums) they all fail."""
    import datetime
    import json
    from decimal import Decimal
    from enum import Enum

    from ninja.responses import NinjaJSONEncoder

    from kopru.api import api

    class Colour(Enum):
        RED = "red"

    utc, plus3 = datetime.UTC, datetime.timezone(datetime.timedelta(hours=3))
    values = [
        datetime.date(2024, 2, 29),
        datetime.datetime(2024, 2, 29, 13, 5, 7, tzinfo=utc),
        datetime.datetime(2024, 2, 29, 13, 5, 7, 123456, tzinfo=utc),
        datetime.datetime(2024, 2, 29, 13, 5, 7, 999, tzinfo=plus3),
        datetime.datetime(2024, 2, 29, 13, 5),
        datetime.time(9, 30, 1, 500),
        Decimal("12.50"),
        Decimal("-0.001"),
        Decimal("1E+3"),
        datetime.timedelta(days=1, seconds=5),
        Colour.RED,
        {"nested": [Decimal("3.10"), datetime.date(1999, 12, 31), None, True, 1.5, "ü"]},
    ]
    data = {"items": values, "count": 3}
    expected = json.dumps(data, cls=NinjaJSONEncoder)
    assert api.renderer.render(None, data, response_status=200) == expected


def test_links_ordered_by_their_own_columns_are_read_by_key_on_postgresql():
    from django.db import connection

    from kopru.engage.models import Engagement
    from kopru.ui.api import _lateral_links

    people, sectors = (Engagement._meta.get_field(name) for name in ("people", "sectors"))
    if connection.vendor != "postgresql":
        assert _lateral_links(people, True, connection.alias) is None  # no LATERAL: the ORM's statement
        return
    statement = _lateral_links(people, True, connection.alias)
    assert "CROSS JOIN LATERAL" in statement and statement.endswith('ORDER BY r."name" ASC')
    assert _lateral_links(sectors, False, connection.alias) is None  # ordered through the parent sector
