"""What plan pages read: a plan with its groups and tasks loaded in a fixed number of queries,
and progress computed from what is loaded, so a page costs the same for 3 tasks or 300."""

from dataclasses import dataclass

from django.db.models import F, Prefetch, Sum
from django.urls import reverse

from quantri.orgs.models import Agency
from quantri.plans.models import Plan, Task, TaskGroup, TaskStatus, dimension_model


def weighted(tasks) -> int:
    """models.weighted_progress for tasks already in memory: same rule, no query."""
    counted = [t for t in tasks if t.status != TaskStatus.CANCELLED]
    weight = sum(t.weight for t in counted)
    return round(sum(t.weight * t.progress for t in counted) / weight) if weight else 0


def progress_by(tasks, *keys) -> dict[tuple, int]:
    """Weighted progress of a Task QuerySet per value of `keys` (e.g. per plan, or per plan and
    dimension), in one query. Keys with no counted task are absent: read them as 0."""
    rows = (
        tasks.exclude(status=TaskStatus.CANCELLED)
        .order_by()
        .values(*keys)
        .annotate(done=Sum(F("weight") * F("progress")), total=Sum("weight"))
    )
    return {tuple(row[k] for k in keys): round(row["done"] / row["total"]) for row in rows}


@dataclass
class GroupOutline:
    group: TaskGroup
    tasks: list[Task]

    @property
    def progress(self) -> int:
        return weighted(self.tasks)


@dataclass
class PlanOutline:
    plan: Plan
    groups: list[GroupOutline]

    @property
    def tasks(self) -> list[Task]:
        return [task for group in self.groups for task in group.tasks]

    @property
    def progress(self) -> int:
        return weighted(self.tasks)


UNIT_NAME_FIELDS = ("id", "code", "kind", "name", "name_en", "short_name")


def plan_outline(plan: Plan, *, with_officers: bool = False) -> PlanOutline:
    """The plan's groups and tasks. The officers carrying each task cost a query over the
    whole plan: only the readers that show them ask for them."""
    # A page shows supporting units by name: loading only that keeps 300 tasks' units cheap.
    units = Prefetch("support_units", queryset=Agency.objects.only(*UNIT_NAME_FIELDS))
    related = [units, "responsible_officers"] if with_officers else [units]
    tasks = Task.objects.select_related("lead_unit").prefetch_related(*related)
    groups = plan.groups.select_related("dimension__parent").prefetch_related(
        Prefetch("tasks", queryset=tasks.order_by("order"))
    )
    return PlanOutline(plan, [GroupOutline(g, list(g.tasks.all())) for g in groups])


@dataclass
class DimensionProgress:
    dimension: object | None  # indices.Dimension
    progress: int


@dataclass
class PlanSummary:
    plan: Plan
    progress: int
    dimensions: list[DimensionProgress]


def plan_summaries(plans: list[Plan], *, by_dimension: bool = False) -> list[PlanSummary]:
    """Each plan's overall progress and, if asked, its progress per dimension (tasks in groups
    with no dimension count as one row without one, shown last)."""
    tasks = Task.objects.filter(group__plan__in=plans)
    overall = progress_by(tasks, "group__plan")
    per_dimension = progress_by(tasks, "group__plan", "group__dimension") if by_dimension else {}
    dimensions = dimension_model().objects.in_bulk({d for _, d in per_dimension if d})
    rows: dict[int, list[DimensionProgress]] = {}
    for (plan_id, dimension_id), value in per_dimension.items():
        rows.setdefault(plan_id, []).append(DimensionProgress(dimensions.get(dimension_id), value))
    return [
        PlanSummary(plan, overall.get((plan.pk,), 0), sorted(rows.get(plan.pk, []), key=_order))
        for plan in plans
    ]


def _order(row: DimensionProgress) -> tuple:
    if row.dimension is None:
        return (1, 0, "")
    return (0, row.dimension.order, row.dimension.code)


def attach_page_urls(tasks) -> None:
    """Sets `page_url` on each task: one reverse() for the page rather than one per task,
    which counts on a plan of 300 tasks."""
    pattern = reverse("plans:task_detail", args=[0])
    head = pattern[: pattern.rindex("0")]
    tail = pattern[pattern.rindex("0") + 1 :]
    for task in tasks:
        task.page_url = f"{head}{task.pk}{tail}"
