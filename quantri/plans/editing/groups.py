"""Task groups: add, rename, change dimension, reorder, merge."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from quantri.plans.editing.ordering import next_order, renumber
from quantri.plans.editing.rules import change_reason, record, require_manager
from quantri.plans.models import Plan, Task, TaskGroup


def _check_dimension(plan: Plan, dimension: Model | None) -> None:
    if dimension is not None and dimension.framework_id != plan.framework_id:
        raise ValidationError(
            {
                "dimension": _("%(dimension)s is not a dimension of this plan's index.")
                % {"dimension": dimension}
            }
        )


@transaction.atomic
def group_add(
    *, plan: Plan, user, title: str, dimension: Model | None = None, reason: str = ""
) -> TaskGroup:
    require_manager(user, plan)
    _check_dimension(plan, dimension)
    group = TaskGroup(
        plan=plan, order=next_order(plan.groups), title=title.strip(), dimension=dimension
    )
    group.full_clean()
    record(group, user, _("Group added"), reason)
    group.save()
    return group


@transaction.atomic
def group_edit(
    *, group: TaskGroup, user, title: str, dimension: Model | None, reason: str = ""
) -> TaskGroup:
    require_manager(user, group.plan)
    _check_dimension(group.plan, dimension)
    group.title, group.dimension = title.strip(), dimension
    group.full_clean()
    record(group, user, _("Group edited"), reason)
    group.save()
    return group


@transaction.atomic
def group_move(*, group: TaskGroup, user, position: int, reason: str = "") -> TaskGroup:
    """Put the group at `position` (1 = first) among the plan's groups."""
    require_manager(user, group.plan)
    groups = [g for g in group.plan.groups.order_by("order") if g.pk != group.pk]
    position = max(1, min(position, len(groups) + 1))
    groups.insert(position - 1, group)
    renumber(TaskGroup, groups)
    group.refresh_from_db(fields=["order"])
    record(group, user, _("Group moved"), reason)
    group.save()  # a history row saying who moved it and why
    return group


@transaction.atomic
def group_merge(*, source: TaskGroup, target: TaskGroup, user, reason: str = "") -> TaskGroup:
    """Move every task of `source` to the end of `target`, then remove `source`."""
    require_manager(user, target.plan)
    if source.plan_id != target.plan_id or source.pk == target.pk:
        raise ValidationError({"target": _("Choose another group of the same plan.")})
    tasks = list(source.tasks.order_by("order"))
    start = next_order(target.tasks)
    for offset, task in enumerate(tasks):
        task.group, task.order = target, start + offset
    _save_moved_tasks(tasks, user, _("Moved from group “%(group)s”") % {"group": source.title})
    record(source, user, _("Merged into group “%(group)s”") % {"group": target.title}, reason)
    source.delete()
    renumber(TaskGroup, list(target.plan.groups.order_by("order")))
    target.refresh_from_db()
    record(target, user, _("Group merged"), reason)
    target.save()
    return target


def _save_moved_tasks(tasks: list[Task], user, action: str) -> None:
    from simple_history.utils import bulk_update_with_history

    bulk_update_with_history(
        tasks,
        Task,
        ["group", "order"],
        default_user=user,
        default_change_reason=change_reason(action),
    )
