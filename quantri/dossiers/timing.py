"""When a dossier is due and whether it was handled in time. Plain Python, no Django.

The rule (README, "How one-stop time limits are counted"):

* Day of receipt not counted. Decree 118/2025/NĐ-CP (one-stop mechanism, from 1/7/2025) and
  the procedure catalogue give time limits in working days without a counting rule of their
  own, so the Civil Code applies (Law 91/2015/QH13, art. 145 cl. 1): a period set in days
  starts on the day after the event (art. 147 cl. 2–3), here the receipt of a complete
  dossier. A limit of N working days ends on the N-th working day after the day of receipt,
  whatever the channel and whether that day was itself a working day.
* End. The period ends at the end of its last day (art. 148 cl. 1); for an office that is its
  closing time (17:00 by default), the due moment of the appointment.
* A limit of 0 days (answered on the spot) is due at closing time on the day of receipt (the
  next working day when it came after closing or on a day off).
* Afternoon cut-off: none in general. A procedure whose own rule sets one (a provincial
  decision, a sector regulation: its source is recorded with it) counts a dossier received at
  or after the cut-off as received on the next working day.
* Classification of a dossier with a result: early when the result came before the appointment
  day, on time when on the appointment day up to the due moment, late after it. Without a
  result at a given moment: within time up to the due moment, overdue after it.

All datetimes here are naive local times (the Django layer converts to Asia/Ho_Chi_Minh).
"""

import datetime
import enum

from quantri.core.workdays import WorkingCalendar

DEFAULT_CLOSING = datetime.time(17, 0)
ONE_DAY = datetime.timedelta(days=1)


class Timing(enum.StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    WITHIN_TIME = "within_time"
    OVERDUE = "overdue"


def receipt_day(
    received_at: datetime.datetime,
    calendar: WorkingCalendar,
    *,
    cutoff: datetime.time | None = None,
) -> datetime.date:
    """The day of receipt the period counts from (itself not counted): the calendar day,
    unless the procedure's cut-off moves a late-afternoon dossier to the next working day."""
    day = received_at.date()
    if cutoff is not None and received_at.time() >= cutoff:
        return calendar.next_working_day(day + ONE_DAY)
    return day


def due_day(
    received: datetime.date, processing_days: int, calendar: WorkingCalendar
) -> datetime.date:
    """The N-th working day after the day of receipt (Civil Code art. 147: not counted)."""
    if processing_days < 0:
        raise ValueError("processing_days must not be negative")
    if processing_days == 0:
        return calendar.next_working_day(received)
    return calendar.add_working_days(received, processing_days)


def due_at(
    received_at: datetime.datetime,
    processing_days: int,
    calendar: WorkingCalendar,
    *,
    cutoff: datetime.time | None = None,
    closing: datetime.time = DEFAULT_CLOSING,
) -> datetime.datetime:
    received = receipt_day(received_at, calendar, cutoff=cutoff)
    due = datetime.datetime.combine(due_day(received, processing_days, calendar), closing)
    if due < received_at:  # an on-the-spot answer asked for after closing
        due = datetime.datetime.combine(calendar.next_working_day(due.date() + ONE_DAY), closing)
    return due


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
    the cut-off or closing, the cut-off and the number of days — so a bulk import of a year
    of dossiers walks the calendar a few thousand times, not a million."""

    def __init__(self, calendar: WorkingCalendar, *, closing: datetime.time = DEFAULT_CLOSING):
        self.calendar, self.closing = calendar, closing
        self._memo: dict[tuple, datetime.datetime] = {}

    def __call__(
        self,
        received_at: datetime.datetime,
        processing_days: int,
        *,
        cutoff: datetime.time | None = None,
    ) -> datetime.datetime:
        moment = received_at.time()
        late = (cutoff is not None and moment >= cutoff, moment > self.closing)
        key = (received_at.date(), late, cutoff, processing_days)
        due = self._memo.get(key)
        if due is None:
            due = self._memo[key] = due_at(
                received_at,
                processing_days,
                self.calendar,
                cutoff=cutoff,
                closing=self.closing,
            )
        return due
