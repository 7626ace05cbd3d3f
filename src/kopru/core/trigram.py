"""Trigram indexes for the folded `search_text` columns, on PostgreSQL only.

Search matches every word with `search_text LIKE '%word%'` (kopru.core.domain.search.folded_terms_filter);
on PostgreSQL a GIN index with `gin_trgm_ops` answers that without reading every row. SQLite keeps the
plain scan: its databases are small and it has no trigram indexes. Migrations call `trigram_indexes(...)`.
"""

from __future__ import annotations

from django.db import migrations


def _index_name(table: str) -> str:
    return f"{table[:40]}_search_trgm"


def trigram_indexes(app_label: str, *model_names: str) -> migrations.RunPython:
    """A migration operation: `CREATE EXTENSION pg_trgm` and one GIN trigram index per model's search_text."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name in model_names:
            table = apps.get_model(app_label, name)._meta.db_table
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{_index_name(table)}" ON "{table}" '
                f'USING gin ("search_text" gin_trgm_ops)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name in model_names:
            table = apps.get_model(app_label, name)._meta.db_table
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_index_name(table)}"')

    return migrations.RunPython(forwards, backwards, elidable=False)
