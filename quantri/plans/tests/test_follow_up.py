"""Follow-up from the page (issue 12, item 6): the office's own tasks in "my unit's tasks",
the task and overdue lists as XLSX, the print view's assignment table, and recurring
deadlines that roll forward once they pass."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from quantri.plans.models import Recurrence, Task, TaskStatus
from quantri.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db

MAY_2026 = datetime.datetime(2026, 5, 10, 9, tzinfo=datetime.UTC)


@pytest.fixture
def office_task(plan, office, culture_task):
    return TaskFactory(
        group=culture_task.group, order=2, lead_unit=office, title="Lưu trữ hồ sơ kế hoạch"
    )


@pytest.fixture
def dated_tasks(culture_task, office_task):
    """The culture unit's task is late (due 31/03/2026), the office's is not (due 31/12/2026)."""
    culture_task.due_on, culture_task.title = datetime.date(2026, 3, 31), "=HYPERLINK(1)"
    culture_task.expected_output = "Báo cáo kết quả"
    culture_task.save()
    office_task.due_on = datetime.date(2026, 12, 31)
    office_task.save()
    return culture_task, office_task


def workbook_rows(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True)), sheet


def test_the_office_coordinator_sees_the_office_own_tasks(client, alice, office_task):
    client.force_login(alice)
    page = client.get(reverse("plans:my_tasks")).text
    assert office_task.title in page


def test_a_unit_head_does_not_see_the_office_tasks(client, bob, office_task, culture_task):
    client.force_login(bob)
    page = client.get(reverse("plans:my_tasks")).text
    assert culture_task.title in page and office_task.title not in page


@time_machine.travel(MAY_2026, tick=False)
def test_the_plan_task_list_exports_with_vietnamese_headers_and_dates(
    client, alice, plan, dated_tasks, bob
):
    culture_task, office_task = dated_tasks
    culture_task.responsible_officers.add(bob)
    client.force_login(alice)
    (header, *rows), sheet = workbook_rows(
        client.get(reverse("plans:plan_tasks_xlsx", args=[plan.pk]))
    )
    assert header[:3] == ("STT", "Nhiệm vụ", "Đơn vị chủ trì")
    assert "Thời hạn" in header
    deadline = header.index("Thời hạn")
    titles = [row[1] for row in rows]
    assert titles == [culture_task.title, office_task.title]
    assert rows[0][deadline] == datetime.datetime(2026, 3, 31)
    assert sheet.cell(row=2, column=deadline + 1).number_format == "DD/MM/YYYY"
    assert sheet.cell(row=2, column=2).data_type == "s"  # a title is never a formula
    assert "bob" in rows[0]
    assert "Báo cáo kết quả" in rows[0]


@time_machine.travel(MAY_2026, tick=False)
def test_the_export_applies_the_filters(client, alice, plan, dated_tasks, office):
    client.force_login(alice)
    url = reverse("plans:plan_tasks_xlsx", args=[plan.pk])
    (_, *by_unit), _sheet = workbook_rows(client.get(url, {"unit": office.pk}))
    assert [row[1] for row in by_unit] == ["Lưu trữ hồ sơ kế hoạch"]
    (_, *late), _sheet = workbook_rows(client.get(url, {"overdue": "on"}))
    assert [row[1] for row in late] == ["=HYPERLINK(1)"]


def test_a_bad_filter_is_a_message_naming_it(client_en, alice, plan, culture_task):
    client = client_en
    client.force_login(alice)
    response = client.get(reverse("plans:plan_tasks_xlsx", args=[plan.pk]), {"unit": "999999"})
    assert response.status_code == 400
    assert "Lead unit" in response.content.decode()


@time_machine.travel(MAY_2026, tick=False)
def test_the_overdue_list_exports_only_late_tasks_of_the_chosen_unit(
    client, alice, dated_tasks, culture_unit, library, plan
):
    TaskFactory(
        group=dated_tasks[0].group, order=3, lead_unit=library, due_on=datetime.date(2026, 1, 5)
    )
    client.force_login(alice)
    (_, *rows), _sheet = workbook_rows(client.get(reverse("plans:due_tasks_xlsx")))
    assert len(rows) == 2
    (_, *rows), _sheet = workbook_rows(
        client.get(reverse("plans:due_tasks_xlsx"), {"unit": culture_unit.pk})
    )
    assert [row[1] for row in rows] == ["=HYPERLINK(1)"]


def test_only_those_who_follow_up_export_the_overdue_list(client, carol):
    client.force_login(carol)
    assert client.get(reverse("plans:due_tasks_xlsx")).status_code == 403


def test_the_print_view_shows_the_assignment_table(client, alice, plan, dated_tasks, library, bob):
    culture_task, _office_task = dated_tasks
    culture_task.support_units.add(library)
    culture_task.responsible_officers.add(bob)
    client.force_login(alice)
    page = client.get(reverse("plans:plan_print", args=[plan.pk])).text
    assert 'class="assignment"' in page
    row = page[page.index(f'data-task="{culture_task.pk}"') :].split("</tr>")[0]
    for text in ["Phòng Quản lý Văn hóa", library.name, "bob", "31/03/2026"]:
        assert text in row
    assert "Báo cáo kết quả" in row


def test_another_department_cannot_print_the_plan(client, erin, plan, culture_task):
    client.force_login(erin)
    assert client.get(reverse("plans:plan_print", args=[plan.pk])).status_code == 404


@pytest.fixture
def quarterly_task(culture_task):
    culture_task.recurrence, culture_task.due_on = Recurrence.QUARTERLY, datetime.date(2026, 3, 31)
    culture_task.save()
    return culture_task


@time_machine.travel(MAY_2026, tick=False)
def test_a_recurring_deadline_rolls_forward_once_it_passes(client, alice, quarterly_task):
    assert quarterly_task.current_due() == datetime.date(2026, 6, 30)
    assert not quarterly_task.is_overdue()
    assert not Task.objects.overdue().exists()
    assert list(Task.objects.due_within(60)) == [quarterly_task]
    client.force_login(alice)
    page = client.get(reverse("plans:plan_detail", args=[quarterly_task.plan.pk])).text
    assert "30/06/2026" in page and "31/03/2026" not in page


@time_machine.travel(MAY_2026, tick=False)
def test_a_done_recurring_task_is_not_due(quarterly_task):
    quarterly_task.status, quarterly_task.progress = TaskStatus.DONE, 100
    quarterly_task.save()
    assert not Task.objects.due_within(60).exists()


def test_the_due_page_filters_by_unit(client, alice, dated_tasks, culture_unit):
    client.force_login(alice)
    with time_machine.travel(MAY_2026, tick=False):
        page = client.get(reverse("plans:due_tasks"), {"unit": culture_unit.pk}).text
    assert "=HYPERLINK(1)" in page
    assert reverse("plans:due_tasks_xlsx") + f"?unit={culture_unit.pk}" in page
