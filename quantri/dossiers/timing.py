"""When a dossier is due and whether it was handled in time. Plain Python, no Django.

The rule this module implements (document it to the desk exactly like this):

* Start day. A dossier received on a working day counts from that day. A dossier received on a
  non-working day (weekend, holiday, extra day off) counts from the next working day. A paper
  dossier (desk or post) received at or after the afternoon cut-off (16:00 by default) counts
  from the next working day, since the desk cannot pass it on the same day. Online dossiers
  count from the day they arrive unless they arrive after the office closes (17:00 by
  default): then from the next working day, as dossiers received after office hours.
* Appointment (due) day. The start day is the first day of the processing time, so a limit of N
  working days ends on the N-th working day counting the start day: start + (N − 1) working
  days. A limit of 0 days (answered on the spot) is due on the start day.
* Due moment: the end of the office day (17:00 by default) on the appointment day.
* Classification of a dossier with a result: early when the result came before the appointment
  day, on time when on the appointment day up to the due moment, late after it. Without a
  result at a given moment: within time up to the due moment, overdue after it.

All datetimes here are naive local times (the Django layer converts to Asia/Ho_Chi_Minh).
"""

import datetime
import enum

from quantri.core.workdays import WorkingCalendar

DEFAULT_CUTOFF = datetime.time(16, 0)
DEFAULT_CLOSING = datetime.time(17, 0)


class Timing(enum.StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    WITHIN_TIME = "within_time"
    OVERDUE = "overdue"


def start_day(
    received_at: datetime.datetime,
    calendar: WorkingCalendar,
    *,
    paper: bool,
    cutoff: datetime.time = DEFAULT_CUTOFF,
    closing: datetime.time = DEFAULT_CLOSING,
) -> datetime.date:
    day = received_at.date()
    if not calendar.is_working_day(day):
        return calendar.next_working_day(day)
    if received_at.time() >= (cutoff if paper else closing):
        return calendar.next_working_day(day + datetime.timedelta(days=1))
    return day


def due_day(start: datetime.date, processing_days: int, calendar: WorkingCalendar) -> datetime.date:
    if processing_days < 0:
        raise ValueError("processing_days must not be negative")
    return calendar.add_working_days(start, max(processing_days - 1, 0))


def due_at(
    received_at: datetime.datetime,
    processing_days: int,
    calendar: WorkingCalendar,
    *,
    paper: bool,
    cutoff: datetime.time = DEFAULT_CUTOFF,
    closing: datetime.time = DEFAULT_CLOSING,
) -> datetime.datetime:
    start = start_day(received_at, calendar, paper=paper, cutoff=cutoff, closing=closing)
    return datetime.datetime.combine(due_day(start, processing_days, calendar), closing)


def classify(
    due: datetime.datetime,
    *,
    result_at: datetime.datetime | None,
    now: datetime.datetime,
) -> Timing:
    if result_at is None:
        return Timing.WITHIN_TIME if now <= due else Timing.OVERDUE
    if result_at.date() < due.date():
        return Timing.EARLY
    return Timing.ON_TIME if result_at <= due else Timing.LATE


class DueDates:
    """due_at() remembered by what it depends on — the local day, whether the time is past
    the cut-off (or closing for online dossiers), the channel and the number of days — so a
    bulk import of a year of dossiers walks the calendar a few thousand times, not a million."""

    def __init__(
        self,
        calendar: WorkingCalendar,
        *,
        cutoff: datetime.time = DEFAULT_CUTOFF,
        closing: datetime.time = DEFAULT_CLOSING,
    ):
        self.calendar, self.cutoff, self.closing = calendar, cutoff, closing
        self._memo: dict[tuple, datetime.datetime] = {}

    def __call__(
        self, received_at: datetime.datetime, processing_days: int, *, paper: bool
    ) -> datetime.datetime:
        late = received_at.time() >= (self.cutoff if paper else self.closing)
        key = (received_at.date(), late, paper, processing_days)
        due = self._memo.get(key)
        if due is None:
            due = self._memo[key] = due_at(
                received_at,
                processing_days,
                self.calendar,
                paper=paper,
                cutoff=self.cutoff,
                closing=self.closing,
            )
        return due
