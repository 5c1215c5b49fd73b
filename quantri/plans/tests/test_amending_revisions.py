"""Amendments: a revision keeps the plan as it was and lists what changed after it; an
amending document imported onto its plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quantri.plans import amending, editing
from quantri.plans.amending.diff import ChangeKind
from quantri.plans.editing import Deadline, TaskFields
from quantri.plans.models import PlanRevision, Task, TaskStatus
from quantri.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2021, 6, 30)


@pytest.fixture
def dated_plan(plan, culture_task):
    plan.issued_on = datetime.date(2021, 3, 1)
    plan.save()
    culture_task.due_on = JUNE
    culture_task.save()
    return plan


def revise(plan, user, **extra):
    values = {"issued_on": datetime.date(2021, 5, 4), "reason": "Bổ sung nhiệm vụ"}
    return amending.plan_revise(plan=plan, user=user, **(values | extra))


def test_a_revision_keeps_the_plan_as_it_was_and_lists_what_changed(
    alice, dated_plan, culture_task
):
    revision = revise(dated_plan, alice, document_number="88/KH-SVHTTDL")
    editing.task_add(group=culture_task.group, user=alice, fields=TaskFields(title="Nhiệm vụ mới"))
    editing.task_set_deadline(
        task=culture_task,
        user=alice,
        deadline=Deadline(kind="date", due_on=datetime.date(2021, 9, 30)),
    )
    assert revision.number == 1
    [kept] = revision.snapshot["groups"][0]["tasks"]
    assert kept["due_on"] == "2021-06-30"  # the previous state stays readable
    changes = amending.revision_changes(revision)
    assert [(c.kind, c.title) for c in changes] == [
        (ChangeKind.ADDED, "Nhiệm vụ mới"),
        (ChangeKind.DEADLINE_MOVED, culture_task.title),
    ]
    assert changes[1].after == "30/09/2021"


def test_each_revision_lists_only_the_changes_up_to_the_next(alice, dated_plan, culture_task):
    first = revise(dated_plan, alice)
    editing.task_add(group=culture_task.group, user=alice, fields=TaskFields(title="Thứ nhất"))
    second = revise(dated_plan, alice, reason="Điều chỉnh lần 2")
    editing.task_add(group=culture_task.group, user=alice, fields=TaskFields(title="Thứ hai"))
    assert second.number == 2
    assert [c.title for c in amending.revision_changes(first)] == ["Thứ nhất"]
    assert [c.title for c in amending.revision_changes(second)] == ["Thứ hai"]


def test_a_revision_needs_a_reason_and_a_date_not_before_the_plan(alice, dated_plan):
    with pytest.raises(ValidationError) as no_reason:
        revise(dated_plan, alice, reason=" ")
    assert "reason" in no_reason.value.message_dict
    with pytest.raises(ValidationError) as early:
        revise(dated_plan, alice, issued_on=datetime.date(2021, 1, 1))
    assert "01/03/2021" in early.value.message_dict["issued_on"][0]
    assert not PlanRevision.objects.exists()


def test_only_the_plans_office_records_a_revision(bob, dated_plan):
    with pytest.raises(PermissionDenied):
        revise(dated_plan, bob)
    assert not PlanRevision.objects.exists()


def test_a_reimported_document_matches_the_plan_by_number_or_title_without_diacritics(
    department, plan
):
    by_number = amending.matching_plans(
        agency=department, number="45/kh-svhttdl", title="Khác hẳn", year=plan.year
    )
    by_title = amending.matching_plans(
        agency=department, number="", title=plan.title.upper().replace("Ế", "E"), year=None
    )
    other_year = amending.matching_plans(
        agency=department, number="45/KH-SVHTTDL", title="Khác", year=plan.year + 1
    )
    assert by_number == [plan] and by_title == [plan] and other_year == []


def parsed(*tasks, number="99/KH-SVHTTDL", group="Nhóm nhiệm vụ A") -> dict:
    return {
        "plan": {"number": number, "issued_on": "2021-05-04", "title": "Điều chỉnh"},
        "groups": [{"title": group, "tasks": list(tasks)}],
    }


def test_an_amending_document_adds_keeps_and_only_lists_missing_tasks(
    alice, dated_plan, culture_task, culture_unit
):
    gone = TaskFactory(group=culture_task.group, title="Nhiệm vụ bỏ đi")
    document = parsed(
        {"title": culture_task.title.upper(), "due": "2021-10-31"},
        {"title": "Nhiệm vụ bổ sung", "lead_code": culture_unit.code, "due": "2021-12-31"},
        group=culture_task.group.title,
    )
    assert amending.missing_tasks(dated_plan, document) == [gone]
    revision = amending.plan_amend_from_import(plan=dated_plan, parsed=document, user=alice)

    culture_task.refresh_from_db()
    gone.refresh_from_db()
    added = Task.objects.get(title="Nhiệm vụ bổ sung")
    assert culture_task.lead_unit == culture_unit and culture_task.due_on == datetime.date(
        2021, 10, 31
    )
    assert added.group == culture_task.group and added.lead_unit == culture_unit
    assert gone.status != TaskStatus.CANCELLED  # not confirmed: only listed
    assert revision.document_number == "99/KH-SVHTTDL"
    kinds = {(c.kind, c.title) for c in amending.revision_changes(revision)}
    assert kinds == {
        (ChangeKind.ADDED, "Nhiệm vụ bổ sung"),
        (ChangeKind.DEADLINE_MOVED, culture_task.title),
    }


def test_missing_tasks_are_cancelled_when_the_user_confirms(alice, dated_plan, culture_task):
    document = parsed({"title": "Chỉ còn nhiệm vụ này"})
    amending.plan_amend_from_import(
        plan=dated_plan, parsed=document, user=alice, cancel_missing=True
    )
    culture_task.refresh_from_db()
    assert culture_task.status == TaskStatus.CANCELLED
    assert "1" in culture_task.cancel_reason
    assert dated_plan.groups.filter(title="Nhóm nhiệm vụ A").exists()
