"""Bulk actions on a selection of a plan's tasks, in one request and a bounded number of
queries whatever the selection's size: the new values are checked once, each task is checked
in memory, and the rows and their history rows are written in batches."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from quantri.core.names import display_name
from quantri.orgs.models import Agency, Membership, Role
from quantri.plans.editing.assignment import Deadline, describe_deadline, describe_units
from quantri.plans.editing.ordering import next_order
from quantri.plans.editing.rules import change_reason, check_units, require_manager, require_reason
from quantri.plans.models import Plan, Task, TaskGroup, TaskStatus

# Field checks that need no query: the foreign keys and the constraints were checked once for
# the whole selection (and the database enforces the constraints again).
IN_MEMORY_CHECK = {"exclude": ["group", "lead_unit"], "validate_unique": False}


def _selection(plan: Plan, task_ids: list[int]) -> list[Task]:
    ids = {int(pk) for pk in task_ids}
    if not ids:
        raise ValidationError({"tasks": _("Select at least one task.")})
    tasks = list(
        Task.objects.filter(group__plan=plan, pk__in=ids).order_by("group__order", "order")
    )
    if len(tasks) != len(ids):
        raise ValidationError({"tasks": _("Some selected tasks are not tasks of this plan.")})
    return tasks


def _save(tasks: list[Task], fields: list[str], user, action: str, reason: str) -> list[Task]:
    for task in tasks:
        task.full_clean(validate_constraints=False, **IN_MEMORY_CHECK)
    bulk_update_with_history(
        tasks,
        Task,
        fields,
        batch_size=500,
        default_user=user,
        default_change_reason=change_reason(action, reason),
    )
    return tasks


@transaction.atomic
def tasks_bulk_assign(
    *,
    plan: Plan,
    user,
    task_ids: list[int],
    lead_unit: Agency | None = None,
    support_units: list[Agency] | None = None,
    reason: str = "",
) -> list[Task]:
    """Give the selected tasks a lead unit and/or supporting units (None leaves that part as
    it is; an empty list of supporting units clears them)."""
    require_manager(user, plan)
    if lead_unit is None and support_units is None:
        raise ValidationError({"lead_unit": _("Choose a lead unit or supporting units.")})
    check_units(plan, lead_unit, support_units or [])
    tasks = _selection(plan, task_ids)
    if lead_unit is not None:
        for task in tasks:
            task.lead_unit, task.lead_text = lead_unit, ""
    if support_units is not None:
        _set_supports(tasks, support_units)
    if lead_unit is not None:
        # The lead unit cannot support its own task: drop it where a task listed it.
        Task.support_units.through.objects.filter(
            task_id__in=[t.pk for t in tasks], agency_id=lead_unit.pk
        ).delete()
    _save(
        tasks,
        ["lead_unit", "lead_text"],
        user,
        describe_units(lead_unit, support_units or []),
        reason,
    )
    return tasks


def _set_supports(tasks: list[Task], units: list[Agency]) -> None:
    through = Task.support_units.through
    through.objects.filter(task_id__in=[t.pk for t in tasks]).delete()
    through.objects.bulk_create(
        [through(task_id=t.pk, agency_id=u.pk) for t in tasks for u in units], batch_size=500
    )


@transaction.atomic
def tasks_bulk_set_deadline(
    *, plan: Plan, user, task_ids: list[int], deadline: Deadline, reason: str = ""
) -> list[Task]:
    require_manager(user, plan)
    values = deadline.resolve(plan)
    tasks = _selection(plan, task_ids)
    for task in tasks:
        for name, value in values.items():
            setattr(task, name, value)
    return _save(tasks, list(values), user, describe_deadline(values), reason)


@transaction.atomic
def tasks_bulk_set_weight(
    *, plan: Plan, user, task_ids: list[int], weight: int, reason: str = ""
) -> list[Task]:
    require_manager(user, plan)
    if not isinstance(weight, int) or weight < 1 or weight > 100:
        raise ValidationError({"weight": _("The weight is a whole number from 1 to 100.")})
    tasks = _selection(plan, task_ids)
    for task in tasks:
        task.weight = weight
    return _save(tasks, ["weight"], user, _("Weight: %(weight)s") % {"weight": weight}, reason)


@transaction.atomic
def tasks_bulk_move(
    *, plan: Plan, user, task_ids: list[int], group: TaskGroup, reason: str = ""
) -> list[Task]:
    """Move the selected tasks to the end of `group`, in their present order. The groups they
    leave keep gaps in their numbering, which changes nothing a reader sees."""
    require_manager(user, plan)
    if group.plan_id != plan.pk:
        raise ValidationError({"group": _("Choose a group of the same plan.")})
    tasks = [t for t in _selection(plan, task_ids)]
    start = next_order(group.tasks)
    for offset, task in enumerate(tasks):
        task.group, task.order = group, start + offset
    action = _("Moved to group “%(group)s”") % {"group": group.title[:40]}
    return _save(tasks, ["group", "order"], user, action, reason)


@transaction.atomic
def tasks_bulk_set_officers(
    *, plan: Plan, user, task_ids: list[int], officers: list, reason: str = ""
) -> list[Task]:
    """The officers who carry the selected tasks; each must be a member of every selected
    task's lead unit (the office picks them for the unit, as the unit head would)."""
    require_manager(user, plan)
    if not officers:
        raise ValidationError({"responsible_officers": _("Choose at least one officer.")})
    tasks = _selection(plan, task_ids)
    unled = [t.title[:60] for t in tasks if t.lead_unit_id is None]
    if unled:
        raise ValidationError(
            {
                "tasks": _("Give these tasks a lead unit first: %(tasks)s.")
                % {"tasks": "; ".join(unled)}
            }
        )
    _check_members(tasks, officers)
    through = Task.responsible_officers.through
    through.objects.filter(task_id__in=[t.pk for t in tasks]).delete()
    through.objects.bulk_create(
        [through(task_id=t.pk, user_id=o.pk) for t in tasks for o in officers], batch_size=500
    )
    names = ", ".join(display_name(o) for o in officers)
    # lead_unit is unchanged: naming it writes each task's history row with who and why.
    return _save(tasks, ["lead_unit"], user, _("Officers: %(names)s") % {"names": names}, reason)


def _check_members(tasks: list[Task], officers: list) -> None:
    """One query for every lead unit of the selection."""
    units = {t.lead_unit_id for t in tasks}
    members = set(
        Membership.objects.active()
        .filter(agency_id__in=units, user_id__in=[o.pk for o in officers])
        .exclude(role=Role.INSPECTION_BOARD)
        .values_list("agency_id", "user_id")
    )
    outsiders = sorted(
        {display_name(o) for o in officers for u in units if (u, o.pk) not in members}
    )
    if outsiders:
        raise ValidationError(
            {
                "responsible_officers": _(
                    "Not members of every selected task's lead unit: %(names)s."
                )
                % {"names": ", ".join(outsiders)}
            }
        )


@transaction.atomic
def tasks_bulk_cancel(*, plan: Plan, user, task_ids: list[int], reason: str) -> list[Task]:
    require_manager(user, plan)
    reason = require_reason(reason)
    tasks = [t for t in _selection(plan, task_ids) if t.status != TaskStatus.CANCELLED]
    for task in tasks:
        task.status, task.cancel_reason = TaskStatus.CANCELLED, reason
    return _save(tasks, ["status", "cancel_reason"], user, _("Task cancelled"), reason)
