from django.db import migrations

from quantri.indices.loading import load_provinces, read_provinces


def load(apps, schema_editor):
    load_provinces(read_provinces(), apps.get_model("indices", "Province"))


def unload(apps, schema_editor):
    apps.get_model("indices", "ScoreRecord").objects.all().delete()
    province = apps.get_model("indices", "Province")
    province.objects.update(successor=None)
    province.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indices", "0003_provinces_scores")]
    operations = [migrations.RunPython(load, unload)]
