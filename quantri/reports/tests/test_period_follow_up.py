"""The period page as the office follows up (issue 12, item 6): a remind button beside each
late unit that sends what `quantri remind` sends, and overdue tasks judged at the period's
end rather than today."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from quantri.plans.models import ProgressUpdate, TaskStatus
from quantri.reports.models import Notification
from quantri.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db

LATE = datetime.datetime(2021, 6, 25, 2, tzinfo=datetime.UTC)  # deadline was 21/06/2021
MUCH_LATER = datetime.datetime(2021, 9, 15, 2, tzinfo=datetime.UTC)


def remind_url(report_request) -> str:
    return reverse("reports:request_remind", args=[report_request.pk])


def test_the_period_page_has_a_remind_button_beside_each_late_unit(
    client, alice, period, culture_request, travel
):
    travel(LATE)
    client.force_login(alice)
    page = client.get(reverse("reports:period_detail", args=[period.pk])).text
    assert remind_url(culture_request) in page


def test_the_button_sends_the_reminder_the_command_sends(
    client, alice, bob, frank, period, culture_request, travel
):
    travel(LATE)
    client.force_login(alice)
    response = client.post(remind_url(culture_request), follow=True)
    assert response.status_code == 200
    notice = Notification.objects.get(user=bob)
    assert "2021-H1" in notice.text and "21/06/2021" in notice.text
    assert {a for m in mail.outbox for a in m.to} == {"bob@example.org", "alice@example.org"}
    assert not Notification.objects.filter(user=frank).exists()
    # The command run the same day finds the unit already reminded.
    call_command("remind", stdout=StringIO())
    assert Notification.objects.filter(user=bob).count() == 1


def test_a_second_press_the_same_day_sends_nothing_more(
    client, alice, period, culture_request, travel
):
    travel(LATE)
    client.force_login(alice)
    client.post(remind_url(culture_request))
    sent = len(mail.outbox)
    client.post(remind_url(culture_request))
    assert len(mail.outbox) == sent


def test_only_the_office_may_remind(client, bob, dave, period, culture_request, travel):
    travel(LATE)
    for person in (bob, dave):
        client.force_login(person)
        assert client.post(remind_url(culture_request)).status_code == 404
    assert not Notification.objects.exists()


@pytest.fixture
def tasks_around_the_end(plan, culture_task, culture_unit, period):
    """Due in the period and done only after it; due after the period; due in it, done in it."""
    group = culture_task.group
    late_done = TaskFactory(group=group, order=5, lead_unit=culture_unit, title="Xong muộn")
    late_done.due_on = datetime.date(2021, 5, 31)
    late_done.status, late_done.progress = TaskStatus.DONE, 100
    late_done.save()
    ProgressUpdate.objects.create(
        task=late_done,
        progress=100,
        status=TaskStatus.DONE,
        created_at=datetime.datetime(2021, 8, 1, 2, tzinfo=datetime.UTC),
    )
    after = TaskFactory(
        group=group,
        order=6,
        lead_unit=culture_unit,
        title="Hạn sau kỳ",
        due_on=datetime.date(2021, 8, 31),
    )
    on_time = TaskFactory(group=group, order=7, lead_unit=culture_unit, title="Xong đúng hạn")
    on_time.due_on = datetime.date(2021, 5, 31)
    on_time.status, on_time.progress = TaskStatus.DONE, 100
    on_time.save()
    ProgressUpdate.objects.create(
        task=on_time,
        progress=100,
        status=TaskStatus.DONE,
        created_at=datetime.datetime(2021, 5, 20, 2, tzinfo=datetime.UTC),
    )
    return late_done, after, on_time


def test_overdue_tasks_are_judged_at_the_period_end_not_today(
    client, alice, period, tasks_around_the_end
):
    late_done, after, on_time = tasks_around_the_end
    client.force_login(alice)
    with time_machine.travel(MUCH_LATER, tick=False):
        page = client.get(reverse("reports:period_detail", args=[period.pk])).text
    overdue = page[page.index('id="overdue"') :]
    assert late_done.title in overdue
    assert after.title not in overdue
    assert on_time.title not in overdue
    judged_on = period.ends_on + datetime.timedelta(days=1)
    assert f"{judged_on:%d/%m/%Y}" in overdue
