"""The periods the 766 dashboard reads: a month, a quarter, six months, a year or a chosen
range of whole months, and the period of the same length just before. Plain Python.

The aggregates are kept by month, so every period is a run of whole months: its figures are
the sum of its month rows (a year of one agency is still a few hundred rows).
"""

import calendar
import datetime
from dataclasses import dataclass

KINDS = ("month", "quarter", "half", "year", "range")
LENGTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(text: str) -> datetime.date:
    """ "2026-06" → 2026-06-01; ValueError naming the text otherwise."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        raise ValueError(f"“{text}” is not a month written YYYY-MM") from None


@dataclass(frozen=True)
class Period:
    kind: str
    start: int  # months since year 0: the first month
    length: int  # in months

    @classmethod
    def around(cls, kind: str, month: datetime.date) -> "Period":
        """The month, quarter, half or year that holds `month`."""
        if kind not in LENGTHS:
            raise ValueError(f"“{kind}” is not one of {', '.join(KINDS)}")
        length = LENGTHS[kind]
        index = _month_index(month)
        return cls(kind, index - (month.month - 1) % length, length)

    @classmethod
    def between(cls, first: datetime.date, last: datetime.date) -> "Period":
        """The months from `first` to `last`, both included (at most ten years)."""
        start, end = _month_index(first), _month_index(last)
        if end < start:
            raise ValueError("the range ends before it starts")
        if end - start >= 120:
            raise ValueError("a range is at most 120 months")
        return cls("range", start, end - start + 1)

    @property
    def first(self) -> datetime.date:
        return _from_index(self.start)

    @property
    def last(self) -> datetime.date:
        month = _from_index(self.start + self.length - 1)
        return month.replace(day=calendar.monthrange(month.year, month.month)[1])

    @property
    def last_month(self) -> datetime.date:
        return _from_index(self.start + self.length - 1)

    def months(self) -> list[datetime.date]:
        return [_from_index(self.start + n) for n in range(self.length)]

    def previous(self) -> "Period":
        """The period of the same kind and length just before: the previous month, quarter,
        half, year, or the same number of months before a range."""
        return Period(self.kind, self.start - self.length, self.length)

    def label(self) -> str:
        """ "06/2026", "Q2/2026", "H1/2026", "2026", "01/2026–05/2026" (the same in both
        languages, as official reports write them)."""
        first = self.first
        if self.kind == "month":
            return f"{first:%m/%Y}"
        if self.kind == "quarter":
            return f"Q{(first.month - 1) // 3 + 1}/{first.year}"
        if self.kind == "half":
            return f"H{(first.month - 1) // 6 + 1}/{first.year}"
        if self.kind == "year":
            return str(first.year)
        return f"{first:%m/%Y}–{self.last_month:%m/%Y}"

    def __str__(self) -> str:
        return f"{self.first:%Y-%m}"


def from_query(kind: str, month: str, until: str = "", *, default: datetime.date) -> Period:
    """The period a page asks for: ?period=month|quarter|half|year|range, ?month=YYYY-MM (the
    month it holds, or a range's first) and ?until=YYYY-MM (a range's last). ValueError
    naming the bad parameter."""
    kind = kind or "month"
    anchor = parse_month(month) if month else default.replace(day=1)
    if kind == "range":
        return Period.between(anchor, parse_month(until) if until else anchor)
    return Period.around(kind, anchor)
