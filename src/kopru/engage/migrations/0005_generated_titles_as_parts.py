"""Engagement titles generated before their parts were stored are read back into parts, so that they too are
shown in the reader's language; a title that is not exactly what the platform writes stays as typed."""

from django.db import migrations


def store_parts(apps, schema_editor):
    from kopru.engage.titles import parts_from_stored_title

    Engagement = apps.get_model("engage", "Engagement")
    for engagement in Engagement.objects.filter(title_parts={}).only("pk", "title", "kind").iterator():
        parts = parts_from_stored_title(engagement.title, engagement.kind)
        if parts is not None:
            Engagement.objects.filter(pk=engagement.pk).update(title_parts=parts)


class Migration(migrations.Migration):
    dependencies = [("engage", "0004_engagement_title_parts")]

    operations = [migrations.RunPython(store_parts, migrations.RunPython.noop)]
