"""Working days in Vietnam: weekends and public holidays (the lunar new year included) come
from the `holidays` library; the government's extra days off and make-up working Saturdays,
which change every year, are passed in as data.

Plain Python, no Django: the deadline rules of reports, feedback and dossiers all count here.
"""

import datetime
from collections.abc import Iterable

import holidays

SATURDAY, SUNDAY = 5, 6


class WorkingCalendar:
    def __init__(
        self,
        *,
        days_off: Iterable[datetime.date] = (),
        working_days: Iterable[datetime.date] = (),
        country: str = "VN",
        weekend: frozenset[int] = frozenset({SATURDAY, SUNDAY}),
    ):
        self.days_off = frozenset(days_off)
        self.working_days = frozenset(working_days)
        self.weekend = weekend
        self._holidays = holidays.country_holidays(country)
        # Every feedback submission asks for the same few sums on the same day: kept, since
        # a calendar never changes once made (a changed one is a new calendar).
        self._sums: dict[tuple[datetime.date, int], datetime.date] = {}

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.working_days:
            return True
        if day in self.days_off or day.weekday() in self.weekend:
            return False
        return day not in self._holidays

    def holiday_name(self, day: datetime.date) -> str | None:
        return self._holidays.get(day)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The day itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The date `days` working days after `start` (start itself not counted): a 10-day
        limit from a Friday ends on the Friday two weeks later, later still across Tết."""
        if days < 0:
            raise ValueError("days must not be negative")
        found = self._sums.get((start, days))
        if found is None:
            found = self._sums[(start, days)] = self._count_forward(start, days)
        return found

    def _count_forward(self, start: datetime.date, days: int) -> datetime.date:
        day = start
        while days:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                days -= 1
        return day

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count
