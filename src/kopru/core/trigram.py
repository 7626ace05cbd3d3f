"""Trigram indexes for the folded `search_text` columns, on PostgreSQL only.

Search matches every word with `search_text LIKE '%word%'` (kopru.core.domain.search.folded_terms_filter;
the search page asks words under three letters, which have no trigram, with `strpos`); on PostgreSQL a GIN
index with `gin_trgm_ops` answers that without reading every row. SQLite keeps the
plain scan: its databases are small and it has no trigram indexes. Migrations call `trigram_indexes(...)`.

The indexes keep GIN's pending list short (`gin_pending_list_limit = 64`, kB, PostgreSQL's smallest). GIN
adds new rows to an unsorted pending list, merged into the index by a vacuum or when it outgrows the limit
(4 MB by default), and every search reads the whole list: on bench/load.py's database (462 pending pages for
the documents after the build) that list, not the index, was each search's cost (1.9 of 2 ms), and it raised
the planner's estimate of the index above a sequential scan of the engagements. With 64 kB a search reads at
most 8 pending pages. Fast update off altogether would make every insert write into the index: measured on
20,000 titles, about 9 times the index's insert cost, against 1.5 times with the short list.
"""

from __future__ import annotations

from django.db import migrations

PENDING_LIST_KB = 64


def _index_name(table: str) -> str:
    return f"{table[:40]}_search_trgm"


def _tables(apps, app_label: str, model_names) -> list[str]:
    return [apps.get_model(app_label, name)._meta.db_table for name in model_names]


def trigram_indexes(app_label: str, *model_names: str) -> migrations.RunPython:
    """A migration operation: `CREATE EXTENSION pg_trgm` and one GIN trigram index per model's search_text."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table in _tables(apps, app_label, model_names):
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{_index_name(table)}" ON "{table}" '
                f'USING gin ("search_text" gin_trgm_ops) WITH (gin_pending_list_limit = {PENDING_LIST_KB})'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_index_name(table)}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def trigram_indexes_with_short_pending_list(app_label: str, *model_names: str) -> migrations.RunPython:
    """A migration operation for indexes `trigram_indexes` built before it kept the pending list short: set
    the limit and merge what waits in the list into the index (`gin_clean_pending_list`); backwards, the
    default limit again (the merged entries stay merged: the index answers the same)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            index = _index_name(table)
            schema_editor.execute(
                f'ALTER INDEX IF EXISTS "{index}" SET (gin_pending_list_limit = {PENDING_LIST_KB})'
            )
            schema_editor.execute(
                "SELECT gin_clean_pending_list(to_regclass(%s)) WHERE to_regclass(%s) IS NOT NULL",
                [f'"{index}"', f'"{index}"'],
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            schema_editor.execute(
                f'ALTER INDEX IF EXISTS "{_index_name(table)}" RESET (gin_pending_list_limit)'
            )

    return migrations.RunPython(forwards, backwards, elidable=False)
