"""Use cases that edit a plan after its import: header, groups, tasks, assignment, deadlines and
bulk actions. Each checks the actor's permission itself (PermissionDenied), validates before
saving (ValidationError naming the field) and keeps who, when and why in the history. Views,
the API and commands only call these.

`user=None` is the command line: an operator on the server, trusted like an administrator.
"""

from quantri.plans.editing.assignment import (
    Deadline,
    task_assign,
    task_set_deadline,
    task_set_officers,
)
from quantri.plans.editing.bulk import (
    tasks_bulk_assign,
    tasks_bulk_cancel,
    tasks_bulk_move,
    tasks_bulk_set_deadline,
    tasks_bulk_set_officers,
    tasks_bulk_set_weight,
)
from quantri.plans.editing.cascade import (
    children_progress,
    implementing_plans,
    task_link_parent,
    task_send_down,
)
from quantri.plans.editing.groups import group_add, group_edit, group_merge, group_move
from quantri.plans.editing.header import PlanHeader, plan_edit
from quantri.plans.editing.rules import assignable_officers, assignable_units, unassigned_tasks
from quantri.plans.editing.tasks import (
    TaskFields,
    task_add,
    task_edit,
    task_merge,
    task_move,
    task_remove,
    task_split,
)

__all__ = [
    "Deadline",
    "PlanHeader",
    "TaskFields",
    "assignable_officers",
    "assignable_units",
    "children_progress",
    "implementing_plans",
    "group_add",
    "group_edit",
    "group_merge",
    "group_move",
    "plan_edit",
    "task_add",
    "task_assign",
    "task_edit",
    "task_link_parent",
    "task_merge",
    "task_move",
    "task_remove",
    "task_send_down",
    "task_set_deadline",
    "task_set_officers",
    "task_split",
    "tasks_bulk_assign",
    "tasks_bulk_cancel",
    "tasks_bulk_move",
    "tasks_bulk_set_deadline",
    "tasks_bulk_set_officers",
    "tasks_bulk_set_weight",
    "unassigned_tasks",
]
