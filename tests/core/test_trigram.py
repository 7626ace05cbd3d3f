"""The search columns' trigram indexes (kopru.core.trigram): on PostgreSQL, GIN without a pending list, so a
search reads the index and not every row inserted since the last vacuum; on SQLite, no index and no SQL."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from kopru.core.domain.search import search_everything
from kopru.core.trigram import trigram_indexes, trigram_indexes_without_pending_list
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

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes: PostgreSQL only")


def _options(cursor, indexes) -> dict[str, list | None]:
    cursor.execute(
        "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s) ORDER BY relname", [list(indexes)]
    )
    return dict(cursor.fetchall())


@postgresql_only
def test_postgresql_search_indexes_have_no_pending_list(cast):
    with connection.cursor() as cursor:
        assert _options(cursor, SEARCH_INDEXES) == {name: ["fastupdate=off"] for name in SEARCH_INDEXES}
    DocumentFactory.create_batch(5, title="Battery plant opens")
    PersonFactory(name="Ayşe Kaya")
    OrganisationFactory(name="Kaya Batarya")
    EngagementFactory(title="Battery talks")
    with connection.cursor() as cursor:
        # gin_clean_pending_list: how many pending pages it merged; none, the inserts went into the index
        cursor.execute(
            "SELECT array_agg(gin_clean_pending_list(c.oid) ORDER BY c.relname) FROM pg_class c "
            "WHERE c.relname = ANY(%s)",
            [SEARCH_INDEXES],
        )
        assert cursor.fetchone()[0] == [0] * len(SEARCH_INDEXES)
    groups = {g.slug: g.results for g in search_everything(cast.admin, "batter")}
    assert len(groups["documents"]) == 5 and [e.title for e in groups["engagements"]] == ["Battery talks"]


@postgresql_only
def test_postgresql_migration_is_reversible_and_merges_the_pending_list():
    operation = trigram_indexes_without_pending_list("core", "Document", "Person")
    indexes = ["core_document_search_trgm", "core_person_search_trgm"]
    with connection.schema_editor() as editor:
        operation.reverse_code(apps, editor)
    with connection.cursor() as cursor:
        assert _options(cursor, indexes) == dict.fromkeys(indexes)  # fast update back on (the default)
    DocumentFactory.create_batch(3, title="Pending rows")
    with connection.schema_editor() as editor:
        operation.code(apps, editor)
    with connection.cursor() as cursor:
        assert _options(cursor, indexes) == {name: ["fastupdate=off"] for name in indexes}
        cursor.execute("SELECT gin_clean_pending_list('core_document_search_trgm'::regclass)")
        assert cursor.fetchone()[0] == 0  # the migration merged what was pending
        cursor.execute("SELECT count(*) FROM core_document WHERE search_text LIKE %s", ["%pending rows%"])
        assert cursor.fetchone()[0] == 3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's simple path")
def test_sqlite_migration_operations_run_no_sql():
    executed = []
    editor = SimpleNamespace(connection=connection, execute=lambda *args: executed.append(args))
    for operation in (
        trigram_indexes("core", "Document", "Person", "Organisation"),
        trigram_indexes_without_pending_list("core", "Document", "Person", "Organisation"),
    ):
        operation.code(apps, editor)
        operation.reverse_code(apps, editor)
    assert executed == []
