"""Turkish and Chinese labels for the reference rubric criteria (the demo's and the new-call form's), added to
calls that already store them in English only. Labels an officer already translated are left as they are."""

from django.db import migrations

# English label → (Turkish, Chinese); the same names as calls.domain.demo.RUBRIC and the CallForm default.
REFERENCE_LABELS = {
    "Scientific excellence": ("Bilimsel mükemmellik", "科学卓越性"),
    "Impact": ("Etki", "影响"),
    "Quality of implementation": ("Uygulamanın kalitesi", "实施质量"),
    "Excellence": ("Mükemmellik", "卓越性"),
    "Implementation": ("Uygulama", "实施"),
}


def add_labels(apps, schema_editor):
    Call = apps.get_model("calls", "Call")
    for call in Call.objects.all():
        if not isinstance(call.rubric, list):
            continue
        changed = False
        for item in call.rubric:
            if not isinstance(item, dict) or item.get("label") not in REFERENCE_LABELS:
                continue
            turkish, chinese = REFERENCE_LABELS[item["label"]]
            for field, value in (("label_tr", turkish), ("label_zh", chinese)):
                if not item.get(field):
                    item[field] = value
                    changed = True
        if changed:
            Call.objects.filter(pk=call.pk).update(rubric=call.rubric)


class Migration(migrations.Migration):
    dependencies = [("calls", "0005_assignment_run_superseded")]

    operations = [migrations.RunPython(add_labels, migrations.RunPython.noop)]
