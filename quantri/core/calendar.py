"""The working calendar with the exceptions stored in the database, and the office's service
to add the next year's announced swaps (quantri.core.announced_days holds 2024–2026)."""

import datetime

import holidays
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.workdays import SATURDAY, SUNDAY, WorkingCalendar


def working_calendar() -> WorkingCalendar:
    """One query; build it once per request or batch job, not per object."""
    days = CalendarDay.objects.values_list("date", "kind")
    return WorkingCalendar(
        days_off=[d for d, kind in days if kind == CalendarDayKind.DAY_OFF],
        working_days=[d for d, kind in days if kind == CalendarDayKind.WORKING_DAY],
    )


def public_holidays(year: int) -> list[tuple[datetime.date, str]]:
    """The weekdays the `holidays` library gives off in a year (Labour Code 2019, art. 112),
    named in the page's language: what the office checks against the year's announcements."""
    language = "vi" if (get_language() or "vi").startswith("vi") else "en_US"
    names = holidays.country_holidays("VN", years=year, language=language)
    return sorted(
        (day, name) for day, name in names.items() if day.weekday() not in (SATURDAY, SUNDAY)
    )


def may_edit_calendar(access) -> bool:
    """Leaders, office coordinators and administrators: the office enters what the government
    announces for public servants."""
    return access.manages_any_agency()


@transaction.atomic
def calendar_day_add(
    *, access, user, date: datetime.date, kind: str, note: str = "", source: str
) -> CalendarDay:
    """An announced day off or make-up working day, with the announcement it comes from."""
    if not may_edit_calendar(access):
        raise PermissionDenied(_("Only the office enters the working calendar."))
    if CalendarDay.objects.filter(date=date).exists():
        raise ValidationError(
            {"date": _("%(day)s is already in the calendar.") % {"day": f"{date:%d/%m/%Y}"}}
        )
    weekend = date.weekday() in (SATURDAY, SUNDAY)
    # A weekday may be entered as worked only to take back a holiday the `holidays` library
    # gives and the law, as announced, does not (the library gives 24/11 from 2026 on a party
    # resolution, before any amendment of Labour Code art. 112 was found).
    holiday = WorkingCalendar().holiday_name(date)
    if kind == CalendarDayKind.WORKING_DAY and not weekend and holiday is None:
        raise ValidationError(
            {
                "date": _(
                    "A make-up working day is a Saturday or a Sunday, or a weekday the "
                    "calendar wrongly gives as a holiday."
                )
            }
        )
    if kind == CalendarDayKind.DAY_OFF and weekend:
        raise ValidationError({"date": _("An extra day off falls on a weekday.")})
    day = CalendarDay(date=date, kind=kind, note=note.strip(), source=source.strip())
    if not day.source:
        raise ValidationError({"source": _("Name the announcement (number, date, body).")})
    day.full_clean()
    day._history_user = user
    day.save()
    return day
