"""The working calendar with the exceptions stored in the database, and the office's service
to add the next year's announced swaps (quantri.core.announced_days holds 2024–2026)."""

import datetime

import holidays
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.workdays import SATURDAY, SUNDAY, WorkingCalendar


def working_calendar() -> WorkingCalendar:
    """One query; build it once per request or batch job, not per object."""
    days = CalendarDay.objects.values_list("date", "kind")
    return WorkingCalendar(
        days_off=[d for d, kind in days if kind == CalendarDayKind.DAY_OFF],
        working_days=[d for d, kind in days if kind == CalendarDayKind.WORKING_DAY],
    )


# What gives each day the library knows, found by its English name (the library is pinned in
# pyproject; test_holiday_law walks 2024–2030 so that a renamed holiday shows up). The page
# puts the provision beside the day, for the office to check against the year's announcement.
LEGAL_BASIS = (
    ("New Year's Day", _lazy("Labour Code 2019, art. 112 cl. 1 (a)")),
    ("Lunar New Year", _lazy("Labour Code 2019, art. 112 cl. 1 (b); days set by the PM (cl. 3)")),
    ("Liberation Day", _lazy("Labour Code 2019, art. 112 cl. 1 (c)")),
    ("International Labor Day", _lazy("Labour Code 2019, art. 112 cl. 1 (d)")),
    ("National Day", _lazy("Labour Code 2019, art. 112 cl. 1 (đ); 2nd day set by the PM (cl. 3)")),
    ("Hung Kings", _lazy("Labour Code 2019, art. 112 cl. 1 (e)")),
    (
        "Vietnam Cultural Day",
        _lazy("Resolution 28/2026/QH16 of the National Assembly, art. 2 (in force 1/7/2026)"),
    ),
    ("Day off (substituted", _lazy("The year's announced swap of working days")),
)
IN_LIEU = "(observed)"


def legal_basis(name: str) -> str:
    """The provision behind a holiday the library names (in English); "" when unknown."""
    basis = next((str(text) for key, text in LEGAL_BASIS if key in name), "")
    if basis and IN_LIEU in name:
        basis += "; " + _("on the weekly rest day, given on the next working day (art. 111 cl. 3)")
    return basis


def public_holidays(year: int) -> list[tuple[datetime.date, str, str]]:
    """The weekdays the `holidays` library gives off in a year, named in the page's language,
    with the provision behind each: what the office checks against the year's announcements.
    A day the law does not give (quantri.core.workdays.NOT_MADE_UP) is left out."""
    language = "vi" if (get_language() or "vi").startswith("vi") else "en_US"
    names = holidays.country_holidays("VN", years=year, language=language)
    english = holidays.country_holidays("VN", years=year, language="en_US")
    calendar = WorkingCalendar()
    return sorted(
        (day, name, legal_basis(english[day]))
        for day, name in names.items()
        if day.weekday() not in (SATURDAY, SUNDAY) and calendar.holiday_name(day)
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
    # gives and the law or the year's announcement does not: the library may run ahead of the
    # law (it gave 24/11 from 2026 on the party's resolution, before the National Assembly's
    # Resolution 28/2026/QH16) or keep a day the law has dropped.
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
