"""Working days in Vietnam: weekends and public holidays (the lunar new year included) come
from the `holidays` library; the government's extra days off and make-up working Saturdays,
which change every year, are passed in as data.

Plain Python, no Django: the deadline rules of reports, feedback and dossiers all count here.
"""

import datetime
from collections.abc import Iterable

import holidays

SATURDAY, SUNDAY = 5, 6
MONDAY = 0

# Labour Code 2019 (Law 45/2019/QH14) art. 112 cl. 1 lists the holidays, and art. 111 cl. 3
# gives one that falls on the weekly rest day on the next working day. Vietnam Culture Day,
# 24/11, is a paid day off from 2026 by Resolution 28/2026/QH16 of the National Assembly
# (art. 2, in force 1/7/2026), which does not amend art. 112 cl. 1: art. 111 cl. 3 does not
# reach it. The library moves it to the Monday all the same when it falls on a weekend (first
# on 26/11/2029); that Monday is a working day here unless the year's announcement gives it,
# which the office then enters on /calendar/ as a day off.
NOT_MADE_UP: tuple[tuple[int, int], ...] = ((11, 24),)


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
        return day not in self._holidays or self._made_up_without_law(day)

    def holiday_name(self, day: datetime.date) -> str | None:
        if self._made_up_without_law(day):
            return None
        return self._holidays.get(day)

    def _made_up_without_law(self, day: datetime.date) -> bool:
        """The library's Monday in lieu of a holiday art. 111 cl. 3 does not reach, when
        nothing else falls on that Monday."""
        if day.weekday() != MONDAY:
            return False
        for month, day_of_month in NOT_MADE_UP:
            holiday = datetime.date(day.year, month, day_of_month)
            if (
                holiday.weekday() in (SATURDAY, SUNDAY)
                and 0 < (day - holiday).days <= 2
                and holiday in self._holidays
                and len(self._holidays.get_list(day)) == 1
            ):
                return True
        return False

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
