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
