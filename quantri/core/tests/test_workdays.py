import datetime

import pytest

from quantri.core.workdays import WorkingCalendar

D = datetime.date


@pytest.fixture(scope="module")
def calendar():
    return WorkingCalendar()


def test_weekends_are_not_working_days(calendar):
    assert not calendar.is_working_day(D(2021, 6, 12))  # Saturday
    assert not calendar.is_working_day(D(2021, 6, 13))  # Sunday
    assert calendar.is_working_day(D(2021, 6, 14))


def test_tet_2021_is_skipped(calendar):
    # Tết Tân Sửu: 10-16/02/2021 off. Five working days from Tuesday 9/2 end on 23/2.
    assert calendar.add_working_days(D(2021, 2, 9), 1) == D(2021, 2, 17)
    assert calendar.add_working_days(D(2021, 2, 9), 5) == D(2021, 2, 23)


def test_ten_working_days_across_the_new_year(calendar):
    # 1/1/2022 is a Saturday; its observed day off is handled by the library.
    assert calendar.add_working_days(D(2021, 12, 24), 10) == D(2022, 1, 10)


def test_hung_kings_and_reunification_days_are_holidays(calendar):
    assert calendar.holiday_name(D(2021, 4, 21))
    assert not calendar.is_working_day(D(2021, 4, 30))
    assert not calendar.is_working_day(D(2021, 5, 3))  # Labour Day observed


def test_extra_days_off_and_make_up_saturdays_are_data():
    extra = WorkingCalendar(days_off=[D(2026, 1, 2)], working_days=[D(2026, 1, 10)])
    assert not extra.is_working_day(D(2026, 1, 2))
    assert extra.is_working_day(D(2026, 1, 10))  # a Saturday worked to make up
    assert extra.add_working_days(D(2026, 1, 1), 1) == D(2026, 1, 5)


def test_next_working_day_keeps_a_working_day(calendar):
    assert calendar.next_working_day(D(2021, 6, 14)) == D(2021, 6, 14)
    assert calendar.next_working_day(D(2021, 6, 12)) == D(2021, 6, 14)


def test_working_days_between_counts_the_end_not_the_start(calendar):
    assert calendar.working_days_between(D(2021, 6, 11), D(2021, 6, 14)) == 1
    assert calendar.working_days_between(D(2021, 6, 14), D(2021, 6, 11)) == -1
    assert calendar.working_days_between(D(2021, 6, 14), D(2021, 6, 14)) == 0


def test_negative_days_are_refused(calendar):
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2021, 6, 14), -1)


@pytest.mark.django_db
def test_the_stored_exceptions_shape_the_calendar():
    from quantri.core.calendar import working_calendar
    from quantri.core.models import CalendarDay

    # An ordinary Friday and Saturday of 2027, beyond the announced swaps already loaded.
    assert working_calendar().is_working_day(D(2027, 3, 12))
    CalendarDay.objects.create(date=D(2027, 3, 12), kind="day_off", note="Nghỉ hoán đổi")
    CalendarDay.objects.create(date=D(2027, 3, 20), kind="working_day", note="Làm bù")
    calendar = working_calendar()
    assert not calendar.is_working_day(D(2027, 3, 12))
    assert calendar.is_working_day(D(2027, 3, 20))
