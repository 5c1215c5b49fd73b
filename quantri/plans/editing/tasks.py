"""Tasks: add, edit, move, split, merge, and delete (while nothing was reported on it) or
cancel with a reason."""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.plans.editing.ordering import next_order, renumber
from quantri.plans.editing.rules import record, require_manager, require_reason
from quantri.plans.models import Task, TaskGroup, TaskStatus

TASK_FIELDS = ("title", "description", "expected_output", "weight")


@dataclasses.dataclass
class TaskFields:
    title: str
    description: str = ""
    expected_output: str = ""
    weight: int = 1

    @classmethod
    def of(cls, task: Task) -> "TaskFields":
        return cls(**{name: getattr(task, name) for name in TASK_FIELDS})


def _apply(task: Task, fields: TaskFields) -> None:
    title = (fields.title or "").strip()
    if not title:
        raise ValidationError({"title": _("A task needs a title.")})
    task.title = title
    task.description = (fields.description or "").strip()
    task.expected_output = (fields.expected_output or "").strip()
    task.weight = fields.weight


@transaction.atomic
def task_add(*, group: TaskGroup, user, fields: TaskFields, reason: str = "") -> Task:
    require_manager(user, group.plan)
    task = Task(group=group, order=next_order(group.tasks))
    _apply(task, fields)
    task.full_clean()
    record(task, user, _("Task added"), reason)
    task.save()
    return task


@transaction.atomic
def task_edit(*, task: Task, user, fields: TaskFields, reason: str = "") -> Task:
    require_manager(user, task.group.plan)
    _apply(task, fields)
    task.full_clean()
    record(task, user, _("Task edited"), reason)
    task.save()
    return task


@transaction.atomic
def task_move(
    *, task: Task, user, group: TaskGroup, position: int | None = None, reason: str = ""
) -> Task:
    """Put the task at `position` (1 = first; None = last) in `group`, which may be its own."""
    require_manager(user, task.group.plan)
    if group.plan_id != task.group.plan_id:
        raise ValidationError({"group": _("Choose a group of the same plan.")})
    old_group_id = task.group_id
    siblings = [t for t in group.tasks.order_by("order") if t.pk != task.pk]
    position = len(siblings) + 1 if position is None else max(1, min(position, len(siblings) + 1))
    if group.pk != old_group_id:
        task.group, task.order = group, next_order(group.tasks)
        task.save(update_fields=["group", "order"])
    siblings.insert(position - 1, task)
    renumber(Task, siblings)
    if group.pk != old_group_id:
        renumber(Task, list(Task.objects.filter(group_id=old_group_id).order_by("order")))
    task.refresh_from_db(fields=["group", "order"])
    record(task, user, _("Task moved"), reason)
    task.save()
    return task


@transaction.atomic
def task_split(*, task: Task, user, titles: list[str], reason: str = "") -> list[Task]:
    """The task keeps the first title; each further title becomes a task right after it, with
    the same assignment, deadline, weight and output."""
    require_manager(user, task.group.plan)
    titles = [t.strip() for t in titles if t and t.strip()]
    if len(titles) < 2:
        raise ValidationError({"titles": _("Give at least two titles, one per line.")})
    supports, officers = list(task.support_units.all()), list(task.responsible_officers.all())
    task.title = titles[0]
    task.full_clean()
    record(task, user, _("Task split"), reason)
    task.save()
    parts = [task]
    for title in titles[1:]:
        part = _copy(task, title, next_order(task.group.tasks))
        record(part, user, _("Split from task “%(task)s”") % {"task": task.title[:40]}, reason)
        part.save()
        part.support_units.set(supports)
        part.responsible_officers.set(officers)
        parts.append(part)
    _place_after(task, parts)
    return parts


def _copy(task: Task, title: str, order: int) -> Task:
    part = Task(
        group=task.group,
        order=order,
        title=title,
        lead_unit=task.lead_unit,
        lead_text=task.lead_text,
        support_text=list(task.support_text),
        due_on=task.due_on,
        recurrence=task.recurrence,
        due_text=task.due_text,
        due_period=task.due_period,
        expected_output=task.expected_output,
        weight=task.weight,
    )
    part.full_clean()
    return part


def _place_after(task: Task, parts: list[Task]) -> None:
    others = [t for t in task.group.tasks.order_by("order") if t.pk not in {p.pk for p in parts}]
    index = (
        next(i for i, t in enumerate(others) if t.order > task.order)
        if any(t.order > task.order for t in others)
        else len(others)
    )
    renumber(Task, others[:index] + parts + others[index:])


def has_reports(task: Task) -> bool:
    """Progress, evidence or a periodic report on it: then it is history and is only cancelled."""
    return task.updates.exists() or task.evidence.exists() or task.period_reports.exists()


@transaction.atomic
def task_remove(*, task: Task, user, reason: str = "") -> bool:
    """Delete the task while nothing was reported on it; otherwise cancel it, which needs a
    reason. True when deleted."""
    require_manager(user, task.group.plan)
    if not has_reports(task):
        group_id = task.group_id
        record(task, user, _("Task deleted"), reason)
        task.delete()
        renumber(Task, list(Task.objects.filter(group_id=group_id).order_by("order")))
        return True
    _cancel(task, user, require_reason(reason))
    return False


def _cancel(task: Task, user, reason: str) -> None:
    if task.status == TaskStatus.CANCELLED:
        raise ValidationError({"status": _("This task is already cancelled.")})
    task.status, task.cancel_reason = TaskStatus.CANCELLED, reason
    task.full_clean()
    record(task, user, _("Task cancelled"), reason)
    task.save()


@transaction.atomic
def task_merge(*, tasks: list[Task], user, reason: str = "") -> Task:
    """The first task absorbs the others' text and supporting units; the others are deleted,
    or cancelled as merged where something was reported on them."""
    if len(tasks) < 2:
        raise ValidationError({"tasks": _("Choose at least two tasks to merge.")})
    keep = tasks[0]
    require_manager(user, keep.group.plan)
    if any(t.group.plan_id != keep.group.plan_id for t in tasks):
        raise ValidationError({"tasks": _("Tasks of different plans cannot be merged.")})
    texts = [keep.description or keep.title] + [t.description or t.title for t in tasks[1:]]
    keep.description = "\n".join(texts)
    keep.weight = max(t.weight for t in tasks)
    keep.full_clean()
    record(keep, user, _("Tasks merged"), reason)
    keep.save()
    for other in tasks[1:]:
        keep.support_units.add(*[u for u in other.support_units.all() if u.pk != keep.lead_unit_id])
        _absorb(other, keep, user)
    return keep


def _absorb(other: Task, keep: Task, user) -> None:
    why = _("Merged into task “%(task)s”") % {"task": keep.title[:40]}
    if has_reports(other):
        _cancel(other, user, why)
    else:
        record(other, user, why)
        other.delete()
