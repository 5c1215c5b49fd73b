"""A plan's groups and tasks as plain data, kept with each revision so the plan as it stood
before stays readable whatever is edited afterwards. Three queries whatever the plan's size."""

from quantri.core.names import display_name
from quantri.plans.models import Plan, Task


def _task(task: Task) -> dict:
    return {
        "id": task.pk,
        "order": task.order,
        "title": task.title,
        "lead": task.lead_display or "",
        "support": [u.name for u in task.support_units.all()] + list(task.support_text),
        "officers": [display_name(u) for u in task.responsible_officers.all()],
        "due_on": task.due_on.isoformat() if task.due_on else None,
        "recurrence": task.get_recurrence_display() if task.recurrence else "",
        "due_period": task.due_period,
        "due_text": task.due_text,
        "status": task.status,
        "cancel_reason": task.cancel_reason,
        "weight": task.weight,
    }


def plan_snapshot(plan: Plan) -> dict:
    tasks = (
        Task.objects.filter(group__plan=plan)
        .select_related("lead_unit", "group")
        .prefetch_related("support_units", "responsible_officers")
        .order_by("group__order", "order")
    )
    groups: dict[int, dict] = {
        g.pk: {"id": g.pk, "order": g.order, "title": g.title, "tasks": []}
        for g in plan.groups.order_by("order")
    }
    for task in tasks:
        groups[task.group_id]["tasks"].append(_task(task))
    return {
        "number": plan.number,
        "title": plan.title,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "groups": list(groups.values()),
    }
