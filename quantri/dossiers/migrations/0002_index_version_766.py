import datetime

from django.db import migrations

# A frozen copy: later versions are new rows, this migration never changes.
DECISION_766_2022 = [{'group': 'transparency',
  'label': 'Transparency',
  'formula': 'published_share',
  'target': 1.0,
  'points': 18},
 {'group': 'progress',
  'label': 'Processing progress',
  'formula': 'on_time_share',
  'target': 1.0,
  'points': 20},
 {'group': 'online',
  'label': 'Online services',
  'formula': 'online_share',
  'target': 0.8,
  'points': 12},
 {'group': 'digitisation',
  'label': 'Digitisation',
  'formula': 'digitised_share',
  'target': 1.0,
  'points': 22},
 {'group': 'payment',
  'label': 'Online payment',
  'formula': 'online_payment_share',
  'target': 0.5,
  'points': 10},
 {'group': 'satisfaction',
  'label': 'Satisfaction',
  'formula': 'satisfaction',
  'target': 0.95,
  'points': 18}]


def load(apps, schema_editor):
    IndexVersion = apps.get_model("dossiers", "IndexVersion")
    IndexVersion.objects.get_or_create(
        code="766-2022",
        defaults={
            "name": "Decision 766/QĐ-TTg (2022)",
            "valid_from": datetime.date(2022, 6, 23),
            "criteria": DECISION_766_2022,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
