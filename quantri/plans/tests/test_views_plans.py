import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quantri.plans.models import PlanStatus, Recurrence, TaskStatus
from quantri.testing.factories import PlanFactory, TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db


def plan_url(plan):
    return reverse("plans:plan_detail", args=[plan.pk])


def test_it_sends_anonymous_visitors_to_the_login_page(client, culture_task):
    for url in [reverse("plans:plan_list"), plan_url(culture_task.plan)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_it_lists_the_department_plans_with_their_progress(client, alice, culture_task):
    culture_task.progress, culture_task.status = 40, TaskStatus.IN_PROGRESS
    culture_task.save()
    client.force_login(alice)
    response = client.get(reverse("plans:plan_list"))
    assert response.status_code == 200
    assert culture_task.plan.title in response.text
    assert 'value="40"' in response.text and "40%" in response.text
    assert reverse("plans:import_upload") in response.text


def test_a_manager_of_another_department_does_not_see_this_department_plan(
    client, erin, culture_task
):
    client.force_login(erin)
    assert culture_task.plan.title not in client.get(reverse("plans:plan_list")).text
    assert client.get(plan_url(culture_task.plan)).status_code == 404


def test_it_shows_the_plan_header_groups_and_tasks(client, bob, plan, culture_task, office):
    plan.issued_on = datetime.date(2021, 3, 5)
    plan.signer_name = "Đào Mạnh Huân"
    plan.save()
    general = TaskGroupFactory(plan=plan, order=2, title="Công tác chỉ đạo điều hành")
    TaskFactory(
        group=general, title="Báo cáo định kỳ", lead_unit=office, recurrence=Recurrence.SEMIANNUAL
    )
    TaskFactory(
        group=general, title="Họp giao ban", lead_text="Tổ công tác X", due_text="khi có yêu cầu"
    )
    culture_task.due_on = datetime.date(2099, 12, 31)
    culture_task.save()
    client.force_login(bob)
    page = client.get(plan_url(plan)).text
    for text in [
        "45/KH-SVHTTDL",
        "05/03/2021",
        "Đào Mạnh Huân",
        culture_task.title,
        "Phòng Quản lý Văn hóa",
        "31/12/2099",
        "Công tác chỉ đạo điều hành",
        "6 tháng",
        "Tổ công tác X",
        "khi có yêu cầu",
    ]:
        assert text in page
    assert "2. Công khai" in page  # the culture group's PAPI dimension, code and name
    assert "Chỉ số nội dung PAPI: —" in page  # the general group has none


@time_machine.travel(datetime.date(2021, 6, 1))
def test_it_marks_overdue_tasks(client, bob, culture_task):
    culture_task.due_on = datetime.date(2021, 5, 31)
    culture_task.save()
    client.force_login(bob)
    page = client.get(plan_url(culture_task.plan)).text
    assert "is-overdue" in page and "Quá hạn" in page


def test_group_and_plan_progress_are_weighted_and_leave_out_cancelled_tasks(client, bob, plan):
    group = TaskGroupFactory(plan=plan, order=1)
    TaskFactory(group=group, weight=3, progress=100, status=TaskStatus.DONE)
    TaskFactory(group=group, weight=1, progress=20, status=TaskStatus.IN_PROGRESS)
    TaskFactory(group=group, weight=5, progress=0, status=TaskStatus.CANCELLED)
    client.force_login(bob)
    response = client.get(plan_url(plan))
    outline = response.context["outline"]
    assert outline.progress == plan.progress() == 80
    assert outline.groups[0].progress == 80
    assert 'value="80"' in response.text


def test_the_plan_page_costs_the_same_queries_for_3_or_30_tasks(
    client, alice, plan, culture_unit, library, django_assert_max_num_queries
):
    groups = [TaskGroupFactory(plan=plan, order=n) for n in (1, 2, 3)]

    def add_tasks(count):
        for n in range(count):
            task = TaskFactory(group=groups[n % 3], lead_unit=culture_unit)
            task.support_units.set([library])

    add_tasks(3)
    client.force_login(alice)
    with CaptureQueriesContext(connection) as small:
        assert client.get(plan_url(plan)).status_code == 200
    add_tasks(27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(plan_url(plan))
    assert len(response.context["outline"].tasks) == 30


def test_a_manager_publishes_and_unpublishes_the_plan(client, alice, plan):
    client.force_login(alice)
    publish = reverse("plans:plan_publish", args=[plan.pk])
    assert "Công khai trên cổng thông tin" in client.get(plan_url(plan)).text
    response = client.post(publish, {"published": "1"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.is_published
    client.post(publish, {"published": "0"})
    plan.refresh_from_db()
    assert not plan.is_published


def test_the_inspection_board_reads_the_plan_but_cannot_publish_it(client, dave, plan):
    client.force_login(dave)
    assert client.get(plan_url(plan)).status_code == 200
    assert "Công khai trên cổng thông tin" not in client.get(plan_url(plan)).text
    response = client.post(reverse("plans:plan_publish", args=[plan.pk]), {"published": "1"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert not plan.is_published


def test_a_unit_head_cannot_publish_the_plan(client, bob, plan):
    client.force_login(bob)
    response = client.post(reverse("plans:plan_publish", args=[plan.pk]), {"published": "1"})
    assert response.status_code == 403


def test_publishing_a_plan_of_another_department_is_not_found(client, erin, plan):
    client.force_login(erin)
    response = client.post(reverse("plans:plan_publish", args=[plan.pk]), {"published": "1"})
    assert response.status_code == 404


def test_a_published_plan_of_another_department_is_readable_when_logged_in(client, erin):
    other = PlanFactory(is_published=True, status=PlanStatus.ACTIVE)
    client.force_login(erin)
    assert client.get(plan_url(other)).status_code == 200
