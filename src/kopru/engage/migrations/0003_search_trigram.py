from django.db import migrations

from kopru.core.trigram import trigram_indexes


class Migration(migrations.Migration):
    """Trigram indexes for the search columns, on PostgreSQL only (kopru.core.trigram)."""

    dependencies = [
        ("core", "0002_document_indexes_trigram"),
        ("engage", "0002_area_uniqueness_per_side"),
    ]

    operations = [trigram_indexes("engage", "Engagement", "Agreement", "Action", "Claim")]
