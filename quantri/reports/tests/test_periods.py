"""Period codes, Decree 09 cut-off windows and deadlines: plain Python, no database."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantri.core.workdays import WorkingCalendar
from quantri.reports import periods
from quantri.reports.periods import DeadlinePolicy, PeriodCode, PeriodCodeError

D = datetime.date
CALENDAR = WorkingCalendar()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2021-H1", PeriodCode(2021, "semiannual", 1)),
        ("2021-h2", PeriodCode(2021, "semiannual", 2)),
        ("2021-Y", PeriodCode(2021, "annual", 1)),
        ("2021-Q3", PeriodCode(2021, "quarterly", 3)),
        (" 2021-05 ", PeriodCode(2021, "monthly", 5)),
    ],
)
def test_it_reads_period_codes(code, expected):
    assert periods.parse_code(code) == expected


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("2021-H3", "is not a period code"),
        ("2021-Q5", "is not a period code"),
        ("21-H1", "is not a period code"),
        ("2021", "is not a period code"),
        ("", "is not a period code"),
        ("2021-13", "the month must be 01 to 12"),
        ("2021-00", "the month must be 01 to 12"),
        ("1890-Y", "the year must be between"),
    ],
)
def test_it_refuses_bad_codes_saying_why(code, fragment):
    with pytest.raises(PeriodCodeError) as error:
        periods.parse_code(code)
    assert fragment in str(error.value)
    assert code in str(error.value)


def test_it_refuses_a_code_of_another_frequency():
    with pytest.raises(PeriodCodeError, match="2021-Q3.*semiannual.*2021-H1"):
        periods.parse_code_for("2021-Q3", "semiannual")


@given(
    st.integers(1990, 2200),
    st.sampled_from([("semiannual", 2), ("annual", 1), ("quarterly", 4), ("monthly", 12)]),
    st.data(),
)
def test_codes_round_trip(year, frequency_and_count, data):
    frequency, count = frequency_and_count
    period = PeriodCode(year, frequency, data.draw(st.integers(1, count)))
    assert periods.parse_code(periods.format_code(period)) == period


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        # The 6-month and annual windows open on 15 December of the year before.
        ("2021-H1", D(2020, 12, 15), D(2021, 6, 14)),
        ("2021-H2", D(2021, 6, 15), D(2021, 12, 14)),
        ("2021-Y", D(2020, 12, 15), D(2021, 12, 14)),
        ("2021-Q1", D(2020, 12, 15), D(2021, 3, 14)),
        ("2021-Q3", D(2021, 6, 15), D(2021, 9, 14)),
        ("2021-Q4", D(2021, 9, 15), D(2021, 12, 14)),
        ("2021-01", D(2020, 12, 15), D(2021, 1, 14)),
        ("2021-05", D(2021, 4, 15), D(2021, 5, 14)),
    ],
)
def test_windows_follow_decree_09(code, start, end):
    assert periods.window(periods.parse_code(code)) == (start, end)


@pytest.mark.parametrize(
    ("day", "frequency", "code"),
    [
        (D(2020, 12, 14), "semiannual", "2020-H2"),
        (D(2020, 12, 15), "semiannual", "2021-H1"),  # across the new year
        (D(2021, 6, 14), "semiannual", "2021-H1"),
        (D(2021, 6, 15), "semiannual", "2021-H2"),
        (D(2020, 12, 31), "annual", "2021-Y"),
        (D(2021, 3, 15), "quarterly", "2021-Q2"),
        (D(2020, 12, 20), "monthly", "2021-01"),
    ],
)
def test_it_finds_the_period_holding_a_day(day, frequency, code):
    period = periods.period_containing(day, frequency)
    assert str(period) == code
    start, end = periods.window(period)
    assert start <= day <= end


def test_deadline_counts_working_days_after_the_cut_off():
    # 14/06/2021 is a Monday: five working days later is Monday 21/06.
    assert periods.deadline(D(2021, 6, 14), DeadlinePolicy(days_after=5), CALENDAR) == D(
        2021, 6, 21
    )


def test_deadline_skips_tet():
    # Cut-off Saturday 14/02/2026; Tết closes 16–20/02, so five working days end on 27/02.
    assert periods.deadline(D(2026, 2, 14), DeadlinePolicy(days_after=5), CALENDAR) == D(
        2026, 2, 27
    )
    calendar_days = DeadlinePolicy(days_after=5, working_days=False)
    assert periods.deadline(D(2026, 2, 14), calendar_days, CALENDAR) == D(2026, 2, 19)


def test_deadline_crosses_the_new_year():
    # From Tuesday 14/12/2021: 1/1/2022 is a Saturday, taken off on Monday 3/1 instead.
    deadline = periods.deadline(D(2021, 12, 14), DeadlinePolicy(days_after=15), CALENDAR)
    assert deadline == D(2022, 1, 5)


def test_a_fixed_day_is_the_first_one_after_the_cut_off_moved_off_days_off():
    # The 20th after 14/06/2021 is Sunday 20/06: due Monday 21/06 when days off are skipped.
    assert periods.deadline(D(2021, 6, 14), DeadlinePolicy(fixed_day=20), CALENDAR) == D(
        2021, 6, 21
    )
    plain = DeadlinePolicy(fixed_day=20, working_days=False)
    assert periods.deadline(D(2021, 6, 14), plain, CALENDAR) == D(2021, 6, 20)
    # The 5th after 14/01/2027 is 05/02/2027, Tết's eve: due after the holiday, 11/02.
    assert periods.deadline(D(2027, 1, 14), DeadlinePolicy(fixed_day=5), CALENDAR) == D(2027, 2, 11)


def test_a_fixed_day_past_the_end_of_a_short_month_is_its_last_day():
    plain = DeadlinePolicy(fixed_day=31, working_days=False)
    assert periods.deadline(D(2021, 2, 14), plain, CALENDAR) == D(2021, 2, 28)


# The 9-month period of the provincial regimes: 15/12 of the previous year → 14/09.


def test_the_nine_month_period_reads_and_round_trips():
    period = periods.parse_code("2026-9m")
    assert period == PeriodCode(2026, periods.NINE_MONTHS, 1) and str(period) == "2026-9M"


def test_the_nine_month_window_opens_on_15_december_and_closes_on_14_september():
    start, end = periods.window(periods.parse_code("2026-9M"))
    assert (start, end) == (datetime.date(2025, 12, 15), datetime.date(2026, 9, 14))


def test_a_day_after_the_nine_month_cut_off_is_in_no_nine_month_window():
    day = datetime.date(2026, 12, 20)  # belongs to the next year's window
    assert periods.period_containing(day, periods.NINE_MONTHS) == PeriodCode(
        2027, periods.NINE_MONTHS, 1
    )
    with pytest.raises(ValueError, match="14/09"):
        periods.period_containing(datetime.date(2026, 9, 15), periods.NINE_MONTHS)


def test_the_nine_month_report_is_due_two_working_days_after_the_14_september_cut_off():
    """Khánh Hòa, Quyết định 01/2023/QĐ-UBND, Điều 4: "02 ngày làm việc kể từ ngày chốt số
    liệu" (periods.NINE_MONTH_DEADLINE)."""
    calendar = WorkingCalendar()
    cutoff_2026 = periods.window(periods.parse_code("2026-9M"))[1]
    # Monday 14/09/2026: Tuesday 15 and Wednesday 16 are the two working days.
    assert periods.deadline(cutoff_2026, periods.NINE_MONTH_DEADLINE, calendar) == datetime.date(
        2026, 9, 16
    )
    cutoff_2025 = periods.window(periods.parse_code("2025-9M"))[1]
    # Sunday 14/09/2025: Monday 15 and Tuesday 16.
    assert periods.deadline(cutoff_2025, periods.NINE_MONTH_DEADLINE, calendar) == datetime.date(
        2025, 9, 16
    )
    cutoff_2029 = periods.window(periods.parse_code("2029-9M"))[1]
    # Friday 14/09/2029: the weekend does not count, Monday 17 and Tuesday 18.
    assert periods.deadline(cutoff_2029, periods.NINE_MONTH_DEADLINE, calendar) == datetime.date(
        2029, 9, 18
    )
