from django.db import migrations

from quantri.indices.loading import DATA_DIR, load_framework, read_framework


def load_papi(apps, schema_editor):
    load_framework(
        read_framework(DATA_DIR / "papi.json"),
        apps.get_model("indices", "Framework"),
        apps.get_model("indices", "Dimension"),
    )


def unload_papi(apps, schema_editor):
    apps.get_model("indices", "Framework").objects.filter(code="PAPI").delete()


class Migration(migrations.Migration):
    dependencies = [("indices", "0001_initial")]
    operations = [migrations.RunPython(load_papi, unload_papi)]
