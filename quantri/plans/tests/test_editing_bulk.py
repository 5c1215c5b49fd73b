"""Bulk actions on a selection of tasks: one call, a bounded number of queries, all or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quantri.plans import editing
from quantri.plans.editing import Deadline
from quantri.plans.models import Task, TaskStatus
from quantri.testing.factories import TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db


def make_tasks(plan, count: int) -> list[Task]:
    group = TaskGroupFactory(plan=plan, order=plan.groups.count() + 9)
    return Task.objects.bulk_create(
        Task(group=group, order=n, title=f"Nhiệm vụ {n}") for n in range(1, count + 1)
    )


def ids(tasks) -> list[int]:
    return [t.pk for t in tasks]


def test_bulk_assigning_300_tasks_takes_a_bounded_number_of_queries(
    alice, plan, culture_unit, library
):
    def queries_for(count: int) -> int:
        tasks = make_tasks(plan, count)
        with CaptureQueriesContext(connection) as ctx:
            editing.tasks_bulk_assign(
                plan=plan,
                user=alice,
                task_ids=ids(tasks),
                lead_unit=culture_unit,
                support_units=[library],
            )
        Task.objects.filter(pk__in=ids(tasks)).delete()
        return len(ctx.captured_queries)

    small, large = queries_for(30), queries_for(300)
    # Not one per task: only the database's batch size (SQLite's 999 parameters) adds a few.
    assert large < 30
    assert large - small < 10


def test_bulk_assign_reaches_every_selected_task_and_its_history(
    alice, plan, culture_unit, library
):
    tasks = make_tasks(plan, 5)
    editing.tasks_bulk_assign(
        plan=plan,
        user=alice,
        task_ids=ids(tasks[:3]),
        lead_unit=culture_unit,
        support_units=[library],
        reason="Phân công đợt 1",
    )
    assigned = Task.objects.filter(lead_unit=culture_unit, support_units=library)
    assert set(assigned) == set(tasks[:3])
    record = Task.history.filter(id=tasks[0].pk).first()
    assert record.history_user == alice and "Phân công đợt 1" in record.history_change_reason


def test_bulk_deadline_weight_move_and_cancel(alice, plan):
    tasks = make_tasks(plan, 4)
    target = TaskGroupFactory(plan=plan, order=1)
    TaskFactory(group=target, order=1)
    editing.tasks_bulk_set_deadline(
        plan=plan,
        user=alice,
        task_ids=ids(tasks),
        deadline=Deadline(kind="period", period="2026-H1"),
    )
    editing.tasks_bulk_set_weight(plan=plan, user=alice, task_ids=ids(tasks[:2]), weight=5)
    editing.tasks_bulk_move(plan=plan, user=alice, task_ids=ids(tasks[2:]), group=target)
    editing.tasks_bulk_cancel(plan=plan, user=alice, task_ids=ids(tasks[3:]), reason="Trùng")
    rows = {t.pk: t for t in Task.objects.filter(pk__in=ids(tasks))}
    assert {t.due_on for t in rows.values()} == {datetime.date(2026, 6, 30)}
    assert [rows[pk].weight for pk in ids(tasks)] == [5, 5, 1, 1]
    assert [rows[pk].order for pk in ids(tasks[2:])] == [2, 3]
    assert {rows[pk].group_id for pk in ids(tasks[2:])} == {target.pk}
    assert rows[tasks[3].pk].status == TaskStatus.CANCELLED


def test_a_task_of_another_plan_in_the_selection_changes_nothing(alice, plan, culture_unit):
    tasks = make_tasks(plan, 2)
    stranger = TaskFactory()
    with pytest.raises(ValidationError) as exc:
        editing.tasks_bulk_assign(
            plan=plan, user=alice, task_ids=[*ids(tasks), stranger.pk], lead_unit=culture_unit
        )
    assert "tasks" in exc.value.message_dict
    assert not Task.objects.filter(lead_unit=culture_unit).exists()


def test_bad_bulk_input_is_refused_on_its_field(alice, plan, culture_unit):
    tasks = make_tasks(plan, 2)
    plan.issued_on = datetime.date(2026, 1, 5)
    plan.save()
    cases = [
        (editing.tasks_bulk_set_weight, {"weight": 0}, "weight"),
        (
            editing.tasks_bulk_set_deadline,
            {"deadline": Deadline(kind="date", due_on=datetime.date(2025, 1, 1))},
            "due_on",
        ),
        (editing.tasks_bulk_cancel, {"reason": ""}, "reason"),
        (
            editing.tasks_bulk_assign,
            {"lead_unit": culture_unit, "support_units": [culture_unit]},
            "support_units",
        ),
    ]
    for service, extra, field in cases:
        with pytest.raises(ValidationError) as exc:
            service(plan=plan, user=alice, task_ids=ids(tasks), **extra)
        assert field in exc.value.message_dict
    assert (
        list(Task.objects.filter(pk__in=ids(tasks)).values_list("weight", "due_on", "status"))
        == [(1, None, TaskStatus.NOT_STARTED)] * 2
    )


@pytest.mark.parametrize("persona", ["bob", "carol", "dave", "erin"])
def test_only_the_office_acts_in_bulk(request, persona, plan, culture_unit):
    tasks = make_tasks(plan, 2)
    with pytest.raises(PermissionDenied):
        editing.tasks_bulk_assign(
            plan=plan,
            user=request.getfixturevalue(persona),
            task_ids=ids(tasks),
            lead_unit=culture_unit,
        )
    assert not Task.objects.filter(lead_unit=culture_unit).exists()
