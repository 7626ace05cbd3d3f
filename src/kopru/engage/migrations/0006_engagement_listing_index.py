from django.db import migrations

# The list, the dashboard and search read engagements newest first (Meta.ordering); without this index each
# page sorted every readable engagement (16 ms for 20,000 on PostgreSQL, 0.1 ms with it: bench/load.py).
# PostgreSQL only: SQLite cannot index NULLS LAST, and its small databases sort in memory just as fast.
INDEX = "engage_engagement_listing"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON engage_engagement (start_date DESC NULLS LAST, created_at DESC)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("engage", "0005_generated_titles_as_parts")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
