"""The working calendar as the law and the announcements make it: the holidays library
checked against the Labour Code, the announced swaps of 2024–2026 loaded, and the office's
page for the next year's."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from quantri.core.calendar import working_calendar
from quantri.core.models import CalendarDay
from quantri.core.workdays import WorkingCalendar

D = datetime.date

# Labour Code 2019 (Law 45/2019/QH14), art. 112 cl. 1: 1/1; Tết 5 days; 30/4; 1/5; 2/9 and
# the day before or after it; Hùng Kings 10/3 lunar; art. 111 cl. 3: a holiday on the weekly
# rest day is given on the next working day. From 2026 Vietnam Culture Day, 24/11
# (Resolution 28/2026/QH16, art. 2; quantri/core/tests/test_holiday_law.py). Weekday holidays
# of each year, by hand.
HOLIDAYS = {
    2024: [
        D(2024, 1, 1),
        *[D(2024, 2, d) for d in (8, 9, 12, 13, 14)],
        D(2024, 4, 18),
        D(2024, 4, 29),  # announced swap (Official Dispatch 2450/VPCP-KGVX)
        D(2024, 4, 30),
        D(2024, 5, 1),
        D(2024, 9, 2),
        D(2024, 9, 3),
    ],
    2025: [
        D(2025, 1, 1),
        *[D(2025, 1, d) for d in (27, 28, 29, 30, 31)],
        D(2025, 4, 7),
        D(2025, 4, 30),
        D(2025, 5, 1),
        D(2025, 5, 2),  # announced swap (Announcement 6150/TB-BLĐTBXH)
        D(2025, 9, 1),
        D(2025, 9, 2),
    ],
    2026: [
        D(2026, 1, 1),
        *[D(2026, 2, d) for d in (16, 17, 18, 19, 20)],
        D(2026, 4, 27),  # Hùng Kings on Sunday 26/4: given on Monday
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 8, 31),  # announced swap
        D(2026, 9, 1),
        D(2026, 9, 2),
        D(2026, 11, 24),
    ],
}


@pytest.mark.parametrize("year", sorted(HOLIDAYS))
def test_the_holidays_library_gives_the_weekdays_the_law_gives(year):
    calendar = WorkingCalendar()
    day, off = D(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5 and not calendar.is_working_day(day):
            off.append(day)
        day += datetime.timedelta(days=1)
    assert off == HOLIDAYS[year]


@pytest.mark.django_db
def test_the_announced_make_up_saturdays_are_loaded_with_their_source():
    calendar = working_calendar()
    for saturday in (D(2024, 5, 4), D(2025, 4, 26), D(2026, 1, 10), D(2026, 8, 22)):
        assert calendar.is_working_day(saturday)
        assert CalendarDay.objects.get(date=saturday).source


@pytest.mark.django_db
def test_a_deadline_across_the_2025_swap_counts_the_make_up_saturday():
    # 5 working days after Wed 23/04/2025: Thu 24, Fri 25, Sat 26 (worked), Mon 28, Tue 29.
    # Without the Saturday: 24, 25, 28, 29, then 30/4, 1/5 and 2/5 are off → Mon 05/05.
    assert working_calendar().add_working_days(D(2025, 4, 23), 5) == D(2025, 4, 29)
    assert WorkingCalendar().add_working_days(D(2025, 4, 23), 5) == D(2025, 5, 5)


@pytest.mark.django_db
def test_a_deadline_across_new_year_2026_skips_friday_2_january_and_counts_saturday_10():
    # Official Dispatch 12729/VPCP-KGVX: 3 working days after Wed 31/12/2025 are Mon 5, Tue 6
    # and Wed 7/1 (Thu 1/1 a holiday, Fri 2/1 swapped off); 5 after Thu 8/1: Fri 9, Sat 10
    # (worked), Mon 12, Tue 13, Wed 14.
    calendar = working_calendar()
    assert calendar.add_working_days(D(2025, 12, 31), 3) == D(2026, 1, 7)
    assert calendar.add_working_days(D(2026, 1, 8), 5) == D(2026, 1, 14)
    assert CalendarDay.objects.get(date=D(2026, 1, 2)).source.startswith("Công văn số 12729")


@pytest.mark.django_db
def test_the_office_adds_next_years_day_with_its_source_and_it_is_audited(client, alice):
    client.force_login(alice)
    url = reverse("core:calendar")
    assert "22/08/2026" in client.get(url).content.decode()
    data = {
        "date": "02/01/2027",
        "kind": "working_day",
        "note": "Làm bù",
        "source": "Thông báo số 1/TB-BNV",
    }
    assert client.post(url, data).status_code == 302
    day = CalendarDay.objects.get(date=D(2027, 1, 2))
    assert day.source == "Thông báo số 1/TB-BNV"
    assert day.history.get().history_user == alice
    assert working_calendar().is_working_day(D(2027, 1, 2))


@pytest.mark.django_db
def test_a_weekday_is_no_make_up_day_and_a_source_is_required(client, alice):
    client.force_login(alice)
    url = reverse("core:calendar")
    monday = {"date": "04/01/2027", "kind": "working_day", "source": "TB"}
    response = client.post(url, monday)
    assert response.status_code == 200 and "date" in response.context["form"].errors
    nameless = {"date": "02/01/2027", "kind": "working_day", "source": ""}
    assert "source" in client.post(url, nameless).context["form"].errors
    assert not CalendarDay.objects.filter(date__year=2027).exists()


@pytest.mark.django_db
def test_staff_cannot_change_the_calendar(client, bob):
    client.force_login(bob)
    assert client.get(reverse("core:calendar")).status_code == 403


@pytest.mark.django_db
@time_machine.travel("2026-12-04 09:00 +0700", tick=False)
def test_the_office_takes_back_a_holiday_the_library_gives_and_the_law_does_not(client, alice):
    """The page lists each weekday holiday with the provision behind it, Vietnam Culture Day
    with Resolution 28/2026/QH16. The library can run ahead of the law (it gave 24/11 on the
    party's resolution before the National Assembly's), so the office may enter a day it gives
    as a working day, with its source; an ordinary weekday stays refused."""
    client.force_login(alice)
    url = reverse("core:calendar")
    page = client.get(url).content.decode()
    assert 'data-holiday="2026-11-24"' in page
    assert "Ngày Văn hóa Việt Nam" in page and "Nghị quyết số 28/2026/QH16" in page
    wednesday = {"date": "25/11/2026", "kind": "working_day", "source": "Thông báo số 1/TB-BNV"}
    assert client.post(url, wednesday).status_code == 200
    assert not CalendarDay.objects.filter(date=D(2026, 11, 25)).exists()
    culture_day = wednesday | {"date": "24/11/2026", "note": "Ví dụ: ngày thư viện cho nghỉ"}
    assert client.post(url, culture_day).status_code == 302
    assert working_calendar().is_working_day(D(2026, 11, 24))
    assert WorkingCalendar().is_working_day(D(2026, 11, 24)) is False  # the library's own view


@pytest.mark.django_db
def test_the_2026_national_day_swap_names_its_notice_in_old_and_new_databases():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("quantri.core.migrations.0006_source_2026_notice_number")
    swap = CalendarDay.objects.filter(date__in=[D(2026, 8, 22), D(2026, 8, 31)])
    assert {day.source for day in swap} == {migration.NEW}  # a new database
    assert "9441/TB-BNV" in migration.NEW
    swap.update(source=migration.OLD)  # a database migrated before the number was known
    CalendarDay.objects.filter(date=D(2026, 8, 31)).update(source="Văn phòng tự nhập")
    migration.rename(apps, None)
    assert CalendarDay.objects.get(date=D(2026, 8, 22)).source == migration.NEW
    assert CalendarDay.objects.get(date=D(2026, 8, 31)).source == "Văn phòng tự nhập"
