"""The search columns' trigram indexes (kopru.core.trigram): on PostgreSQL, GIN with a short pending list, so
a search reads the index and not every row inserted since the last vacuum; on SQLite, no index, no SQL."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.domain.search import folded_terms_filter, search_everything
from kopru.core.models import Document
from kopru.core.trigram import trigram_indexes, trigram_indexes_with_short_pending_list
from kopru.engage.models import Engagement
from tests.factories import DocumentFactory, EngagementFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

SEARCH_INDEXES = [
    "core_document_search_trgm",
    "core_organisation_search_trgm",
    "core_person_search_trgm",
    "engage_action_search_trgm",
    "engage_agreement_search_trgm",
    "engage_claim_search_trgm",
    "engage_engagement_search_trgm",
]
SHORT = ["gin_pending_list_limit=64"]

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes: PostgreSQL only")


def _options(cursor, indexes) -> dict[str, list | None]:
    cursor.execute(
        "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s) ORDER BY relname", [list(indexes)]
    )
    return dict(cursor.fetchall())


def _merge_pending(cursor, index: str) -> int:
    """Merge `index`'s pending list into it; how many pages were pending."""
    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
    return cursor.fetchone()[0]


@postgresql_only
def test_postgresql_search_indexes_keep_a_short_pending_list(cast):
    with connection.cursor() as cursor:
        assert _options(cursor, SEARCH_INDEXES) == dict.fromkeys(SEARCH_INDEXES, SHORT)
        _merge_pending(cursor, "core_document_search_trgm")
    # About 600 pending pages' worth of titles with the default 4 MB limit; at most 64 kB (8 pages) waits.
    titles = [f"Battery plant {n} opens near the port, officials say, with {n} jobs" for n in range(3000)]
    Document.objects.bulk_create(DocumentFactory.build(title=title) for title in titles)
    with connection.cursor() as cursor:
        pending = _merge_pending(cursor, "core_document_search_trgm")
    assert 1 <= pending <= 8
    PersonFactory(name="Ayşe Kaya")
    OrganisationFactory(name="Kaya Batarya")
    EngagementFactory(title="Battery talks")
    found = {g.slug: g.results for g in search_everything(cast.admin, "battery plant 2999")}
    assert [d.title for d in found["documents"]] == [titles[2999]]
    found = {g.slug: g.results for g in search_everything(cast.admin, "batter")}
    assert [e.title for e in found["engagements"]] == ["Battery talks"]
    found = {g.slug: g.results for g in search_everything(cast.admin, "kaya")}
    assert [p.name for p in found["people"]] == ["Ayşe Kaya"]
    assert [o.name for o in found["organisations"]] == ["Kaya Batarya"]


@postgresql_only
def test_postgresql_migration_is_reversible_and_merges_the_pending_list():
    operation = trigram_indexes_with_short_pending_list("core", "Document", "Person")
    indexes = ["core_document_search_trgm", "core_person_search_trgm"]
    with connection.schema_editor() as editor:
        operation.reverse_code(apps, editor)
    with connection.cursor() as cursor:
        assert _options(cursor, indexes) == dict.fromkeys(indexes)  # the default limit again
    DocumentFactory.create_batch(3, title="Pending rows")
    with connection.schema_editor() as editor:
        operation.code(apps, editor)
    with connection.cursor() as cursor:
        assert _options(cursor, indexes) == dict.fromkeys(indexes, SHORT)
        assert (
            _merge_pending(cursor, "core_document_search_trgm") == 0
        )  # the migration merged what was pending
        cursor.execute("SELECT count(*) FROM core_document WHERE search_text LIKE %s", ["%pending rows%"])
        assert cursor.fetchone()[0] == 3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's simple path")
def test_sqlite_migration_operations_run_no_sql():
    executed = []
    editor = SimpleNamespace(connection=connection, execute=lambda *args: executed.append(args))
    for operation in (
        trigram_indexes("core", "Document", "Person", "Organisation"),
        trigram_indexes_with_short_pending_list("core", "Document", "Person", "Organisation"),
    ):
        operation.code(apps, editor)
        operation.reverse_code(apps, editor)
    assert executed == []


SHORT_AND_ODD_WORDS = ["12", "1", "%", "_", "a_", "5%", "\\", "s", "ş", "meeting", "eting 1", "x"]


def test_unindexed_contains_finds_the_rows_contains_finds():
    for title in [
        "Meeting 12",
        "Meeting 120 on a_b",
        "Growth of 5% | 50%",
        "Back\\slash",
        "Ayşe's visit",
        "x",
    ]:
        DocumentFactory(title=title)
    for word in SHORT_AND_ODD_WORDS:
        expected = list(Document.objects.filter(search_text__contains=word).order_by("pk").values_list("pk"))
        found = list(
            Document.objects.filter(search_text__unindexed_contains=word).order_by("pk").values_list("pk")
        )
        assert found == expected, word
    assert Document.objects.filter(search_text__unindexed_contains="%").count() == 1


def test_search_page_asks_short_words_outside_the_trigram_index_and_finds_what_the_lists_find(cast):
    for n in (1, 12, 120, 7):
        EngagementFactory(title=f"Meeting {n}")
        DocumentFactory(title=f"Meeting notes {n}")
    with CaptureQueriesContext(connection) as queries:
        found = {g.slug: g.results for g in search_everything(cast.admin, "Meeting 12")}
    assert sorted(e.title for e in found["engagements"]) == ["Meeting 12", "Meeting 120"]
    listed = Engagement.objects.filter(folded_terms_filter("Meeting 12"))
    assert sorted(e.pk for e in found["engagements"]) == sorted(listed.values_list("pk", flat=True))
    assert sorted(d.title for d in found["documents"]) == ["Meeting notes 12", "Meeting notes 120"]
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    if connection.vendor == "postgresql":
        assert "strpos(" in sql and "LIKE '%meeting%'" in sql and "'%12%'" not in sql
    else:  # SQLite's simple path: LIKE for every word
        assert "strpos(" not in sql and "'%12%'" in sql
    # the list pages keep LIKE for every word (their large-list count is the planner's estimate)
    assert "strpos(" not in str(listed.query)
