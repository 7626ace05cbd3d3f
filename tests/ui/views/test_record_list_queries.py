"""A list page loads what its columns show, in a number of queries that does not grow with its rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EngagementFactory, OrganisationFactory, PersonFactory, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _engagement_list(client):
    client.get("/engagements/")  # a first request reads table statistics, remembered for a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/engagements/")
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


def test_the_engagement_list_loads_participants_but_not_unshown_links(client, cast):
    client.force_login(cast.staff_a)
    for number in range(3):
        engagement = EngagementFactory(title=f"Meeting {number}")
        engagement.people.set([PersonFactory(name=f"Person {number}")])
        engagement.organisations.set([OrganisationFactory()])
        engagement.sectors.set([sector("battery")])
    response, few = _engagement_list(client)
    assert "Person 2" in response.content.decode()  # the participants column
    assert not any('"engage_engagement_organisations"' in sql for sql in few)
    assert not any('"engage_engagement_sectors"."engagement_id"' in sql for sql in few)
    for number in range(3, 12):
        engagement = EngagementFactory(title=f"Meeting {number}")
        engagement.people.set([PersonFactory(), PersonFactory()])
    _, many = _engagement_list(client)
    assert len(many) == len(few)
