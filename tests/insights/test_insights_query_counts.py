"""Insights pages cost the same number of queries with 1 or 3 rows of everything."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.insights.builders import activity, area

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URLS = [
    "/insights/",
    "/insights/commitments/",
    "/insights/graph/",
    "/insights/map/",
    "/insights/calls/",
    "/insights/records/?kind=engagements",
    "/insights/packs/pair/?sector=battery",
    "/api/insights/tables/commitments",
    "/api/insights/graph",
]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_rows(client, cast, url):
    area("battery")
    person, _made = activity(1, code="battery")
    client.force_login(cast.staff_a)
    client.get(url)  # warm the per-process lookups; each count below recomputes the remembered results
    activity(2, code="battery", person=person)
    one = _count(client, url)
    activity(3, code="battery", person=person)
    assert _count(client, url) == one


def test_person_pack_queries_do_not_grow(client, cast):
    person, _made = activity(1, code="battery")
    client.force_login(cast.staff_a)
    client.get(f"/insights/packs/person/{person.pk}/")  # warm the per-process lookups and table statistics
    activity(2, code="battery", person=person)
    one = _count(client, f"/insights/packs/person/{person.pk}/")
    activity(3, code="battery", person=person)
    assert _count(client, f"/insights/packs/person/{person.pk}/") == one
