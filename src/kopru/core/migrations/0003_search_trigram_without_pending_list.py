from django.db import migrations

from kopru.core.trigram import trigram_indexes_without_pending_list


class Migration(migrations.Migration):
    """The search trigram indexes without GIN's pending list, on PostgreSQL only (kopru.core.trigram): every
    search read the whole list of rows inserted since the last vacuum."""

    dependencies = [
        ("core", "0002_document_indexes_trigram"),
    ]

    operations = [trigram_indexes_without_pending_list("core", "Document", "Person", "Organisation")]
