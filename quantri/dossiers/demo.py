"""A year of generated dossiers for the demo department's procedures (2026 up to today), so
the dashboard shows the 766 groups for any month. Loaded once: a second run finds the
generated codes and leaves them (and whatever the desk did to them) alone."""

import datetime

from django.utils import timezone

from quantri.dossiers import aggregates, generate
from quantri.dossiers.models import Dossier, MonthlyAggregate

YEAR = 2026
COUNT = 3000


def load(context) -> None:
    department = context.department
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
