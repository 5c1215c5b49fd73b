"""What a revision changed: two snapshots of a plan compared task by task. Plain Python, no
database; a snapshot is the dict `snapshot.plan_snapshot` writes."""

from dataclasses import dataclass


class ChangeKind:
    ADDED = "added"
    REMOVED = "removed"
    CANCELLED = "cancelled"
    REASSIGNED = "reassigned"
    DEADLINE_MOVED = "deadline_moved"
    RENAMED = "renamed"
    ORDER = (ADDED, REMOVED, CANCELLED, REASSIGNED, DEADLINE_MOVED, RENAMED)


@dataclass(frozen=True)
class TaskChange:
    kind: str
    task_id: int
    title: str
    group: str
    before: str = ""
    after: str = ""


def tasks_of(snapshot: dict) -> dict[int, dict]:
    """{task id: task} with each task's group title added."""
    return {
        task["id"]: {**task, "group": group["title"]}
        for group in snapshot.get("groups", [])
        for task in group.get("tasks", [])
    }


def assignment_text(task: dict) -> str:
    parts = [task.get("lead") or "—"]
    if task.get("support"):
        parts.append("+ " + ", ".join(task["support"]))
    if task.get("officers"):
        parts.append("(" + ", ".join(task["officers"]) + ")")
    return " ".join(parts)


def deadline_text(task: dict) -> str:
    if task.get("due_on"):
        year, month, day = task["due_on"].split("-")
        return f"{day}/{month}/{year}"
    return task.get("recurrence") or task.get("due_text") or "—"


def _deadline_key(task: dict) -> tuple:
    return (task.get("due_on"), task.get("recurrence") or "", task.get("due_period") or "")


def _assignment_key(task: dict) -> tuple:
    return (
        task.get("lead") or "",
        tuple(sorted(task.get("support") or [])),
        tuple(sorted(task.get("officers") or [])),
    )


def compare(before: dict, after: dict) -> list[TaskChange]:
    """The changes from `before` to `after`, grouped by kind in ChangeKind.ORDER."""
    old, new = tasks_of(before), tasks_of(after)
    changes = [_change(ChangeKind.ADDED, task) for pk, task in new.items() if pk not in old]
    changes += [_change(ChangeKind.REMOVED, task) for pk, task in old.items() if pk not in new]
    for pk in old.keys() & new.keys():
        changes += _task_changes(old[pk], new[pk])
    rank = {kind: i for i, kind in enumerate(ChangeKind.ORDER)}
    order = {pk: i for i, pk in enumerate([*old, *new])}
    return sorted(changes, key=lambda c: (rank[c.kind], order.get(c.task_id, 0)))


def _change(kind: str, task: dict, before: str = "", after: str = "") -> TaskChange:
    return TaskChange(kind, task["id"], task["title"], task["group"], before, after)


def _task_changes(old: dict, new: dict) -> list[TaskChange]:
    found = []
    if new.get("status") == "cancelled" and old.get("status") != "cancelled":
        found.append(_change(ChangeKind.CANCELLED, new, after=new.get("cancel_reason", "")))
    if _assignment_key(old) != _assignment_key(new):
        found.append(
            _change(ChangeKind.REASSIGNED, new, assignment_text(old), assignment_text(new))
        )
    if _deadline_key(old) != _deadline_key(new):
        found.append(
            _change(ChangeKind.DEADLINE_MOVED, new, deadline_text(old), deadline_text(new))
        )
    if old["title"] != new["title"]:
        found.append(_change(ChangeKind.RENAMED, new, old["title"], new["title"]))
    return found
