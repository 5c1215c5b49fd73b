"""The plan-editing operations of the API, mounted under /api/plans and /api/tasks by
quantri/api/plans.py. They parse the body, find the objects, and call the same editing
services as the pages: the services decide who may (403) and what is valid (400 naming the
field); a plan the caller may not see is a 404."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Schema, Status
from ninja.security import django_auth

# quantri.api.plans imports this module once its routers exist (see the end of that module).
from quantri.api.plans import plan_out, router, task_out, tasks_router  # noqa: E402, I001
from quantri.core.names import display_name
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans import editing
from quantri.plans.editing import Deadline, PlanHeader, TaskFields
from quantri.plans.editing.rules import require_manager, require_officer_picker
from quantri.plans.history import plan_changes, task_changes
from quantri.plans.models import Plan, Task, TaskGroup, dimension_model

# Writes and internal reads need a signed-in session (with the CSRF token for writes).
AUTH = {"auth": django_auth}


class Reason(Schema):
    reason: str = ""


class PlanHeaderIn(Reason):
    number: str | None = None
    issued_on: datetime.date | None = None
    title: str | None = None
    year: int | None = None
    signer_name: str | None = None
    signer_position: str | None = None
    signer_authority: str | None = None
    parent: int | None = None
    parent_refs: list[str] | None = None


class GroupIn(Reason):
    title: str
    dimension: str | None = None


class GroupPatchIn(Reason):
    title: str | None = None
    dimension: str | None = None
    position: int | None = None


class GroupMergeIn(Reason):
    target: int


class GroupOut(Schema):
    id: int
    order: int
    title: str
    dimension: str | None


class TaskFieldsIn(Reason):
    title: str | None = None
    description: str | None = None
    output: str | None = None
    weight: int | None = None


class TaskAddIn(Reason):
    group: int
    title: str
    description: str = ""
    output: str = ""
    weight: int = 1


class AssignmentIn(Reason):
    lead_unit: str | None = None
    support_units: list[str] = []


class OfficersIn(Reason):
    officers: list[str] = []


class DeadlineIn(Reason):
    kind: str
    date: datetime.date | None = None
    recurrence: str = ""
    period: str = ""


class MoveIn(Reason):
    group: int
    position: int | None = None


class SplitIn(Reason):
    titles: list[str]


class MergeIn(Reason):
    tasks: list[int]


class BulkIn(Reason):
    action: str
    tasks: list[int]
    lead_unit: str | None = None
    support_units: list[str] | None = None
    deadline: DeadlineIn | None = None
    weight: int | None = None
    group: int | None = None


class RemovedOut(Schema):
    deleted: bool
    task: dict | None


class ChangeOut(Schema):
    at: datetime.datetime
    by: str | None  # the user name, for matching
    by_name: str | None  # as people read it, family name first
    subject: str
    reason: str
    changed: list[str]


# Lookups ------------------------------------------------------------------------------------


def _plan(request, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("agency", "framework"), pk=plan_id)
    if not Access.for_user(request.user).can_view_plan(plan):
        raise Http404
    return plan


def _managed_plan(request, plan_id: int) -> Plan:
    """A plan the caller may change, asked before the body is read: a refused caller gets
    403 whatever it sent, and learns nothing from the body's errors."""
    plan = _plan(request, plan_id)
    require_manager(request.user, plan)
    return plan


def _managed_task(request, task_id: int) -> Task:
    task = _task(request, task_id)
    require_manager(request.user, task.group.plan)
    return task


def _task(request, task_id: int) -> Task:
    task = get_object_or_404(
        Task.objects.select_related("group__plan__agency", "lead_unit"), pk=task_id
    )
    if not Access.for_user(request.user).can_view_plan(task.group.plan):
        raise Http404
    return task


def _group(plan: Plan, group_id: int | None, field: str = "group") -> TaskGroup:
    group = plan.groups.filter(pk=group_id).first() if group_id else None
    if group is None:
        raise ValidationError({field: _("%(id)s is not a group of this plan.") % {"id": group_id}})
    return group


def _units(codes: list[str], field: str) -> list[Agency]:
    found = {a.code: a for a in Agency.objects.filter(code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise ValidationError(
            {field: _("No unit has the code %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    return [found[c] for c in codes]


def _unit(code: str | None, field: str) -> Agency | None:
    return _units([code], field)[0] if code else None


def _dimension(plan: Plan, code: str | None):
    if not code:
        return None
    dimension = dimension_model().objects.filter(framework_id=plan.framework_id, code=code).first()
    if dimension is None:
        raise ValidationError(
            {"dimension": _("%(code)s is not a dimension of this plan's index.") % {"code": code}}
        )
    return dimension


def _deadline(payload: DeadlineIn) -> Deadline:
    return Deadline(
        kind=payload.kind,
        due_on=payload.date,
        recurrence=payload.recurrence,
        period=payload.period,
    )


def _changes(rows) -> list[dict]:
    return [
        {
            "at": c.when,
            "by": c.who.get_username() if c.who else None,
            "by_name": display_name(c.who) if c.who else None,
            "subject": c.subject,
            "reason": c.why,
            "changed": c.changed,
        }
        for c in rows
    ]


def _task_out(task: Task) -> dict:
    task = Task.objects.for_page().get(pk=task.pk)
    return task_out(task)


def _group_out(group: TaskGroup) -> dict:
    code = group.dimension.code if group.dimension_id else None
    return {"id": group.pk, "order": group.order, "title": group.title, "dimension": code}


# Plans --------------------------------------------------------------------------------------


@router.patch("/{plan_id}", **AUTH, summary="Edit the plan's header", response=dict)
def edit_plan(request, plan_id: int, payload: PlanHeaderIn):
    plan = _managed_plan(request, plan_id)
    header = PlanHeader.of(plan)
    changes = payload.dict(exclude_unset=True, exclude={"reason"})
    if "parent" in changes:
        parent_id = changes.pop("parent")
        header.parent = Plan.objects.filter(pk=parent_id).first() if parent_id else None
        if parent_id and header.parent is None:
            raise ValidationError({"parent": _("No plan has the id %(id)s.") % {"id": parent_id}})
    for name, value in changes.items():
        setattr(header, name, value)
    editing.plan_edit(plan=plan, user=request.user, header=header, reason=payload.reason)
    return plan_out(plan)


@router.post("/{plan_id}/groups", **AUTH, summary="Add a group", response={201: GroupOut})
def add_group(request, plan_id: int, payload: GroupIn):
    plan = _managed_plan(request, plan_id)
    group = editing.group_add(
        plan=plan,
        user=request.user,
        title=payload.title,
        dimension=_dimension(plan, payload.dimension),
        reason=payload.reason,
    )
    return Status(201, _group_out(group))


@router.patch(
    "/{plan_id}/groups/{group_id}",
    **AUTH,
    summary="Rename a group, change its dimension or its position",
    response=GroupOut,
)
def edit_group(request, plan_id: int, group_id: int, payload: GroupPatchIn):
    plan = _managed_plan(request, plan_id)
    group = _group(plan, group_id)
    sent = payload.dict(exclude_unset=True)
    if "title" in sent or "dimension" in sent:
        dimension = _dimension(plan, payload.dimension) if "dimension" in sent else group.dimension
        editing.group_edit(
            group=group,
            user=request.user,
            title=payload.title if payload.title is not None else group.title,
            dimension=dimension,
            reason=payload.reason,
        )
    if payload.position is not None:
        editing.group_move(
            group=group, user=request.user, position=payload.position, reason=payload.reason
        )
    return _group_out(group)


@router.post(
    "/{plan_id}/groups/{group_id}/merge",
    **AUTH,
    summary="Merge a group into another (its tasks move, it is removed)",
    response=GroupOut,
)
def merge_group(request, plan_id: int, group_id: int, payload: GroupMergeIn):
    plan = _managed_plan(request, plan_id)
    source, target = _group(plan, group_id), _group(plan, payload.target, "target")
    group = editing.group_merge(
        source=source, target=target, user=request.user, reason=payload.reason
    )
    return _group_out(group)


@router.post("/{plan_id}/tasks", **AUTH, summary="Add a task", response={201: dict})
def add_task(request, plan_id: int, payload: TaskAddIn):
    plan = _managed_plan(request, plan_id)
    fields = TaskFields(
        title=payload.title,
        description=payload.description,
        expected_output=payload.output,
        weight=payload.weight,
    )
    task = editing.task_add(
        group=_group(plan, payload.group), user=request.user, fields=fields, reason=payload.reason
    )
    return Status(201, _task_out(task))


@router.post(
    "/{plan_id}/tasks/bulk",
    **AUTH,
    summary="Act on a selection of tasks: assign, deadline, weight, move, merge, cancel",
    response=dict,
)
def bulk(request, plan_id: int, payload: BulkIn):
    plan = _managed_plan(request, plan_id)
    common = {"plan": plan, "user": request.user, "task_ids": payload.tasks}
    common["reason"] = payload.reason
    action = payload.action
    if action == "assign":
        supports = (
            None
            if payload.support_units is None
            else _units(payload.support_units, "support_units")
        )
        tasks = editing.tasks_bulk_assign(
            **common, lead_unit=_unit(payload.lead_unit, "lead_unit"), support_units=supports
        )
    elif action == "deadline":
        if payload.deadline is None:
            raise ValidationError({"deadline": _("Give the deadline.")})
        tasks = editing.tasks_bulk_set_deadline(**common, deadline=_deadline(payload.deadline))
    elif action == "weight":
        tasks = editing.tasks_bulk_set_weight(**common, weight=payload.weight or 0)
    elif action == "move":
        tasks = editing.tasks_bulk_move(**common, group=_group(plan, payload.group))
    elif action == "cancel":
        tasks = editing.tasks_bulk_cancel(**common)
    else:
        choices = "assign, deadline, weight, move, cancel"
        raise ValidationError(
            {
                "action": _("%(value)s is not one of %(choices)s")
                % {"value": action, "choices": choices}
            }
        )
    return {"action": action, "tasks": [t.pk for t in tasks]}


@router.post(
    "/{plan_id}/tasks/merge",
    **AUTH,
    summary="Merge tasks of the plan into the first one",
    response=dict,
)
def merge_tasks(request, plan_id: int, payload: MergeIn):
    plan = _managed_plan(request, plan_id)
    found = Task.objects.select_related("group__plan").filter(
        group__plan=plan, pk__in=payload.tasks
    )
    by_id = {t.pk: t for t in found}
    if len(by_id) != len(set(payload.tasks)):
        raise ValidationError({"tasks": _("Some selected tasks are not tasks of this plan.")})
    tasks = [by_id[pk] for pk in payload.tasks]
    return _task_out(editing.task_merge(tasks=tasks, user=request.user, reason=payload.reason))


@router.get(
    "/{plan_id}/unassigned",
    **AUTH,
    summary="Open tasks with no lead unit or no deadline (the office's list)",
    response=list[dict],
)
def unassigned(request, plan_id: int):
    plan = _plan(request, plan_id)
    editing.rules.require_manager(request.user, plan)
    tasks = editing.unassigned_tasks(plan).prefetch_related("support_units")
    return [task_out(t) for t in tasks]


@router.get(
    "/{plan_id}/history", **AUTH, summary="Latest changes to the plan", response=list[ChangeOut]
)
def plan_history(request, plan_id: int):
    plan = _plan(request, plan_id)
    if not Access.for_user(request.user).can_read_plan_internals(plan):
        raise Http404
    return _changes(plan_changes(plan))


# Tasks --------------------------------------------------------------------------------------


@tasks_router.patch(
    "/{task_id}", **AUTH, summary="Edit a task's text, output and weight", response=dict
)
def edit_task(request, task_id: int, payload: TaskFieldsIn):
    task = _managed_task(request, task_id)
    fields = TaskFields.of(task)
    sent = payload.dict(exclude_unset=True, exclude={"reason"})
    if "output" in sent:
        sent["expected_output"] = sent.pop("output")
    for name, value in sent.items():
        setattr(fields, name, value)
    editing.task_edit(task=task, user=request.user, fields=fields, reason=payload.reason)
    return _task_out(task)


@tasks_router.put(
    "/{task_id}/assignment", **AUTH, summary="Lead and supporting units", response=dict
)
def assign(request, task_id: int, payload: AssignmentIn):
    task = _managed_task(request, task_id)
    editing.task_assign(
        task=task,
        user=request.user,
        lead_unit=_unit(payload.lead_unit, "lead_unit"),
        support_units=_units(payload.support_units, "support_units"),
        reason=payload.reason,
    )
    return _task_out(task)


@tasks_router.put(
    "/{task_id}/officers", **AUTH, summary="Officers of the lead unit who carry it", response=dict
)
def officers(request, task_id: int, payload: OfficersIn):
    task = _task(request, task_id)
    require_officer_picker(request.user, task)  # before the names are looked up
    users = {
        u.get_username(): u for u in get_user_model().objects.filter(username__in=payload.officers)
    }
    unknown = [name for name in payload.officers if name not in users]
    if unknown:
        raise ValidationError(
            {"responsible_officers": _("No user named %(names)s.") % {"names": ", ".join(unknown)}}
        )
    editing.task_set_officers(
        task=task,
        user=request.user,
        officers=[users[name] for name in payload.officers],
        reason=payload.reason,
    )
    return _task_out(task)


@tasks_router.put(
    "/{task_id}/deadline", **AUTH, summary="Date, recurrence or period", response=dict
)
def deadline(request, task_id: int, payload: DeadlineIn):
    task = _managed_task(request, task_id)
    editing.task_set_deadline(
        task=task, user=request.user, deadline=_deadline(payload), reason=payload.reason
    )
    return _task_out(task)


@tasks_router.post("/{task_id}/move", **AUTH, summary="Move to a group and position", response=dict)
def move(request, task_id: int, payload: MoveIn):
    task = _managed_task(request, task_id)
    group = _group(task.group.plan, payload.group)
    editing.task_move(
        task=task, user=request.user, group=group, position=payload.position, reason=payload.reason
    )
    return _task_out(task)


@tasks_router.post(
    "/{task_id}/split", **AUTH, summary="Split into several tasks", response=list[dict]
)
def split(request, task_id: int, payload: SplitIn):
    task = _managed_task(request, task_id)
    parts = editing.task_split(
        task=task, user=request.user, titles=payload.titles, reason=payload.reason
    )
    return [_task_out(p) for p in parts]


@tasks_router.post(
    "/{task_id}/remove",
    **AUTH,
    summary="Delete the task, or cancel it (with a reason) when something was reported on it",
    response=RemovedOut,
)
def remove(request, task_id: int, payload: Reason):
    task = _managed_task(request, task_id)
    pk = task.pk
    deleted = editing.task_remove(task=task, user=request.user, reason=payload.reason)
    return {"deleted": deleted, "task": None if deleted else _task_out(Task(pk=pk))}


@tasks_router.get(
    "/{task_id}/history", **AUTH, summary="The task's changes", response=list[ChangeOut]
)
def history(request, task_id: int):
    task = _task(request, task_id)
    if not Access.for_user(request.user).can_read_plan_internals(task.group.plan):
        raise Http404
    return _changes(task_changes(task))
