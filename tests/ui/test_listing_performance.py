"""The list pages stay cheap at scale: filter menus, counts and connections (bench/load.py measures them)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.enums import Visibility
from kopru.core.models import Document
from kopru.ui.listing import filter_options
from kopru.ui.pagination import ListPaginator, cheap_count, estimated_count
from kopru.ui.registry import record_type_for
from tests.factories import DocumentFactory


def test_publisher_menu_is_distinct_over_the_column_alone(cast):
    for publisher in ["Xinhua", "AA", "Xinhua", "AA", "Ministry", ""]:
        DocumentFactory(publisher=publisher)
    DocumentFactory(publisher="Hidden", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B)
    with CaptureQueriesContext(connection) as queries:
        options = {o.name: o for o in filter_options(record_type_for("documents"), {}, cast.staff_a)}
    assert options["publisher"].choices == [("AA", "AA"), ("Ministry", "Ministry"), ("Xinhua", "Xinhua")]
    menus = [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]
    assert len(menus) == 2  # publisher and language
    # DISTINCT over the default ordering (-published_date, -created_at) would return one row per document.
    assert all("created_at" not in sql and "published_date" not in sql for sql in menus)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's simple path")
def test_counts_are_exact_without_a_planner_estimate(cast):
    DocumentFactory.create_batch(3)
    queryset = Document.objects.all()
    assert estimated_count(queryset) is None  # SQLite: no estimate, the simple path
    assert cheap_count(queryset) == 3
    assert ListPaginator(queryset, 2).num_pages == 2


def test_connections_persist_with_health_checks():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] is True


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner estimates: PostgreSQL only")
def test_an_estimate_is_asked_once_per_statement_and_reader_scope(cast):
    DocumentFactory.create_batch(3)
    explains = []
    for queryset in [Document.objects.all(), Document.objects.all(), Document.objects.filter(language="en")]:
        with CaptureQueriesContext(connection) as queries:
            estimated_count(queryset)
        explains.append(sum(q["sql"].startswith("EXPLAIN") for q in queries.captured_queries))
    assert explains == [1, 0, 1]  # the same statement again is remembered; another one is asked


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes and estimates: PostgreSQL only"
)
def test_postgresql_search_columns_have_trigram_indexes_and_counts_an_estimate(cast):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY 1")
        tables = [row[0] for row in cursor.fetchall()]
    assert tables == [
        "core_document",
        "core_organisation",
        "core_person",
        "engage_action",
        "engage_agreement",
        "engage_claim",
        "engage_engagement",
    ]
    DocumentFactory.create_batch(3)
    assert isinstance(estimated_count(Document.objects.all()), int)
    assert cheap_count(Document.objects.all()) == 3  # below the limit: exact


@pytest.mark.django_db
def test_api_lists_count_like_the_list_pages(client, cast, settings):
    """The API's `count` is the list pages' count: exact below KOPRU_EXACT_COUNT_LIMIT, the planner's
    estimate above it on PostgreSQL, where an exact COUNT(*) over 100,000 documents was most of the
    request (bench/load.py)."""
    from kopru.core.access import visible_to
    from kopru.core.models import ApiToken

    DocumentFactory.create_batch(3)
    _, raw = ApiToken.issue(cast.staff_a, "tests")
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/documents/?limit=2", headers=headers).json()["count"] == 3
    settings.KOPRU_EXACT_COUNT_LIMIT = 0  # every list is "large"
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/api/documents/?limit=2", headers=headers).json()
    counted = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(page["items"]) == 2
    if connection.vendor == "postgresql":
        assert page["count"] == estimated_count(visible_to(Document.objects.all(), cast.staff_a))
        assert counted == []  # one EXPLAIN, no rows read
    else:
        assert page["count"] == 3  # SQLite: always exact
        assert len(counted) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the NULLS LAST index: PostgreSQL only")
@pytest.mark.django_db
def test_postgresql_engagements_are_listed_from_an_index_on_their_ordering():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'engage_engagement_listing'")
        (definition,) = cursor.fetchone()
    assert "(start_date DESC NULLS LAST, created_at DESC)" in definition


@pytest.mark.skipif(connection.vendor != "postgresql", reason="large-table menus: PostgreSQL estimates only")
@pytest.mark.django_db
def test_postgresql_country_menu_of_a_large_list_is_remembered_per_reader_scope_and_language(cast, settings):
    from django.core.cache import cache
    from django.utils import translation

    from tests.factories import EngagementFactory

    cache.clear()
    settings.KOPRU_EXACT_COUNT_LIMIT = 0  # every list is "large"
    EngagementFactory(country_id="DE")
    engagements = record_type_for("engagements")

    def countries(user, language="en"):
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            options = {o.name: o for o in filter_options(engagements, {}, user)}
        scans = [q for q in queries.captured_queries if 'FROM "core_country"' in q["sql"]]
        return options["country"].choices, len(scans)

    assert countries(cast.staff_a) == ([("DE", "Germany")], 1)
    EngagementFactory(country_id="FR")
    assert countries(cast.staff_a) == ([("DE", "Germany")], 0)  # remembered for KOPRU_MENU_CACHE_SECONDS
    choices, scans = countries(cast.staff_a, "tr")
    assert scans == 1 and [code for code, _ in choices] == ["FR", "DE"]  # another language: its own menu
    assert countries(cast.admin)[1] == 1  # another reader scope: its own menu
    cache.clear()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="table statistics: PostgreSQL only")
@pytest.mark.django_db
def test_postgresql_a_table_known_to_be_small_is_counted_without_asking_the_planner(settings):
    from django.core.cache import cache

    from kopru.ui.pagination import table_rows

    cache.clear()
    DocumentFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_document")
    assert table_rows(Document.objects.all()) == 3
    with CaptureQueriesContext(connection) as queries:
        assert cheap_count(Document.objects.all()) == 3
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"]  # no EXPLAIN
    settings.KOPRU_EXACT_COUNT_LIMIT = 2  # now "large" for its statistics: the planner is asked again
    with CaptureQueriesContext(connection) as queries:
        cheap_count(Document.objects.all())
    assert queries.captured_queries[0]["sql"].startswith("EXPLAIN")
    cache.clear()
