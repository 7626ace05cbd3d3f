"""List pages must not issue a query per row: 1 and 3 items cost the same number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RECORD_FACTORIES, make_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _count(client, url):
    client.get(url)  # a first request reads table statistics, remembered for a minute (kopru.ui.pagination)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _populate(slug, n):
    for _ in range(n):
        record = make_record(slug)
        if slug == "engagements":
            record.people.add(make_record("people"))
        if slug == "people":
            make_record("positions", person=record, organisation=make_record("organisations"))


@pytest.mark.parametrize("slug", list(RECORD_FACTORIES))
@pytest.mark.parametrize("prefix", ["", "/api"])
def test_list_queries_do_not_grow_with_rows(client, cast, slug, prefix):
    client.force_login(cast.staff_a)
    _populate(slug, 1)
    one = _count(client, f"{prefix}/{slug}/")
    _populate(slug, 2)
    three = _count(client, f"{prefix}/{slug}/")
    assert one == three


def test_dashboard_queries_do_not_grow(client, cast):
    client.force_login(cast.staff_a)
    _populate("engagements", 1)
    one = _count(client, "/")
    _populate("engagements", 2)
    assert _count(client, "/") == one


def test_detail_reads_the_linked_records_it_shows_with_the_record(client, cast):
    """A detail page's foreign keys (an engagement's country) come with the record, not a query each
    (issue 14): with a country or without, the page costs the same queries and shows the country."""
    client.force_login(cast.staff_a)
    bare, placed = make_record("engagements"), make_record("engagements")
    placed.country_id = "CN"
    placed.save()
    client.get(bare.get_absolute_url())  # the first request of a session reads more than the page
    counts = []
    for record in (bare, placed):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(record.get_absolute_url())
        assert response.status_code == 200
        counts.append(len(queries))
        assert not [q for q in queries if q["sql"].startswith('SELECT "core_country"')]
    assert counts[0] == counts[1]
    assert "China" in response.content.decode()
