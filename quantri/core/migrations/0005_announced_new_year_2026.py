"""The New Year 2026 swap (quantri.core.announced_days), found after 0004 had been applied:
Friday 2/1/2026 off, Saturday 10/1/2026 worked. Frozen here so that later edits of the data
module never change what this migration did. A day the office already entered is left as it
is."""

import datetime

from django.db import migrations

SOURCE = (
    "Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: Phó Thủ tướng đồng ý "
    "nghỉ Tết Dương lịch 2026 từ thứ Năm 1/1 đến hết Chủ nhật 4/1/2026, hoán đổi ngày làm việc "
    "thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026"
)
DAYS = (
    (datetime.date(2026, 1, 2), "day_off", "Nghỉ hoán đổi dịp Tết Dương lịch 2026"),
    (datetime.date(2026, 1, 10), "working_day", "Làm bù cho thứ Sáu 2/1/2026"),
)


def load(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for date, kind, note in DAYS:
        CalendarDay.objects.get_or_create(
            date=date, defaults={"kind": kind, "note": note, "source": SOURCE}
        )


def unload(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for date, _kind, _note in DAYS:
        CalendarDay.objects.filter(date=date, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_announced_days_2024_2026")]

    operations = [migrations.RunPython(load, unload)]
