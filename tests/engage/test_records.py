"""Engagements in the global search: found by their own text or through readable participants, each once,
without joining the participant tables (a join and DISTINCT over every column was 90 ms of /search/ on
20,000 engagements, bench/load.py)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.domain.search import search_everything
from kopru.core.enums import Visibility
from tests.factories import EngagementFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _engagements(user, query):
    return next(group for group in search_everything(user, query) if group.slug == "engagements").results


def test_an_engagement_matched_many_ways_is_listed_once(cast):
    both = EngagementFactory(title="Narwhal talks")
    both.people.set([PersonFactory(name="Narwhal One"), PersonFactory(name="Narwhal Two")])
    both.organisations.set([OrganisationFactory(name="Narwhal Holdings")])
    through_person = EngagementFactory(title="Quiet meeting")
    through_person.people.set([PersonFactory(name="Narwhal Three")])
    EngagementFactory(title="Unrelated")
    with CaptureQueriesContext(connection) as queries:
        found = _engagements(cast.staff_a, "narwhal")
    assert sorted(e.title for e in found) == ["Narwhal talks", "Quiet meeting"]
    engagement_sql = next(
        q["sql"] for q in queries.captured_queries if 'FROM "engage_engagement"' in q["sql"]
    )
    assert "DISTINCT" not in engagement_sql
    assert 'JOIN "engage_engagement_people"' not in engagement_sql


def test_a_hidden_participant_finds_nothing(cast):
    hidden = PersonFactory(
        name="Narwhal Secret", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B
    )
    EngagementFactory(title="Open meeting").people.set([hidden])
    assert _engagements(cast.staff_a, "narwhal") == []
    assert [e.title for e in _engagements(cast.staff_b, "narwhal")] == ["Open meeting"]


def test_matches_are_one_union_of_ids_listed_newest_first(cast):
    # The three ways to match are one id list (a UNION), not three conditions ORed that PostgreSQL tried on
    # every engagement in turn (25 ms -> 9 ms on bench/load.py's 20,000); the order stays the listing's.
    import datetime

    older = EngagementFactory(title="Narwhal review", start_date=datetime.date(2024, 1, 1))
    newer = EngagementFactory(title="Board meeting", start_date=datetime.date(2025, 1, 1))
    newer.organisations.set([OrganisationFactory(name="Narwhal Holdings")])
    newest = EngagementFactory(title="Site visit", start_date=datetime.date(2026, 1, 1))
    newest.people.set([PersonFactory(name="Narwhal Guide")])
    with CaptureQueriesContext(connection) as queries:
        found = _engagements(cast.staff_a, "narwhal")
    assert [e.pk for e in found] == [newest.pk, newer.pk, older.pk]
    engagement_sql = next(
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "engage_engagement"')
    )
    assert "UNION" in engagement_sql
