"""The engagement list, its CSV export and the API list read engagements without their country: no column
shows it (the API answers its code, the row's own column), so joining core_country only cost time
(bench/load.py: engagements, api engagements). Their queries still do not grow with the rows."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.enums import Visibility
from tests.factories import EngagementFactory, OrganisationFactory, PersonFactory, sector
from tests.factories.core import country

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

INTERNAL_A = {"visibility": Visibility.INTERNAL, "owner_side": settings.KOPRU_SIDE_A}


def _queries(client, path):
    client.get(path)  # a first request reads table statistics, remembered for a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("path", ["/engagements/", "/engagements/export.csv", "/api/engagements/?limit=50"])
def test_engagements_are_listed_without_their_country_in_a_fixed_number_of_queries(client, cast, path):
    client.force_login(cast.staff_a)
    EngagementFactory(title="Ankara talks", country=country("TR"))
    _, few = _queries(client, path)
    for number in range(8):
        EngagementFactory(title=f"Talks {number}", country=country("CN" if number % 2 else "TR"))
    response, many = _queries(client, path)
    assert len(many) == len(few)
    assert not any('JOIN "core_country"' in sql for sql in many)
    if path.startswith("/api/"):
        assert {row["country"] for row in response.json()["items"]} == {"TR", "CN"}


@pytest.mark.parametrize("path", ["/engagements/", "/engagements/export.csv"])
def test_participants_are_read_by_name_once_per_page_and_hidden_ones_stay_hidden(client, cast, path):
    """The list and its export load participants with their name and visibility only (the whole rows carried
    each biography), in one query for the page, and read them from that query: a participant the reader may
    not see is still "a record you cannot see" to the other side's staff."""
    hidden = PersonFactory(name="Walrus Envoy", biography="Long biography", **INTERNAL_A)
    shown = PersonFactory(name="Ayşe Yılmaz", biography="Long biography", visibility=Visibility.SHARED)
    for number in range(3):
        EngagementFactory(title=f"Talks {number}", visibility=Visibility.SHARED).people.add(hidden, shown)
    client.force_login(cast.staff_b)
    response, queries = _queries(client, path)
    people = [sql for sql in queries if 'FROM "core_person"' in sql]
    assert len(people) == 1
    assert '"core_person"."biography"' not in people[0]
    page = response.content.decode("utf-8-sig")
    assert "Walrus" not in page
    assert page.count("Ayşe Yılmaz") == 3
    assert page.count("a record you cannot see") == 3


def test_the_api_list_answers_visible_links_and_every_sector_in_a_fixed_number_of_queries(client, cast):
    """The API list reads each row's links from the page's prefetched lists (not a queryset per row): the
    same ids as the record's own answer, a hidden participant left out, every sector's id."""
    hidden = PersonFactory(name="Walrus Envoy", **INTERNAL_A)
    shown = PersonFactory(name="Ayşe Yılmaz", visibility=Visibility.SHARED)
    organisation = OrganisationFactory(visibility=Visibility.PUBLIC)
    first = EngagementFactory(title="Talks", visibility=Visibility.SHARED)
    first.people.add(hidden, shown)
    first.organisations.add(organisation)
    first.sectors.add(sector("battery"))
    client.force_login(cast.staff_b)
    _, few = _queries(client, "/api/engagements/?limit=50")
    for number in range(4):
        engagement = EngagementFactory(title=f"Talks {number}", visibility=Visibility.SHARED)
        engagement.people.add(hidden, shown)
        engagement.sectors.add(sector("battery"), sector("ev"))
    response, many = _queries(client, "/api/engagements/?limit=50")
    assert len(many) == len(few)
    items = response.json()["items"]
    assert len(items) == 5
    for item in items:
        assert item["people"] == [shown.pk]
        assert item == client.get(f"/api/engagements/{item['id']}").json()
    by_id = {item["id"]: item for item in items}
    assert by_id[first.pk]["organisations"] == [organisation.pk]
    assert by_id[first.pk]["sectors"] == [sector("battery").pk]
    assert all(len(item["sectors"]) == 2 for item in items if item["id"] != first.pk)
