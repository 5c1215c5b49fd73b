"""The working calendar with the exceptions stored in the database."""

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.workdays import WorkingCalendar


def working_calendar() -> WorkingCalendar:
    """One query; build it once per request or batch job, not per object."""
    days = CalendarDay.objects.values_list("date", "kind")
    return WorkingCalendar(
        days_off=[d for d, kind in days if kind == CalendarDayKind.DAY_OFF],
        working_days=[d for d, kind in days if kind == CalendarDayKind.WORKING_DAY],
    )
