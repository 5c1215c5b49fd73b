import datetime

import pytest

from quantri.dossiers.periods import Period, from_query

JUNE = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("kind", "label", "first", "last", "previous"),
    [
        ("month", "06/2026", "2026-06-01", "2026-06-30", "05/2026"),
        ("quarter", "Q2/2026", "2026-04-01", "2026-06-30", "Q1/2026"),
        ("half", "H1/2026", "2026-01-01", "2026-06-30", "H2/2025"),
        ("year", "2026", "2026-01-01", "2026-12-31", "2025"),
    ],
)
def test_the_period_holding_a_month_and_the_one_before(kind, label, first, last, previous):
    period = Period.around(kind, JUNE)
    assert period.label() == label
    assert (str(period.first), str(period.last)) == (first, last)
    assert period.previous().label() == previous


def test_a_range_is_compared_with_as_many_months_before_it():
    period = from_query("range", "2026-02", "2026-05", default=JUNE)
    assert period.label() == "02/2026–05/2026" and len(period.months()) == 4
    assert period.previous().label() == "10/2025–01/2026"


def test_a_quarter_across_february_of_a_leap_year_ends_on_its_last_day():
    assert Period.around("quarter", datetime.date(2028, 2, 1)).first == datetime.date(2028, 1, 1)
    assert Period.around("month", datetime.date(2028, 2, 1)).last == datetime.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("kind", "month", "until", "message"),
    [
        ("week", "2026-06", "", "“week” is not one of month, quarter, half, year, range"),
        ("month", "06/2026", "", "“06/2026” is not a month written YYYY-MM"),
        ("range", "2026-06", "2026-01", "the range ends before it starts"),
        ("range", "2010-01", "2026-01", "a range is at most 120 months"),
    ],
)
def test_bad_parameters_are_named(kind, month, until, message):
    with pytest.raises(ValueError, match=message):
        from_query(kind, month, until, default=JUNE)


def test_no_parameters_mean_this_month():
    assert from_query("", "", default=datetime.date(2026, 12, 3)).label() == "12/2026"
