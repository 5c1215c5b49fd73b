"""The editing services: what each changes, what it refuses, who may, and the history kept."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from quantri.orgs.models import Role
from quantri.plans import editing, services
from quantri.plans.editing import Deadline, PlanHeader, TaskFields
from quantri.plans.models import (
    Recurrence,
    Task,
    TaskGroup,
    TaskStatus,
    dimension_model,
    framework_model,
)
from quantri.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    TaskFactory,
    TaskGroupFactory,
    UserFactory,
    papi_dimension,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_plan(plan):
    plan.issued_on = datetime.date(2026, 1, 5)
    plan.year = 2026
    plan.save()
    return plan


def titles(group) -> list[str]:
    return list(group.tasks.order_by("order").values_list("title", flat=True))


# The plan's header ---------------------------------------------------------------------------


def test_the_office_edits_the_header_and_the_history_says_who_and_why(alice, plan):
    header = PlanHeader.of(plan)
    header.number, header.signer_name = "12/KH-SVHTTDL", "Nguyễn Văn A"
    editing.plan_edit(plan=plan, user=alice, header=header, reason="Sửa theo bản ký")
    plan.refresh_from_db()
    assert (plan.number, plan.signer_name) == ("12/KH-SVHTTDL", "Nguyễn Văn A")
    latest = plan.history.first()
    assert latest.history_user == alice
    assert "Sửa theo bản ký" in latest.history_change_reason


def test_a_plan_cannot_be_its_own_parent(alice, plan):
    header = PlanHeader.of(plan)
    header.parent = plan
    with pytest.raises(ValidationError) as exc:
        editing.plan_edit(plan=plan, user=alice, header=header)
    assert "parent" in exc.value.message_dict


@pytest.mark.parametrize("persona", ["bob", "carol", "dave", "erin"])
def test_only_the_office_edits_the_header(request, persona, plan):
    header = PlanHeader.of(plan)
    header.title = "Đổi tên"
    with pytest.raises(PermissionDenied):
        editing.plan_edit(plan=plan, user=request.getfixturevalue(persona), header=header)
    plan.refresh_from_db()
    assert plan.title != "Đổi tên"


# Groups ---------------------------------------------------------------------------------------


def test_groups_are_added_renamed_reordered_and_merged(alice, plan):
    first = editing.group_add(
        plan=plan, user=alice, title="Công khai", dimension=papi_dimension("2")
    )
    second = editing.group_add(plan=plan, user=alice, title="Thủ tục")
    editing.group_edit(
        group=second, user=alice, title="Thủ tục hành chính", dimension=papi_dimension("5")
    )
    editing.group_move(group=second, user=alice, position=1)
    assert list(plan.groups.values_list("title", flat=True)) == ["Thủ tục hành chính", "Công khai"]
    TaskFactory(group=first, order=1, title="A")
    TaskFactory(group=second, order=1, title="B")
    editing.group_merge(source=first, target=second, user=alice, reason="Gộp nhóm")
    assert list(plan.groups.values_list("order", "title")) == [(1, "Thủ tục hành chính")]
    assert titles(second) == ["B", "A"]


def test_a_dimension_of_another_index_is_refused(alice, plan):
    other = framework_model().objects.create(code="SIPAS-T", name="Khác")
    dimension = dimension_model().objects.create(
        framework=other, code="X", name="Khác", order=1, min_score=1, max_score=10
    )
    with pytest.raises(ValidationError) as exc:
        editing.group_add(plan=plan, user=alice, title="Nhóm", dimension=dimension)
    assert "dimension" in exc.value.message_dict
    assert not plan.groups.exists()


# Tasks ----------------------------------------------------------------------------------------


def test_a_task_without_a_title_is_refused_and_nothing_is_saved(alice, culture_task):
    with pytest.raises(ValidationError) as exc:
        editing.task_add(group=culture_task.group, user=alice, fields=TaskFields(title="  "))
    assert "title" in exc.value.message_dict
    assert Task.objects.count() == 1


def test_tasks_are_added_edited_moved_and_reordered(alice, culture_task):
    group = culture_task.group
    other = TaskGroupFactory(plan=group.plan, order=2)
    added = editing.task_add(group=group, user=alice, fields=TaskFields(title="Mới", weight=3))
    editing.task_edit(
        task=added,
        user=alice,
        fields=TaskFields(title="Mới hơn", expected_output="Báo cáo", weight=2),
    )
    editing.task_move(task=added, user=alice, group=group, position=1)
    assert titles(group) == ["Mới hơn", culture_task.title]
    editing.task_move(task=culture_task, user=alice, group=other)
    assert titles(group) == ["Mới hơn"] and titles(other) == [culture_task.title]
    added.refresh_from_db()
    assert (added.expected_output, added.weight, added.order) == ("Báo cáo", 2, 1)


def test_a_split_keeps_the_assignment_on_every_part(alice, culture_task, library):
    culture_task.support_units.add(library)
    after = TaskFactory(group=culture_task.group, order=2, title="Sau")
    parts = editing.task_split(task=culture_task, user=alice, titles=["Phần 1", "Phần 2", "Phần 3"])
    assert titles(culture_task.group) == ["Phần 1", "Phần 2", "Phần 3", after.title]
    assert {p.lead_unit_id for p in parts} == {culture_task.lead_unit_id}
    assert all(list(p.support_units.all()) == [library] for p in parts)


def test_a_split_needs_two_titles(alice, culture_task):
    with pytest.raises(ValidationError):
        editing.task_split(task=culture_task, user=alice, titles=["Một"])


def test_merging_keeps_the_first_task_and_removes_the_others(alice, culture_task):
    other = TaskFactory(group=culture_task.group, order=2, title="Khác", weight=3)
    kept = editing.task_merge(tasks=[culture_task, other], user=alice, reason="Trùng nội dung")
    assert list(Task.objects.all()) == [kept]
    assert "Khác" in kept.description and kept.weight == 3


def test_a_task_nothing_was_reported_on_is_deleted(alice, culture_task):
    assert editing.task_remove(task=culture_task, user=alice) is True
    assert not Task.objects.exists()


def test_a_task_with_progress_is_cancelled_with_a_reason_not_deleted(alice, bob, culture_task):
    services.task_record_progress(task=culture_task, user=bob, progress=20)
    with pytest.raises(ValidationError) as exc:
        editing.task_remove(task=culture_task, user=alice, reason="")
    assert "reason" in exc.value.message_dict
    assert editing.task_remove(task=culture_task, user=alice, reason="Không còn phù hợp") is False
    culture_task.refresh_from_db()
    assert culture_task.status == TaskStatus.CANCELLED
    assert culture_task.cancel_reason == "Không còn phù hợp"


@pytest.mark.parametrize("persona", ["bob", "carol", "dave", "erin"])
def test_only_the_office_adds_edits_or_removes_tasks(request, persona, culture_task):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        editing.task_edit(task=culture_task, user=user, fields=TaskFields(title="X"))
    with pytest.raises(PermissionDenied):
        editing.task_remove(task=culture_task, user=user)
    assert Task.objects.get().title == culture_task.title


# Assignment -----------------------------------------------------------------------------------


def test_the_office_assigns_lead_and_support(alice, culture_task, library, office):
    editing.task_assign(
        task=culture_task, user=alice, lead_unit=library, support_units=[office], reason="Phân công"
    )
    culture_task.refresh_from_db()
    assert culture_task.lead_unit == library
    assert list(culture_task.support_units.all()) == [office]
    assert culture_task.history.first().history_user == alice


def test_a_support_unit_equal_to_the_lead_unit_is_refused(alice, culture_task, culture_unit):
    with pytest.raises(ValidationError) as exc:
        editing.task_assign(
            task=culture_task, user=alice, lead_unit=culture_unit, support_units=[culture_unit]
        )
    assert "support_units" in exc.value.message_dict
    assert not culture_task.support_units.exists()


def test_a_unit_of_another_agency_is_refused(alice, culture_task, erin):
    hospital = AgencyFactory(code="T-BV", name="Bệnh viện", parent=erin.memberships.get().agency)
    with pytest.raises(ValidationError) as exc:
        editing.task_assign(task=culture_task, user=alice, lead_unit=hospital, support_units=[])
    assert "lead_unit" in exc.value.message_dict
    culture_task.refresh_from_db()
    assert culture_task.lead_unit != hospital


def test_the_unit_head_picks_officers_among_the_unit(bob, carol, culture_task, culture_unit):
    officer = UserFactory(username="officer")
    MembershipFactory(user=officer, agency=culture_unit, role=Role.STAFF)
    editing.task_set_officers(task=culture_task, user=bob, officers=[officer])
    assert list(culture_task.responsible_officers.all()) == [officer]
    with pytest.raises(ValidationError) as exc:
        editing.task_set_officers(task=culture_task, user=bob, officers=[carol])
    assert "responsible_officers" in exc.value.message_dict
    assert list(culture_task.responsible_officers.all()) == [officer]


def test_staff_and_other_units_do_not_pick_officers(carol, dave, erin, culture_task):
    for user in (carol, dave, erin):
        with pytest.raises(PermissionDenied):
            editing.task_set_officers(task=culture_task, user=user, officers=[])


def test_a_new_lead_unit_drops_officers_who_are_not_its_members(alice, bob, culture_task, library):
    editing.task_set_officers(task=culture_task, user=alice, officers=[bob])
    editing.task_assign(task=culture_task, user=alice, lead_unit=library, support_units=[])
    assert not culture_task.responsible_officers.exists()


# Deadlines ------------------------------------------------------------------------------------


def test_a_deadline_before_the_issue_date_is_refused(alice, dated_plan, culture_task):
    with pytest.raises(ValidationError) as exc:
        editing.task_set_deadline(
            task=culture_task,
            user=alice,
            deadline=Deadline(kind="date", due_on=datetime.date(2025, 12, 31)),
        )
    assert "due_on" in exc.value.message_dict
    culture_task.refresh_from_db()
    assert culture_task.due_on is None


@time_machine.travel("2026-08-10")
def test_a_recurring_deadline_gets_its_next_due_date(alice, dated_plan, culture_task):
    editing.task_set_deadline(
        task=culture_task, user=alice, deadline=Deadline(kind="recurrence", recurrence="quarterly")
    )
    culture_task.refresh_from_db()
    assert culture_task.recurrence == Recurrence.QUARTERLY
    assert culture_task.due_on == datetime.date(2026, 9, 30)


def test_a_period_deadline_resolves_to_its_last_day(alice, dated_plan, culture_task):
    editing.task_set_deadline(
        task=culture_task, user=alice, deadline=Deadline(kind="period", period="hết quý III/2026")
    )
    culture_task.refresh_from_db()
    assert (culture_task.due_period, culture_task.due_on) == ("2026-Q3", datetime.date(2026, 9, 30))


def test_a_period_that_is_not_one_is_a_message_on_the_field(alice, dated_plan, culture_task):
    with pytest.raises(ValidationError) as exc:
        editing.task_set_deadline(
            task=culture_task, user=alice, deadline=Deadline(kind="period", period="sớm")
        )
    assert "due_period" in exc.value.message_dict


def test_the_unassigned_list_empties_as_tasks_are_assigned_and_dated(alice, plan, culture_task):
    group = culture_task.group
    bare = TaskFactory(group=group, order=2)
    assert set(editing.unassigned_tasks(plan)) == {culture_task, bare}
    editing.task_set_deadline(
        task=culture_task, user=alice, deadline=Deadline(kind="recurrence", recurrence="continuous")
    )
    assert list(editing.unassigned_tasks(plan)) == [bare]


# Existing services decide too ------------------------------------------------------------------


def test_publishing_and_progress_check_the_actor(carol, erin, culture_task):
    with pytest.raises(PermissionDenied):
        services.plan_set_published(plan=culture_task.plan, user=erin, published=True)
    with pytest.raises(PermissionDenied):
        services.task_record_progress(task=culture_task, user=carol, progress=50)
    culture_task.refresh_from_db()
    assert culture_task.progress == 0 and not culture_task.plan.is_published


def test_group_ids_stay_within_the_plan(alice, plan, culture_task):
    other_plan_group = TaskGroupFactory()
    with pytest.raises(ValidationError):
        editing.task_move(task=culture_task, user=alice, group=other_plan_group)
    assert TaskGroup.objects.get(pk=culture_task.group_id).tasks.count() == 1
