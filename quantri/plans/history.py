"""The change history shown on plan and task pages: who, when, why and which fields changed,
read from django-simple-history in a fixed number of queries."""

from dataclasses import dataclass, field

from quantri.plans.models import Plan, Task, TaskGroup

PLAN_PAGE_ROWS = 30


@dataclass
class Change:
    record: object
    subject: str
    changed: list[str] = field(default_factory=list)

    @property
    def when(self):
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def why(self) -> str:
        return self.record.history_change_reason or ""


def _changed_fields(model, newer, older) -> list[str]:
    if older is None:
        return []
    names = [c.field for c in newer.diff_against(older).changes]
    return [str(model._meta.get_field(name).verbose_name) for name in names]


def task_changes(task: Task) -> list[Change]:
    records = list(task.history.select_related("history_user").order_by("-history_date", "-pk"))
    return [
        Change(record, task.title, _changed_fields(Task, record, older))
        for record, older in zip(records, records[1:] + [None], strict=True)
    ]


def plan_changes(plan: Plan) -> list[Change]:
    """The latest changes to the plan, its groups and its tasks, newest first."""
    rows = [
        *(Change(r, r.title[:80]) for r in _latest(plan.history.all())),
        *(Change(r, r.title[:80]) for r in _latest(TaskGroup.history.filter(plan_id=plan.pk))),
        *(Change(r, r.title[:80]) for r in _latest(Task.history.filter(group__plan_id=plan.pk))),
    ]
    rows.sort(key=lambda c: c.when, reverse=True)
    return rows[:PLAN_PAGE_ROWS]


def _latest(history):
    return history.select_related("history_user").order_by("-history_date")[:PLAN_PAGE_ROWS]
