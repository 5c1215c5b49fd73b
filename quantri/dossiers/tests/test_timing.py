"""Due dates across Tết, weekends and make-up days; the classification at its boundaries.
In 2026 Tết is Mon 16/02 – Fri 20/02 (the holidays library), 14–15/02 a weekend."""

import datetime as dt

import pytest

from quantri.core.workdays import WorkingCalendar
from quantri.dossiers.timing import Timing, classify, due_at, due_day, start_day

CAL = WorkingCalendar()


def at(day: str, time: str = "09:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}")


def test_start_day_is_the_receiving_working_day_before_the_cutoff():
    assert start_day(at("2026-03-10", "15:59"), CAL, paper=True) == dt.date(2026, 3, 10)


def test_paper_dossier_at_the_cutoff_counts_from_the_next_working_day():
    # Friday 16:00 → Monday
    assert start_day(at("2026-03-13", "16:00"), CAL, paper=True) == dt.date(2026, 3, 16)


def test_online_dossier_is_not_moved_by_the_paper_cutoff_but_by_closing_time():
    assert start_day(at("2026-03-13", "16:59"), CAL, paper=False) == dt.date(2026, 3, 13)
    assert start_day(at("2026-03-13", "17:00"), CAL, paper=False) == dt.date(2026, 3, 16)


def test_due_moment_is_never_before_reception():
    # a same-day procedure received online late in the evening is due the next working day
    received = at("2026-03-10", "22:00")
    assert due_at(received, 1, CAL, paper=False) == at("2026-03-11", "17:00")


def test_cutoff_is_configurable():
    assert start_day(at("2026-03-10", "15:00"), CAL, paper=True, cutoff=dt.time(14, 30)) == dt.date(
        2026, 3, 11
    )


def test_dossier_received_during_tet_counts_from_the_first_day_after_it():
    assert start_day(at("2026-02-17", "10:00"), CAL, paper=False) == dt.date(2026, 2, 23)


def test_paper_dossier_after_cutoff_on_the_eve_of_tet_counts_after_tet():
    assert start_day(at("2026-02-13", "16:30"), CAL, paper=True) == dt.date(2026, 2, 23)


def test_due_day_counts_the_start_day_as_day_one():
    assert due_day(dt.date(2026, 3, 10), 1, CAL) == dt.date(2026, 3, 10)
    assert due_day(dt.date(2026, 3, 10), 3, CAL) == dt.date(2026, 3, 12)
    assert due_day(dt.date(2026, 3, 10), 0, CAL) == dt.date(2026, 3, 10)


def test_due_day_skips_the_weekend():
    # Thursday + 3 days: Thu, Fri, Mon
    assert due_day(dt.date(2026, 3, 12), 3, CAL) == dt.date(2026, 3, 16)


def test_due_day_skips_tet():
    # Friday 13/02 is day 1; Tết and two weekends pass; Mon 23/02 is day 2
    assert due_day(dt.date(2026, 2, 13), 3, CAL) == dt.date(2026, 2, 24)


def test_make_up_saturday_is_a_working_day_and_an_extra_day_off_is_not():
    calendar = WorkingCalendar(working_days=[dt.date(2026, 2, 21)], days_off=[dt.date(2026, 2, 23)])
    # day 1 Fri 13/02, day 2 Sat 21/02 (make-up), Mon 23/02 off, day 3 Tue 24/02
    assert due_day(dt.date(2026, 2, 13), 3, calendar) == dt.date(2026, 2, 24)
    assert due_day(dt.date(2026, 2, 13), 2, calendar) == dt.date(2026, 2, 21)


def test_due_at_is_the_closing_time_of_the_appointment_day():
    assert due_at(at("2026-03-13", "16:10"), 2, CAL, paper=True) == at("2026-03-17", "17:00")


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
            for paper in (True, False):
                for days in (0, 1, 3, 10):
                    moment = at(day.isoformat(), time)
                    expected = due_at(moment, days, CAL, paper=paper)
                    assert remembered(moment, days, paper=paper) == expected
        day += dt.timedelta(days=1)
