"""The holidays library checked against the legal acts: Vietnam Culture Day is a day off from
2026 (Resolution 28/2026/QH16 of the National Assembly, art. 2, in force 1/7/2026) but outside
Labour Code art. 112 cl. 1, so no day is given in lieu when it falls on a weekend (art. 111
cl. 3 reaches only art. 112's holidays); every weekday holiday carries the provision behind it."""

import datetime

import pytest
from django.utils import translation

from quantri.core.calendar import legal_basis, public_holidays
from quantri.core.workdays import WorkingCalendar

D = datetime.date


def test_vietnam_culture_day_is_a_day_off_from_2026_only():
    calendar = WorkingCalendar()
    assert calendar.is_working_day(D(2025, 11, 24))  # Monday, before the resolution
    assert not calendar.is_working_day(D(2026, 11, 24))  # Tuesday
    # A dossier received on Monday 23/11/2026 with 2 working days: Wed 25, Thu 26.
    assert calendar.add_working_days(D(2026, 11, 23), 2) == D(2026, 11, 26)


@pytest.mark.parametrize(
    ("culture_day", "monday"),
    [(D(2029, 11, 24), D(2029, 11, 26)), (D(2030, 11, 24), D(2030, 11, 25))],
    ids=["saturday", "sunday"],
)
def test_culture_day_on_a_weekend_gives_no_monday_in_lieu(culture_day, monday):
    calendar = WorkingCalendar()
    assert calendar.is_working_day(monday)
    assert calendar.holiday_name(monday) is None
    # One working day after the Friday before it is that Monday, not the Tuesday.
    friday = monday - datetime.timedelta(days=3)
    assert calendar.add_working_days(friday, 1) == monday
    assert not calendar.is_working_day(culture_day)


def test_a_holiday_of_article_112_on_a_weekend_is_still_given_on_the_monday():
    # Hùng Kings' day, 10/3 lunar, was Sunday 26/4/2026: Monday 27/4 off (art. 111 cl. 3).
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(D(2026, 4, 27))
    assert calendar.holiday_name(D(2026, 4, 27))


@pytest.mark.parametrize("year", range(2024, 2031))
def test_every_weekday_holiday_names_the_provision_behind_it(year):
    with translation.override("vi"):
        days = public_holidays(year)
    assert days and all(basis for _day, _name, basis in days), [d for d in days if not d[2]]


def test_the_provisions_read_in_vietnamese():
    with translation.override("vi"):
        by_day = {day: basis for day, _name, basis in public_holidays(2026)}
    assert by_day[D(2026, 11, 24)].startswith("Nghị quyết số 28/2026/QH16 của Quốc hội, Điều 2")
    assert "Điều 112 khoản 1 điểm e" in by_day[D(2026, 4, 27)]
    assert "Điều 111 khoản 3" in by_day[D(2026, 4, 27)]
    assert by_day[D(2026, 8, 31)] == "Hoán đổi ngày làm việc theo thông báo của năm"
    assert "điểm đ" in by_day[D(2026, 9, 1)]


def test_a_name_the_table_does_not_know_has_no_basis():
    assert legal_basis("Some New Day") == ""
