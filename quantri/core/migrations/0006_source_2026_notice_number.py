"""The 2026 National Day swap's source now names the notice: Thông báo số 9441/TB-BNV ngày
16/10/2025 of the Ministry of Home Affairs. Frozen here; a source the office has since edited
is left as it is."""

from django.db import migrations

OLD = (
    "Thông báo của Bộ Nội vụ về lịch nghỉ lễ Quốc khánh 2/9/2026 đối với cán bộ, công chức, "
    "viên chức (hoán đổi thứ Hai 31/8/2026 với thứ Bảy 22/8/2026)"
)
NEW = (
    "Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ về lịch nghỉ Tết Âm lịch và nghỉ "
    "lễ Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức: hoán đổi ngày làm việc thứ "
    "Hai 31/8/2026 sang thứ Bảy 22/8/2026"
)


def rename(apps, schema_editor, old=OLD, new=NEW):
    apps.get_model("core", "CalendarDay").objects.filter(source=old).update(source=new)


def unrename(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_announced_new_year_2026")]

    operations = [migrations.RunPython(rename, unrename)]
