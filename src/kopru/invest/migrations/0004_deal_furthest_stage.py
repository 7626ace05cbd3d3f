"""Deal.furthest_stage: the funnel's input kept on the deal (kopru.invest.domain.funnel), filled here from the
stage changes. Reversible: going back drops the column, which only summarises the stage changes."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Deal = apps.get_model("invest", "Deal")
    StageChange = apps.get_model("invest", "StageChange")
    furthest = (
        StageChange.objects.filter(deal_id=OuterRef("pk"), to_stage__pipeline_id=OuterRef("pipeline_id"))
        .exclude(to_stage__phase="lost")
        .order_by("-to_stage__order", "-to_stage_id")
        .values("to_stage_id")[:1]
    )
    Deal.objects.using(schema_editor.connection.alias).update(furthest_stage_id=Subquery(furthest))


class Migration(migrations.Migration):
    dependencies = [
        ("invest", "0003_deal_board_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="deal",
            name="furthest_stage",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="invest.stage",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
