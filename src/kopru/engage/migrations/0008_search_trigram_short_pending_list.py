from django.db import migrations

from kopru.core.trigram import trigram_indexes_with_short_pending_list


class Migration(migrations.Migration):
    """The search trigram indexes with a short GIN pending list, on PostgreSQL only (kopru.core.trigram)."""

    dependencies = [
        ("engage", "0007_action_open_due_index"),
    ]

    operations = [
        trigram_indexes_with_short_pending_list("engage", "Engagement", "Agreement", "Action", "Claim")
    ]
