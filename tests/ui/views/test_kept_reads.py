"""A detail page reads its record by a statement written once per model (kopru.ui.views.access
`_kept_record`): the same record as `.filter(pk=…).first()`, with the same linked records read along, and
the same "not found" for ids no row can have."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.engage.models import Engagement
from kopru.ui.views.access import _NOT_KEPT, _kept_record
from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db


def _fields(row) -> dict:
    return {name: value for name, value in vars(row).items() if name != "_state"}


def test_the_kept_read_is_the_orms(cast):
    engagements = [EngagementFactory(country_id=code) for code in ("TR", "CN", None)]
    for engagement in engagements * 2:
        expected = Engagement.objects.select_related("country").filter(pk=engagement.pk).first()
        with CaptureQueriesContext(connection) as queries:
            found = _kept_record(Engagement, ("country",), engagement.pk)
            assert found.country == expected.country  # read along, no query of its own
        assert len(queries) == 1
        assert _fields(found) == _fields(expected)
        assert found._state.db == "default" and not found._state.adding
        plain = _kept_record(Engagement, (), engagement.pk)
        assert _fields(plain) == _fields(Engagement.objects.get(pk=engagement.pk))


def test_ids_no_row_has_are_not_found_and_other_keys_go_to_the_orm(cast):
    assert _kept_record(Engagement, (), 10**30) is None
    assert _kept_record(Engagement, (), -(10**30)) is None
    assert _kept_record(Engagement, (), 123456) is None
    assert _kept_record(Engagement, (), "12") is _NOT_KEPT


@pytest.mark.parametrize("address", ["/engagements/99999999999999999999999/", "/engagements/0/"])
def test_a_page_for_an_impossible_id_is_not_found(client, cast, address):
    client.force_login(cast.staff_a)
    assert client.get(address).status_code == 404
