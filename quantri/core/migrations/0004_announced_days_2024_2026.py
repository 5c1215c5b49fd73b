"""The announced swaps of working days for 2024–2026 (quantri.core.announced_days), each with
its source. A day the office already entered is left as it is."""

from django.db import migrations

from quantri.core.announced_days import ANNOUNCED


def load(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for date, kind, note, source in ANNOUNCED:
        CalendarDay.objects.get_or_create(
            date=date, defaults={"kind": kind, "note": note, "source": source}
        )


def unload(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for date, _kind, _note, source in ANNOUNCED:
        CalendarDay.objects.filter(date=date, source=source).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_calendar_day_source_and_history")]

    operations = [migrations.RunPython(load, unload)]
