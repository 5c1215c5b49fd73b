"""The plain-Python parts: time sums, the 3-month date, the typed steps, the review's maths
against figures computed by hand."""

import datetime
from decimal import Decimal

import pytest

from quantri.quality.review_figures import Counts, format_value, review_figures, share
from quantri.quality.steps_text import StepsError, parse_steps
from quantri.quality.timing import add_months, exceeds_limit, total_days


def test_three_months_after_a_day_is_the_same_day_or_the_months_last():
    assert add_months(datetime.date(2026, 3, 15), 3) == datetime.date(2026, 6, 15)
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2027, 11, 30), 3) == datetime.date(2028, 2, 29)


def test_steps_sum_in_working_days_with_eight_hour_days():
    total = total_days([(Decimal(4), "hours"), (Decimal(3), "days"), (Decimal(12), "hours")])
    assert total == Decimal(5)  # 4 h + 24 h + 12 h = 40 h
    assert not exceeds_limit(total, 5)
    assert exceeds_limit(total + Decimal("0.5"), 5)
    assert not exceeds_limit(total, None)


def test_typed_steps_read_hours_days_and_decimal_commas():
    steps = parse_steps("Tiếp nhận | Một cửa | Mẫu 01 | 4 giờ\nThẩm định | Phòng QLVH | | 1,5 ngày")
    assert [(s["duration"], s["duration_unit"]) for s in steps] == [
        (Decimal(4), "hours"),
        (Decimal("1.5"), "days"),
    ]
    assert steps[0]["form_used"] == "Mẫu 01"


def test_a_typed_step_without_responsible_names_its_line():
    with pytest.raises(StepsError) as caught:
        parse_steps("Tiếp nhận | Một cửa | | 4 giờ\nThẩm định |  | | 2 ngày\nKý | Lãnh đạo | | sớm")
    text = str(caught.value)
    assert "Line 2: the step has no responsible role or unit." in text
    assert "Line 3" in text and "sớm" in text
    assert "Line 1" not in text


def test_review_figures_against_a_hand_computed_set():
    counts = Counts(
        dossiers_done=40,
        dossiers_on_time=35,  # 35/40 = 87.5 %
        ratings=12,
        ratings_satisfied=11,  # 11/12 = 91.666… → 91.7 %
        feedback_received=9,
        feedback_answered=6,
        feedback_answered_on_time=4,  # 4/6 = 66.666… → 66.7 %
        audits=1,
        nonconformities=2,
        observations=1,
        actions_open=1,
        actions_overdue=0,
    )
    figures = {f.code: f for f in review_figures(counts)}
    assert figures["on_time_rate"].value == 87.5
    assert figures["satisfaction"].value == 91.7
    assert figures["feedback_on_time"].value == 66.7
    assert figures["nonconformities"].value == 2
    assert format_value(figures["on_time_rate"]) == "87,5%"


def test_nothing_to_divide_is_shown_as_a_dash_not_zero():
    assert share(0, 0) is None
    figures = {f.code: f for f in review_figures(Counts())}
    assert format_value(figures["satisfaction"]) == "—"
