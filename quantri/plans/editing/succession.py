"""A merged unit's open tasks go to its successor (orgs.successions calls this on a merge):
the tasks it leads and those it supports, in plans still running. Done and cancelled tasks,
and tasks of past years' plans, stay under the old unit, as their reports were written."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from quantri.orgs.models import Agency
from quantri.orgs.successions import Handover
from quantri.plans.editing.rules import change_reason
from quantri.plans.models import Task, TaskStatus


def open_tasks(on: datetime.date):
    return (
        Task.objects.exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])
        .filter(group__plan__year__gte=on.year, group__plan__archived_at__isnull=True)
        .select_related("group__plan")
        .order_by("group__plan_id", "group__order", "order")
    )


def tasks_hand_over(
    *, unit: Agency, successor: Agency, on: datetime.date, user, reason: str, apply: bool
) -> list[Handover]:
    led = list(open_tasks(on).filter(lead_unit=unit))
    supported = list(open_tasks(on).filter(support_units=unit).filter(~Q(lead_unit=unit)))
    if apply:
        _move_lead(led, successor, user, reason)
        _move_support(led + supported, unit, successor)
    return [
        Handover(_("Open plan tasks it leads"), [_name(t) for t in led]),
        Handover(_("Open plan tasks it supports"), [_name(t) for t in supported]),
    ]


def _name(task: Task) -> str:
    plan = task.group.plan
    return f"{plan.number or plan.title[:40]} — {task.group.order}.{task.order} {task.title}"


def _move_lead(tasks: list[Task], successor: Agency, user, reason: str) -> None:
    for task in tasks:
        task.lead_unit = successor
    action = _("Lead: %(lead)s") % {"lead": successor.short_name or successor.name}
    bulk_update_with_history(
        tasks,
        Task,
        ["lead_unit"],
        default_user=user if getattr(user, "is_authenticated", False) else None,
        default_change_reason=change_reason(action, reason),
    )


def _move_support(tasks: list[Task], unit: Agency, successor: Agency) -> None:
    """The successor supports where the unit did, unless it leads the task or already
    supports it; the merged unit supports nothing open any more."""
    through = Task.support_units.through
    ids = [t.pk for t in tasks]
    supported = set(
        through.objects.filter(task_id__in=ids, agency=unit).values_list("task_id", flat=True)
    )
    already = set(
        through.objects.filter(task_id__in=ids, agency=successor).values_list("task_id", flat=True)
    )
    leads = {t.pk for t in tasks if t.lead_unit_id == successor.pk}
    through.objects.filter(task_id__in=ids, agency=unit).delete()
    through.objects.filter(task_id__in=leads, agency=successor).delete()
    through.objects.bulk_create(
        [through(task_id=pk, agency_id=successor.pk) for pk in supported - already - leads]
    )
