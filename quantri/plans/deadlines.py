"""Deadline rules with no database: the next due date of a recurring task and the last day of a
period written as "2026-Q3", "Q3/2026", "6 tháng đầu năm 2026"… Plain Python, tested as such."""

import calendar
import datetime
import re

# Months that close each recurring cycle, counted from January.
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}


class PeriodError(ValueError):
    """A period that cannot be read; the message says what was expected."""


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def next_due(recurrence: str, today: datetime.date) -> datetime.date | None:
    """The last day of the cycle that contains `today` (the report for the running month,
    quarter, half-year or year is due at its end); None for continuous tasks, which never fall
    due but are followed in every report."""
    months = CYCLE_MONTHS.get(recurrence)
    if months is None:
        return None
    closing_month = -(-today.month // months) * months
    return _month_end(today.year, closing_month)


_PATTERNS = [
    # 2026-Q3, Q3/2026, Q3 2026, quý 3/2026, quý III năm 2026
    (re.compile(r"^(\d{4})-?Q([1-4])$"), lambda m: (int(m[1]), "Q", int(m[2]))),
    (
        re.compile(r"^(?:Q|QUÝ ?)(I{1,3}|IV|[1-4])(?:/| NĂM | )(\d{4})$"),
        lambda m: (int(m[2]), "Q", _roman(m[1])),
    ),
    # 2026-H1, H2/2026, 6 tháng đầu năm 2026, 6 tháng cuối năm 2026
    (re.compile(r"^(\d{4})-?H([12])$"), lambda m: (int(m[1]), "H", int(m[2]))),
    (re.compile(r"^H([12])(?:/| )(\d{4})$"), lambda m: (int(m[2]), "H", int(m[1]))),
    (re.compile(r"^6 THÁNG ĐẦU NĂM (\d{4})$"), lambda m: (int(m[1]), "H", 1)),
    (re.compile(r"^6 THÁNG CUỐI NĂM (\d{4})$"), lambda m: (int(m[1]), "H", 2)),
    # 2026-05, 05/2026, tháng 5/2026
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda m: (int(m[1]), "M", int(m[2]))),
    (re.compile(r"^(?:THÁNG )?(\d{1,2})/(\d{4})$"), lambda m: (int(m[2]), "M", int(m[1]))),
    # 2026, năm 2026
    (re.compile(r"^(?:NĂM )?(\d{4})$"), lambda m: (int(m[1]), "Y", 1)),
]


def _roman(text: str) -> int:
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(text) or int(text)


def period_end(text: str) -> tuple[str, datetime.date]:
    """The period in its canonical code (2026-Q3, 2026-H1, 2026-05, 2026) and its last day."""
    cleaned = re.sub(r"\s+", " ", re.sub(r"^(?:HẾT|CUỐI|TRƯỚC|END OF|BY)\s+", "", text.upper()))
    for pattern, read in _PATTERNS:
        match = pattern.match(cleaned.strip())
        if match:
            year, kind, number = read(match)
            return _resolved(year, kind, number)
    raise PeriodError(
        "Write the period as 2026-Q3, 2026-H1, 2026-05 or 2026 "
        "(also Q3/2026, 6 tháng đầu năm 2026)."
    )


def _resolved(year: int, kind: str, number: int) -> tuple[str, datetime.date]:
    if not 1990 <= year <= 2200:
        raise PeriodError(f"{year} is not a plausible year.")
    if kind == "Q":
        return f"{year}-Q{number}", _month_end(year, number * 3)
    if kind == "H":
        return f"{year}-H{number}", _month_end(year, number * 6)
    if kind == "M":
        if not 1 <= number <= 12:
            raise PeriodError(f"{number} is not a month.")
        return f"{year}-{number:02d}", _month_end(year, number)
    return str(year), datetime.date(year, 12, 31)
