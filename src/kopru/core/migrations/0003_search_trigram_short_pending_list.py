from django.db import migrations

from kopru.core.trigram import trigram_indexes_with_short_pending_list


class Migration(migrations.Migration):
    """The search trigram indexes with a short GIN pending list (64 kB), on PostgreSQL only
    (kopru.core.trigram): every search read the whole list of rows inserted since the last vacuum (up to
    4 MB)."""

    dependencies = [
        ("core", "0002_document_indexes_trigram"),
    ]

    operations = [trigram_indexes_with_short_pending_list("core", "Document", "Person", "Organisation")]
