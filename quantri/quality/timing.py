"""Time arithmetic of the quality system. Plain Python, no Django.

A process's steps are timed in working hours or working days; the procedure's legal limit is in
working days. A working day is 8 working hours (Labour Code 2019, Article 105: 8 hours a day
for a normal working week, as civil servants keep)."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

HOURS_PER_DAY = Decimal(8)
HOURS, DAYS = "hours", "days"


def step_hours(amount: Decimal, unit: str) -> Decimal:
    return Decimal(amount) * (HOURS_PER_DAY if unit == DAYS else 1)


def total_days(steps: Iterable[tuple[Decimal, str]]) -> Decimal:
    """The steps' (amount, unit) summed, in working days (fractions kept)."""
    hours = sum((step_hours(amount, unit) for amount, unit in steps), Decimal(0))
    return hours / HOURS_PER_DAY


def exceeds_limit(total: Decimal, limit_days: int | None) -> bool:
    """Whether the steps take longer than the procedure allows; no limit, no warning."""
    return limit_days is not None and total > limit_days


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day where it has none (31/1 + 1 → 28/2
    or 29/2), as a time limit in months is counted."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
