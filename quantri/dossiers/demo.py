"""A year of generated dossiers for the demo department's procedures (2026 up to today), so
the dashboard shows the 766 groups for any month. Loaded once: a second run finds the
generated codes and leaves them (and whatever the desk did to them) alone."""

import datetime

from django.utils import timezone

from quantri.dossiers import aggregates, generate
from quantri.dossiers.models import Dossier, MonthlyAggregate, ReceivingBody
from quantri.dossiers.slips import place

YEAR = 2026
COUNT = 3000


def load(context) -> None:
    department = context.department
    _receiving_body(department)
    prefix = f"G{YEAR}-{department.code}-"
    if Dossier.objects.filter(code__startswith=prefix).exists():
        # A demo database made before the monthly roll-up (migration 0003) has dossiers but
        # no month rows: restore them from the dossiers, as `rebuild-aggregates` would.
        if not MonthlyAggregate.objects.exists():
            aggregates.rebuild()
        return
    today = timezone.localdate()
    if today < datetime.date(YEAR, 1, 1):
        return
    generate.generate(count=COUNT, year=YEAR, agency=department, until=today)


def _receiving_body(department) -> None:
    """Since 1/7/2025 the department's dossiers are received at the province's Public
    Administration Service Centre (Decree 118/2025/NĐ-CP): the desk's forms name it."""
    province = place(department)
    if not province:
        return
    ReceivingBody.objects.get_or_create(
        agency=department,
        defaults={
            "name": f"Trung tâm Phục vụ hành chính công tỉnh {province}",
            "parent_name": f"Ủy ban nhân dân tỉnh {province}",
        },
    )
