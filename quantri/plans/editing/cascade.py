"""Cascade between levels: a department's plan implements its province's plan (Plan.parent),
its tasks carry out the province plan's tasks (Task.parent_task), and a province task meant
for every department is sent down as a task of each department's implementing plan."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency
from quantri.plans.editing.rules import record, require_manager
from quantri.plans.models import Plan, Task, TaskGroup, TaskStatus

# What a department's copy takes from the province's task; the department assigns its own
# units and officers afterwards.
SENT_FIELDS = ("title", "description", "expected_output", "due_on", "recurrence", "due_period")


@transaction.atomic
def task_link_parent(*, task: Task, user, parent_task: Task | None, reason: str = "") -> Task:
    """Link the task to the task of the parent plan it carries out (None unlinks it)."""
    plan = task.group.plan
    require_manager(user, plan)
    if parent_task is not None and (
        plan.parent_id is None or parent_task.plan.pk != plan.parent_id
    ):
        raise ValidationError({"parent_task": _("Choose a task of the plan this plan implements.")})
    task.parent_task = parent_task
    action = (
        _("Implements: %(task)s") % {"task": parent_task.title[:60]}
        if parent_task
        else _("No longer linked to a task of the parent plan")
    )
    record(task, user, action, reason)
    task.save(update_fields=["parent_task"])
    return task


def implementing_plans(plan: Plan):
    """The plans that implement this one (one per department, the newest first)."""
    return (
        Plan.objects.filter(parent=plan)
        .select_related("agency")
        .order_by("agency__name", "-year", "-pk")
    )


@dataclass
class SentDown:
    created: list[Task]
    updated: list[Task]


@transaction.atomic
def task_send_down(*, task: Task, user, agencies: list[Agency], reason: str = "") -> SentDown:
    """Give the task to each chosen agency as a task of its plan implementing this one,
    linked back. Sending again updates those tasks instead of adding new ones."""
    plan = task.group.plan
    require_manager(user, plan)
    if not agencies:
        raise ValidationError({"agencies": _("Choose at least one agency.")})
    targets = _target_plans(plan, agencies)
    result = SentDown([], [])
    for child_plan in targets:
        existing = Task.objects.filter(group__plan=child_plan, parent_task=task).first()
        if existing is None:
            result.created.append(_create_copy(task, child_plan, user, reason))
        else:
            result.updated.append(_update_copy(existing, task, user, reason))
    return result


def _target_plans(plan: Plan, agencies: list[Agency]) -> list[Plan]:
    by_agency: dict[int, Plan] = {}
    for child in implementing_plans(plan):
        by_agency.setdefault(child.agency_id, child)
    missing = [a.short_name or a.name for a in agencies if a.pk not in by_agency]
    if missing:
        raise ValidationError(
            {
                "agencies": _("No plan implementing this plan yet: %(names)s.")
                % {"names": ", ".join(missing)}
            }
        )
    return [by_agency[a.pk] for a in agencies]


def _create_copy(task: Task, child_plan: Plan, user, reason: str) -> Task:
    group = _group_for(task.group, child_plan)
    order = (group.tasks.aggregate(last=Max("order"))["last"] or 0) + 1
    copy = Task(group=group, order=order, parent_task=task, weight=task.weight)
    for name in SENT_FIELDS:
        setattr(copy, name, getattr(task, name))
    copy.full_clean()
    record(copy, user, _("Sent down from %(plan)s") % {"plan": task.group.plan}, reason)
    copy.save()
    return copy


def _update_copy(copy: Task, task: Task, user, reason: str) -> Task:
    changed = [name for name in SENT_FIELDS if getattr(copy, name) != getattr(task, name)]
    if changed and copy.status != TaskStatus.CANCELLED:
        for name in changed:
            setattr(copy, name, getattr(task, name))
        copy.full_clean()
        record(copy, user, _("Updated from %(plan)s") % {"plan": task.group.plan}, reason)
        copy.save(update_fields=changed)
    return copy


def _group_for(source: TaskGroup, child_plan: Plan) -> TaskGroup:
    """The child plan's group of the same title, else a new one at its end."""
    group = child_plan.groups.filter(title=source.title).first()
    if group is not None:
        return group
    last = child_plan.groups.aggregate(last=Max("order"))["last"] or 0
    dimension = (
        source.dimension
        if source.dimension and child_plan.framework_id == source.dimension.framework_id
        else None
    )
    return TaskGroup.objects.create(
        plan=child_plan, order=last + 1, title=source.title, dimension=dimension
    )


@dataclass
class ChildProgress:
    task: Task  # the implementing task, with its plan and agency loaded
    agency: Agency
    progress: int
    status: str


def children_progress(*, plan: Plan | None = None, task: Task | None = None) -> dict:
    """parent task id → how each implementing task is going, for every task of a parent plan
    or for one task: one query whatever the number."""
    children = (
        Task.objects.filter(parent_task__group__plan=plan)
        if plan is not None
        else Task.objects.filter(parent_task=task)
    )
    rows: dict[int, list[ChildProgress]] = {}
    for child in children.select_related("group__plan__agency").order_by(
        "group__plan__agency__name", "pk"
    ):
        rows.setdefault(child.parent_task_id, []).append(
            ChildProgress(child, child.group.plan.agency, child.progress, child.status)
        )
    return rows
