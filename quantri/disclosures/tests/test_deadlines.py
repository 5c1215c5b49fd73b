import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from quantri.core.models import CalendarDay
from quantri.disclosures import services
from quantri.disclosures.models import Disclosure
from quantri.disclosures.tests.factories import DisclosureFactory

pytestmark = pytest.mark.django_db


def record(agency, category, decided, published=None, user=None):
    return services.disclosure_create(
        agency=agency,
        category=category,
        title="Quyết định phê duyệt dự toán",
        decision_date=decided,
        published_on=published,
        user=user,
    )


@time_machine.travel(datetime.date(2021, 5, 20), tick=False)
def test_the_limit_skips_30_april_1_may_its_substitute_day_and_the_weekend(
    department, work_plans, alice
):
    # Wed 28/04/2021: Thu 29/04 counts; Fri 30/04, Sat 01/05, Sun 02/05 and Mon 03/05 (the
    # day off for 1 May falling on a Saturday) do not; then 04, 05, 06 and 07/05.
    notice = record(department, work_plans, datetime.date(2021, 4, 28), user=alice)
    assert notice.due_on == datetime.date(2021, 5, 7)
    assert notice.status() == "overdue"
    services.disclosure_publish(disclosure=notice, user=alice, on=datetime.date(2021, 5, 7))
    assert notice.status() == "on_time" and not notice.is_late
    assert notice.history.first().history_user == alice


@time_machine.travel(datetime.date(2021, 5, 20), tick=False)
def test_publishing_after_the_limit_is_flagged_late(department, work_plans, alice):
    notice = record(department, work_plans, datetime.date(2021, 4, 28), user=alice)
    services.disclosure_publish(disclosure=notice, user=alice, on=datetime.date(2021, 5, 10))
    assert notice.is_late and notice.status() == "late"
    assert list(Disclosure.objects.late()) == [notice]


@time_machine.travel(datetime.date(2021, 5, 6), tick=False)
def test_a_notice_is_overdue_only_once_its_limit_has_passed(department, work_plans):
    notice = record(department, work_plans, datetime.date(2021, 4, 28))
    assert notice.status() == "pending" and not Disclosure.objects.overdue().exists()
    with time_machine.travel(datetime.date(2021, 5, 8), tick=False):
        assert notice.status() == "overdue"
        assert list(Disclosure.objects.overdue()) == [notice]


@time_machine.travel(datetime.date(2026, 3, 20), tick=False)
def test_extra_days_off_stored_as_data_push_the_limit(department, work_plans):
    CalendarDay.objects.create(date=datetime.date(2026, 3, 3), kind="day_off")
    notice = record(department, work_plans, datetime.date(2026, 3, 2))
    assert notice.due_on == datetime.date(2026, 3, 10)  # 5 working days, 3/3 not one


def test_the_category_sets_the_limit(department, work_plans):
    work_plans.limit_working_days = 10
    work_plans.save()
    notice = record(department, work_plans, datetime.date(2026, 3, 2))
    assert notice.due_on == datetime.date(2026, 3, 16)


@time_machine.travel(datetime.date(2026, 3, 20), tick=False)
def test_a_notice_cannot_be_published_before_its_decision_or_in_the_future(department, work_plans):
    notice = record(department, work_plans, datetime.date(2026, 3, 10))
    with pytest.raises(ValidationError):
        services.disclosure_publish(disclosure=notice, user=None, on=datetime.date(2026, 3, 9))
    with pytest.raises(ValidationError):
        services.disclosure_publish(disclosure=notice, user=None, on=datetime.date(2026, 3, 21))
    notice.refresh_from_db()
    assert notice.published_on is None


def test_a_notice_is_published_once(public_notice):
    with pytest.raises(ValidationError, match="already"):
        services.disclosure_publish(disclosure=public_notice, user=None)


@time_machine.travel(datetime.date(2026, 3, 5), tick=False)
def test_a_notice_dated_for_later_is_not_public_yet(department, work_plans):
    later = DisclosureFactory(
        agency=department, category=work_plans, published_on=datetime.date(2026, 3, 6)
    )
    assert not later.is_visible_to_public()
    assert list(Disclosure.objects.public()) == []
