"""A detail page reads its record by a statement written once per model (kopru.ui.views.access
`_kept_record`): the same record as `.filter(pk=…).first()`, with the same linked records read along, and
the same "not found" for ids no row can have."""

import re

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
    assert _kept_record(Engagement, (), 12.0) is _NOT_KEPT
    assert _kept_record(Engagement, (), "99999999999999999999999") is None


def test_a_string_key_is_read_as_the_orm_reads_it(cast):
    """The pages' URLs give the key as a string (`<str:pk>`): the kept read takes it as the ORM's integer
    field does (`int()`), and finds what `.filter(pk=…).first()` finds, or nothing where the ORM refuses."""
    engagement = EngagementFactory()
    pk = engagement.pk
    for key in (str(pk), f" {pk} ", f"+{pk}", f"0{pk}", "_".join(str(pk)) if pk > 9 else str(pk)):
        expected = Engagement.objects.filter(pk=key).first()
        found = _kept_record(Engagement, (), key)
        assert found is not None and _fields(found) == _fields(expected)
    for key in (f"{pk}.0", "x", "", f"{pk}x", "-0x1"):
        try:
            expected = Engagement.objects.filter(pk=key).first()
        except ValueError:
            expected = None
        assert expected is None and _kept_record(Engagement, (), key) is None


@pytest.mark.parametrize("address", ["/engagements/99999999999999999999999/", "/engagements/0/"])
def test_a_page_for_an_impossible_id_is_not_found(client, cast, address):
    client.force_login(cast.staff_a)
    assert client.get(address).status_code == 404


def _page_and_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_an_engagement_page_shows_each_reader_the_notes_of_their_side_only(client, cast, settings):
    """Notes of every visibility on one engagement: each reader sees what `visible_to` lets them read, with
    the kept reads prepared on the server (PostgreSQL) or not — the same page and the same statements."""
    from kopru.core.domain.notes import add_note

    engagement = EngagementFactory(visibility="shared")
    add_note(engagement, author=cast.staff_a, text="Side A only", visibility="internal")
    add_note(engagement, author=cast.staff_b, text="Side B only", visibility="internal")
    add_note(engagement, author=cast.staff_a, text="Both governments", visibility="shared")
    add_note(engagement, author=cast.staff_b, text="Everyone", visibility="public")
    texts = ("Side A only", "Side B only", "Both governments", "Everyone")
    seen = {
        "staff_a": {"Side A only", "Both governments", "Everyone"},
        "staff_b": {"Side B only", "Both governments", "Everyone"},
        "admin": {"Side A only", "Side B only", "Both governments", "Everyone"},
        "company": None,  # a shared engagement is not theirs to read
        "reviewer": None,
        "anonymous": None,
    }
    url = engagement.get_absolute_url()
    for role, user in cast.by_role().items():
        pages = []
        for prepared in (True, False, True):
            settings.KOPRU_DB_PREPARED = prepared
            client.logout()
            if user is not None:
                client.force_login(user)
            client.get(url)  # the first request of a session reads more than the page
            response, count = _page_and_queries(client, url)
            page = response.content.decode()
            pages.append((response.status_code, re.sub(r"[A-Za-z0-9]{64}", "TOKEN", page), count))
            if seen[role] is None:
                assert response.status_code in (302, 404)
                continue
            assert response.status_code == 200
            shown = {text for text in texts if text in page}
            assert shown == seen[role], role
        assert pages[0] == pages[1] == pages[2], role


def test_the_engagement_page_costs_the_same_statements_whatever_form_its_key_takes(client, cast):
    engagement = EngagementFactory()
    client.force_login(cast.staff_a)
    url = engagement.get_absolute_url()
    client.get(url)
    response, count = _page_and_queries(client, url)
    assert response.status_code == 200
    # the record, the session, the user, which lists have rows, the participants, organisations, sectors
    assert count == 7
    other, other_count = _page_and_queries(client, f"/engagements/+{engagement.pk}/")
    assert other.status_code == 200 and other_count == count
    assert _page_and_queries(client, f"/engagements/{engagement.pk}.0/")[0].status_code == 404
