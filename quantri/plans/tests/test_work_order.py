"""Work lists in the order work is due (issue 16 item 6): open tasks by deadline, the most
overdue first, tasks without a deadline after them, done and cancelled ones last. The tasks are
created (and numbered in their group) in the opposite order, so a list that loses its ordering
shows them the wrong way round."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from quantri.plans.models import TaskStatus
from quantri.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 6, 1)


def _task(group, unit, title, due_on, status=TaskStatus.NOT_STARTED):
    progress = 100 if status == TaskStatus.DONE else 0
    return TaskFactory(
        group=group, lead_unit=unit, title=title, due_on=due_on, status=status, progress=progress
    )


@time_machine.travel(TODAY)
def test_my_units_tasks_put_the_most_overdue_first_and_finished_ones_last(
    client, bob, culture_task
):
    group, unit = culture_task.group, culture_task.lead_unit
    culture_task.delete()
    done = _task(group, unit, "Đã xong từ lâu", datetime.date(2021, 1, 5), TaskStatus.DONE)
    undated = _task(group, unit, "Không có hạn", None)
    later = _task(group, unit, "Hạn tháng chín", datetime.date(2021, 9, 30))
    late = _task(group, unit, "Trễ một tuần", datetime.date(2021, 5, 25))
    latest = _task(group, unit, "Trễ ba tháng", datetime.date(2021, 3, 1))
    client.force_login(bob)
    [(_plan, tasks)] = client.get(reverse("plans:my_tasks")).context["plans"]
    assert [t.title for t in tasks] == [t.title for t in (latest, late, later, undated, done)]


@time_machine.travel(TODAY)
def test_the_overdue_list_puts_the_most_overdue_first(client, alice, culture_task, library):
    group = culture_task.group
    culture_task.delete()
    week = _task(group, library, "Trễ một tuần", datetime.date(2021, 5, 25))
    month = _task(group, library, "Trễ một tháng", datetime.date(2021, 5, 1))
    quarter = _task(group, library, "Trễ ba tháng", datetime.date(2021, 3, 1))
    client.force_login(alice)
    response = client.get(reverse("plans:due_tasks"))
    assert [t.title for t in response.context["overdue"]] == [
        t.title for t in (quarter, month, week)
    ]
    text = response.text
    assert text.index("Trễ ba tháng") < text.index("Trễ một tháng") < text.index("Trễ một tuần")
