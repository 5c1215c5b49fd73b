"""Reporting periods as Decree 09/2019/NĐ-CP cuts them. Plain Python, no Django.

Codes: "2021-H1" / "2021-H2" (half years), "2021-Y" (year), "2021-Q3" (quarter), "2021-05"
(month), "2021-9M" (nine months). Data cut-off windows (Article 12):

- 6-month report: 15/12 of the previous year → 14/06;
- 9-month report: 15/12 of the previous year → 14/09 — not in the decree, but in the
  provincial reporting regimes built on it (the provincial People's Committees' decisions on
  periodic reports "phục vụ mục tiêu quản lý", e.g. Quyết định 01/2023/QĐ-UBND of Khánh Hòa,
  Article 4, Quyết định 41/2019/QĐ-UBND of Quảng Trị, Quyết định 06/2024/QĐ-UBND of Kon Tum),
  which keep the decree's 15/12 opening for the 9-month report; its deadline is data below
  (NINE_MONTH_DEADLINE, with its source);
- annual report: 15/12 of the previous year → 14/12;
- quarterly: the 15th of the month before the quarter → the 14th of its last month;
- monthly: the 15th of the previous month → the 14th.

The decree names no separate second-half window (the annual report covers it); H2 here is the
other half of the year, 15/06 → 14/12, for plans that ask for one.

The deadline is the requesting body's choice: N days after the cut-off (working days when the
regime counts them) or a fixed day of the month.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Protocol

MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL = "monthly", "quarterly", "semiannual", "annual"
NINE_MONTHS = "nine_months"
CUTOFF_DAY = 14  # data up to the 14th; the next window opens on the 15th

_CODE = re.compile(
    r"^(?P<year>\d{4})-(?:(?P<half>H[12])|(?P<annual>Y)|(?P<nine>9M)|Q(?P<quarter>[1-4])"
    r"|(?P<month>\d{2}))$"
)


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages finds this name); callers translate."""
    return message


BAD_CODE = gettext_noop(
    "“%(code)s” is not a period code. Write the year, a dash and the period: "
    "2021-H1 or 2021-H2 (half year), 2021-Y (year), 2021-Q3 (quarter), 2021-05 (month) "
    "or 2021-9M (nine months)."
)
BAD_MONTH = gettext_noop("“%(code)s”: the month must be 01 to 12.")
BAD_YEAR = gettext_noop("“%(code)s”: the year must be between 1990 and 2200.")
WRONG_FREQUENCY = gettext_noop(
    "“%(code)s” is not a %(frequency)s period (expected e.g. %(example)s)."
)


class PeriodCodeError(ValueError):
    """A period code that cannot be read; `template % params` is the message, so callers can
    translate the template."""

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        super().__init__(template % params)


@dataclass(frozen=True, order=True)
class PeriodCode:
    year: int
    frequency: str
    index: int  # half 1–2, quarter 1–4, month 1–12; 1 for the year

    def __str__(self) -> str:
        return format_code(self)


def parse_code(code: str) -> PeriodCode:
    text = (code or "").strip().upper()
    match = _CODE.match(text)
    if not match:
        raise PeriodCodeError(BAD_CODE, code=code)
    year = int(match["year"])
    if not 1990 <= year <= 2200:
        raise PeriodCodeError(BAD_YEAR, code=code)
    if match["half"]:
        return PeriodCode(year, SEMIANNUAL, int(match["half"][1]))
    if match["annual"]:
        return PeriodCode(year, ANNUAL, 1)
    if match["nine"]:
        return PeriodCode(year, NINE_MONTHS, 1)
    if match["quarter"]:
        return PeriodCode(year, QUARTERLY, int(match["quarter"]))
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise PeriodCodeError(BAD_MONTH, code=code)
    return PeriodCode(year, MONTHLY, month)


def format_code(period: PeriodCode) -> str:
    suffix = {
        SEMIANNUAL: f"H{period.index}",
        ANNUAL: "Y",
        NINE_MONTHS: "9M",
        QUARTERLY: f"Q{period.index}",
        MONTHLY: f"{period.index:02d}",
    }[period.frequency]
    return f"{period.year}-{suffix}"


EXAMPLES = {
    SEMIANNUAL: "2021-H1",
    ANNUAL: "2021-Y",
    NINE_MONTHS: "2021-9M",
    QUARTERLY: "2021-Q3",
    MONTHLY: "2021-05",
}


def parse_code_for(code: str, frequency: str) -> PeriodCode:
    """parse_code, also refusing a code of another frequency than the regime's."""
    period = parse_code(code)
    if period.frequency != frequency:
        raise PeriodCodeError(
            WRONG_FREQUENCY, code=code, frequency=frequency, example=EXAMPLES[frequency]
        )
    return period


def _cutoff(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, CUTOFF_DAY)


def _window_opening(year: int, month: int) -> datetime.date:
    """The 15th of the month before `month` of `year` (December of the year before for January)."""
    if month == 1:
        return datetime.date(year - 1, 12, CUTOFF_DAY + 1)
    return datetime.date(year, month - 1, CUTOFF_DAY + 1)


def last_month(period: PeriodCode) -> int:
    """The month whose 14th closes the window."""
    return {
        SEMIANNUAL: 6 * period.index,
        ANNUAL: 12,
        NINE_MONTHS: 9,
        QUARTERLY: 3 * period.index,
        MONTHLY: period.index,
    }[period.frequency]


def first_month(period: PeriodCode) -> int:
    return {
        SEMIANNUAL: 6 * period.index - 5,
        ANNUAL: 1,
        NINE_MONTHS: 1,
        QUARTERLY: 3 * period.index - 2,
        MONTHLY: period.index,
    }[period.frequency]


def window(period: PeriodCode) -> tuple[datetime.date, datetime.date]:
    """The data cut-off window (first and last day, both included)."""
    start = _window_opening(period.year, first_month(period))
    return start, _cutoff(period.year, last_month(period))


def period_containing(day: datetime.date, frequency: str) -> PeriodCode:
    """The period of a frequency whose window holds the day (15–31 December belong to the
    next year's first period). Days after 14/09 are in no nine-month window: ValueError."""
    year, month = day.year, day.month
    if day.day > CUTOFF_DAY:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if frequency == NINE_MONTHS:
        if month > 9:
            raise ValueError(f"{day:%d/%m/%Y} is after the nine-month cut-off (14/09)")
        return PeriodCode(year, NINE_MONTHS, 1)
    index = {
        SEMIANNUAL: (month - 1) // 6 + 1,
        ANNUAL: 1,
        QUARTERLY: (month - 1) // 3 + 1,
        MONTHLY: month,
    }[frequency]
    return PeriodCode(year, frequency, index)


class Calendar(Protocol):
    def add_working_days(self, start: datetime.date, days: int) -> datetime.date: ...

    def next_working_day(self, day: datetime.date) -> datetime.date: ...


@dataclass(frozen=True)
class DeadlinePolicy:
    """When reports are due after the cut-off: `fixed_day` of the month (the first such day
    after the cut-off; the month's last day when shorter), else `days_after` days. With
    `working_days`, days after count only working days and a fixed day falling on a day off
    moves to the next working day."""

    fixed_day: int | None = None
    days_after: int = 5
    working_days: bool = True


# The 9-month report's deadline: 2 working days after the cut-off (14/09), as the provincial
# regime of Khánh Hòa sets it for its periodic reports: Quyết định 01/2023/QĐ-UBND ngày
# 05/01/2023 (in force 31/01/2023, replacing Quyết định 18/2020), Điều 4: "Báo cáo định kỳ 9
# tháng: Tính từ ngày 15 tháng 12 của năm trước kỳ báo cáo đến ngày 14 tháng 9 của kỳ báo
# cáo"; "Thời hạn gửi: 02 ngày làm việc kể từ ngày chốt số liệu". Text of the decision:
# https://thuviennhadat.vn/vbpl/quyet-dinh-01-2023-qd-ubnd-che-do-bao-cao-dinh-ky-phuc-vu-quan-
# ly-khanh-hoa-551581.html (the stored copy reaches its preamble and Articles 1–3); Article 4
# was read in a summary of the decision kept in a public repository (code index, file id
# 23712479132), so the window is confirmed and the 2 days come from that summary. It replaces
# the 20 September of sessions 6–7, which no text supported. A regime that sets another day
# passes its own DeadlinePolicy.
NINE_MONTH_DEADLINE = DeadlinePolicy(days_after=2, working_days=True)

# What the searches for the 9-month rule found, so nobody repeats them (issue 15).
NINE_MONTH_SOURCE_CHECK = {
    "checked_on": datetime.date(2026, 12, 4),
    "searched": [
        # Sessions 6–7: Quyết định 41/2019/QĐ-UBND (Quảng Trị) and 06/2024/QĐ-UBND (Kon Tum):
        # the stored copies reach their preambles only.
        # Session 8: pages "báo cáo 9 tháng thời gian chốt số liệu từ ngày 15 tháng 12 năm
        # trước đến ngày 14 tháng 9 thời hạn gửi báo cáo", "Quảng Trị 41/2019 … 9 tháng",
        # "Khánh Hòa 01/2023/QĐ-UBND Điều 4 …" (preambles again: Quảng Trị, Kon Tum, Khánh Hòa);
        # exact strings "đến ngày 14 tháng 9", "Báo cáo định kỳ 9 tháng" in public code (the
        # Khánh Hòa summary above).
    ],
    "found": "Khánh Hòa, Quyết định 01/2023/QĐ-UBND, Điều 4 (via a summary): window 15/12 → "
    "14/09, deadline 02 working days after the cut-off.",
    "not_found": "Article 4's own text; a national rule for the 9-month report (Decree "
    "09/2019/NĐ-CP Article 12 has none).",
}


def deadline(cutoff: datetime.date, policy: DeadlinePolicy, calendar_: Calendar) -> datetime.date:
    if policy.fixed_day:
        day = _next_day_of_month(cutoff, policy.fixed_day)
        return calendar_.next_working_day(day) if policy.working_days else day
    if policy.working_days:
        return calendar_.add_working_days(cutoff, policy.days_after)
    return cutoff + datetime.timedelta(days=policy.days_after)


def _next_day_of_month(after: datetime.date, day_of_month: int) -> datetime.date:
    year, month = after.year, after.month
    while True:
        candidate = datetime.date(
            year, month, min(day_of_month, calendar.monthrange(year, month)[1])
        )
        if candidate > after:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
