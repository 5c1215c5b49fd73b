"""The deadline rules, as plain Python."""

import datetime

import pytest

from quantri.plans.deadlines import PeriodError, next_due, period_end

D = datetime.date


@pytest.mark.parametrize(
    ("recurrence", "today", "due"),
    [
        ("monthly", D(2026, 2, 10), D(2026, 2, 28)),
        ("monthly", D(2028, 2, 10), D(2028, 2, 29)),
        ("quarterly", D(2026, 8, 1), D(2026, 9, 30)),
        ("quarterly", D(2026, 9, 30), D(2026, 9, 30)),
        ("semiannual", D(2026, 3, 5), D(2026, 6, 30)),
        ("semiannual", D(2026, 7, 1), D(2026, 12, 31)),
        ("annual", D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_a_recurring_task_falls_due_at_the_end_of_the_running_cycle(recurrence, today, due):
    assert next_due(recurrence, today) == due


def test_a_continuous_task_never_falls_due():
    assert next_due("continuous", D(2026, 5, 1)) is None


@pytest.mark.parametrize(
    ("text", "code", "due"),
    [
        ("2026-Q3", "2026-Q3", D(2026, 9, 30)),
        ("Q3/2026", "2026-Q3", D(2026, 9, 30)),
        ("hết quý III năm 2026", "2026-Q3", D(2026, 9, 30)),
        ("quý 1/2027", "2027-Q1", D(2027, 3, 31)),
        ("2026-H1", "2026-H1", D(2026, 6, 30)),
        ("6 tháng cuối năm 2026", "2026-H2", D(2026, 12, 31)),
        ("tháng 2/2026", "2026-02", D(2026, 2, 28)),
        ("2026-11", "2026-11", D(2026, 11, 30)),
        ("năm 2026", "2026", D(2026, 12, 31)),
    ],
)
def test_a_period_resolves_to_its_last_day(text, code, due):
    assert period_end(text) == (code, due)


@pytest.mark.parametrize("text", ["", "quý 5/2026", "2026-13", "sớm nhất có thể", "Q3"])
def test_what_is_not_a_period_is_refused(text):
    with pytest.raises(PeriodError):
        period_end(text)
