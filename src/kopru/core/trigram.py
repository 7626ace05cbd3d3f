"""Trigram indexes for the folded `search_text` columns, on PostgreSQL only.

Search matches every word with `search_text LIKE '%word%'` (kopru.core.domain.search.folded_terms_filter);
on PostgreSQL a GIN index with `gin_trgm_ops` answers that without reading every row. SQLite keeps the
plain scan: its databases are small and it has no trigram indexes. Migrations call `trigram_indexes(...)`.

The indexes are built with `fastupdate = off`. With GIN's default fast update, new rows wait in an unsorted
pending list (up to 4 MB) until a vacuum or an overflow merges it, and every search reads the whole list:
on bench/load.py's database (462 pending pages for the documents after the build) that list, not the index,
was each search's cost, and it also raised the planner's estimate of the index above a sequential scan of
the engagements. Without it an insert writes its trigrams straight into the index (about 0.1 ms more per
row: ingestion's extraction is milliseconds per document) and a search reads a handful of pages.
"""

from __future__ import annotations

from django.db import migrations


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
                f'USING gin ("search_text" gin_trgm_ops) WITH (fastupdate = off)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_index_name(table)}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def trigram_indexes_without_pending_list(app_label: str, *model_names: str) -> migrations.RunPython:
    """A migration operation for indexes `trigram_indexes` built before it set `fastupdate = off`: turn fast
    update off and merge what waits in the pending list into the index (`gin_clean_pending_list`); backwards,
    fast update on again (the merged entries stay merged: the index answers the same)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            index = _index_name(table)
            schema_editor.execute(f'ALTER INDEX IF EXISTS "{index}" SET (fastupdate = off)')
            schema_editor.execute(
                "SELECT gin_clean_pending_list(to_regclass(%s)) WHERE to_regclass(%s) IS NOT NULL",
                [f'"{index}"', f'"{index}"'],
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in _tables(apps, app_label, model_names):
            schema_editor.execute(f'ALTER INDEX IF EXISTS "{_index_name(table)}" RESET (fastupdate)')

    return migrations.RunPython(forwards, backwards, elidable=False)
