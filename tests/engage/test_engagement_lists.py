"""The engagement list, its CSV export and the API list read engagements without their country: no column
shows it (the API answers its code, the row's own column), so joining core_country only cost time
(bench/load.py: engagements, api engagements). Their queries still do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EngagementFactory
from tests.factories.core import country

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


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
