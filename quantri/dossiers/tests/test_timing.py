"""Due dates across Tết, weekends and make-up days; the classification at its boundaries.
In 2026 Tết is Mon 16/02 – Fri 20/02 (the holidays library), 14–15/02 a weekend."""

import datetime as dt

import pytest

from quantri.core.workdays import WorkingCalendar
from quantri.dossiers.timing import Timing, classify, due_at, due_day, receipt_day

CAL = WorkingCalendar()


def at(day: str, time: str = "09:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}")


# The rule: Civil Code 2015 art. 147 cl. 2–3, the day of receipt is not counted; art. 148
# cl. 1, the period ends with its last day (at the office's closing). Hand-computed cases.


def test_the_day_of_receipt_is_not_counted():
    # Received Friday 06/03/2026, 3 working days: Mon 09, Tue 10, Wed 11 → due Wed 11/03.
    # (The old rule counted Friday as day 1 and gave Tue 10/03.)
    assert due_at(at("2026-03-06", "10:00"), 3, CAL) == at("2026-03-11", "17:00")


def test_one_working_day_is_due_the_next_working_day():
    assert due_day(dt.date(2026, 3, 10), 1, CAL) == dt.date(2026, 3, 11)
    assert due_day(dt.date(2026, 3, 13), 1, CAL) == dt.date(2026, 3, 16)  # Friday → Monday


def test_an_afternoon_receipt_counts_the_same_without_a_cutoff():
    # No general cut-off: 16:30 on Tuesday is still Tuesday's receipt.
    assert receipt_day(at("2026-03-10", "16:30"), CAL) == dt.date(2026, 3, 10)
    assert due_at(at("2026-03-10", "16:30"), 2, CAL) == at("2026-03-12", "17:00")


def test_a_procedures_cutoff_moves_a_late_receipt_to_the_next_working_day():
    cutoff = dt.time(16, 0)
    assert receipt_day(at("2026-03-13", "15:59"), CAL, cutoff=cutoff) == dt.date(2026, 3, 13)
    # Friday 16:00 → received Monday 16/03; 2 days: Tue 17, Wed 18.
    assert receipt_day(at("2026-03-13", "16:00"), CAL, cutoff=cutoff) == dt.date(2026, 3, 16)
    assert due_at(at("2026-03-13", "16:00"), 2, CAL, cutoff=cutoff) == at("2026-03-18", "17:00")


def test_a_weekend_receipt_counts_from_the_next_working_day():
    # Online on Saturday 07/03: Sunday is no working day, Monday 09/03 is day 1.
    assert due_at(at("2026-03-07", "21:00"), 1, CAL) == at("2026-03-09", "17:00")


def test_a_receipt_during_tet_counts_after_it():
    # Tết 2026: Mon 16/02 – Fri 20/02 (holidays library); received Tue 17/02, 2 days:
    # Mon 23/02, Tue 24/02.
    assert due_day(dt.date(2026, 2, 17), 2, CAL) == dt.date(2026, 2, 24)


def test_due_day_skips_tet():
    # Friday 13/02, 3 days: Mon 23, Tue 24, Wed 25.
    assert due_day(dt.date(2026, 2, 13), 3, CAL) == dt.date(2026, 2, 25)


def test_make_up_saturday_is_a_working_day_and_an_extra_day_off_is_not():
    calendar = WorkingCalendar(working_days=[dt.date(2026, 2, 21)], days_off=[dt.date(2026, 2, 23)])
    # from Fri 13/02: day 1 Sat 21/02 (make-up), Mon 23/02 off, day 2 Tue 24/02
    assert due_day(dt.date(2026, 2, 13), 1, calendar) == dt.date(2026, 2, 21)
    assert due_day(dt.date(2026, 2, 13), 2, calendar) == dt.date(2026, 2, 24)


def test_an_on_the_spot_answer_is_due_the_same_day_or_the_next_working_day_after_hours():
    assert due_at(at("2026-03-10", "09:00"), 0, CAL) == at("2026-03-10", "17:00")
    assert due_at(at("2026-03-10", "22:00"), 0, CAL) == at("2026-03-11", "17:00")
    assert due_at(at("2026-03-14", "10:00"), 0, CAL) == at("2026-03-16", "17:00")  # Saturday


def test_negative_processing_time_is_refused():
    with pytest.raises(ValueError):
        due_day(dt.date(2026, 3, 10), -1, CAL)


DUE = at("2026-03-12", "17:00")


@pytest.mark.parametrize(
    ("result_at", "expected"),
    [
        (at("2026-03-11", "23:59"), Timing.EARLY),
        (at("2026-03-12", "00:00"), Timing.ON_TIME),
        (at("2026-03-12", "17:00"), Timing.ON_TIME),
        (at("2026-03-12", "17:01"), Timing.LATE),
        (at("2026-03-13", "08:00"), Timing.LATE),
    ],
)
def test_classify_finished_dossiers_at_the_boundaries(result_at, expected):
    assert classify(DUE, result_at=result_at, now=at("2026-04-01")) == expected


def test_classify_unfinished_dossier_within_time_then_overdue():
    assert classify(DUE, result_at=None, now=at("2026-03-12", "17:00")) == Timing.WITHIN_TIME
    assert classify(DUE, result_at=None, now=at("2026-03-12", "17:01")) == Timing.OVERDUE


def test_remembered_due_dates_agree_with_the_rule_around_tet():
    from quantri.dossiers.timing import DueDates

    remembered = DueDates(CAL)
    day = dt.date(2026, 2, 5)
    for _ in range(30):  # before, across and after Tết
        for time in ("07:30", "15:59", "16:00", "16:59", "17:00", "23:10"):
            for cutoff in (None, dt.time(16, 0)):
                for days in (0, 1, 3, 10):
                    moment = at(day.isoformat(), time)
                    expected = due_at(moment, days, CAL, cutoff=cutoff)
                    assert remembered(moment, days, cutoff=cutoff) == expected
        day += dt.timedelta(days=1)
