"""The legal time limits the brief names, as data the office can change (admin: deadline rules).

- Law 42/2013/QH13 on citizen reception (art. 28): within 10 working days the citizen is told
  whether the matter is accepted, refused or transferred.
- Decree 20/2008/NĐ-CP on feedback about administrative rules: an item outside the receiver's
  remit is transferred within 5 working days.

No answer rule is loaded: the brief names none, so the office adds its own (internal rules).
Both start on 1 July 2014, when Law 42/2013 took effect; the decree is older, but no item in
the system predates that day."""

import datetime

from django.db import migrations

RULES = [
    (
        "acceptance",
        "Thông báo thụ lý, từ chối hoặc chuyển phản ánh, kiến nghị",
        10,
        "Luật Tiếp công dân số 42/2013/QH13, Điều 28",
    ),
    (
        "transfer",
        "Chuyển phản ánh, kiến nghị không thuộc thẩm quyền",
        5,
        "Nghị định số 20/2008/NĐ-CP",
    ),
]
VALID_FROM = datetime.date(2014, 7, 1)


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("feedback", "DeadlineRule")
    for trigger, name, days, basis in RULES:
        DeadlineRule.objects.get_or_create(
            trigger=trigger,
            valid_from=VALID_FROM,
            defaults={"name": name, "working_days": days, "legal_basis": basis},
        )


def unload(apps, schema_editor):
    DeadlineRule = apps.get_model("feedback", "DeadlineRule")
    DeadlineRule.objects.filter(valid_from=VALID_FROM, trigger__in=["acceptance", "transfer"]).delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
