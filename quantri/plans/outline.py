"""What plan pages read: a plan with its groups and tasks loaded in a fixed number of queries,
and progress computed from what is loaded, so a page costs the same for 3 tasks or 300."""

from dataclasses import dataclass

from django.db.models import F, Prefetch, Sum
from django.urls import reverse

from quantri.orgs.models import Agency, AgencyName
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
    """The plan's groups and tasks, each task with its supporting units as `support_list`.
    The officers carrying each task cost a query over the whole plan: only the readers that
    show them ask for them."""
    tasks = Task.objects.select_related("lead_unit")
    if with_officers:
        tasks = tasks.prefetch_related("responsible_officers")
    groups = plan.groups.select_related("dimension__parent").prefetch_related(
        Prefetch("tasks", queryset=tasks.order_by("order"))
    )
    outline = PlanOutline(plan, [GroupOutline(g, list(g.tasks.all())) for g in groups])
    attach_support_units(outline.tasks)
    _names_as_of(plan.names_day, outline.tasks)
    return outline


def attach_support_units(tasks: list[Task]) -> None:
    """Sets `support_list` on each task, in one query: a plan's 300 tasks share a handful of
    units, and Django's prefetch built a query set per task (a fifth of the page's time)."""
    fields = [f"agency__{name}" for name in UNIT_NAME_FIELDS]
    rows = (
        Task.support_units.through.objects.filter(task_id__in=[t.pk for t in tasks])
        .order_by("agency__order", "agency__name")
        .values_list("task_id", *fields)
    )
    units: dict[int, Agency] = {}
    by_task: dict[int, list[Agency]] = {}
    for task_id, *values in rows:
        unit = units.get(values[0])
        if unit is None:
            unit = units[values[0]] = Agency.from_db(rows.db, UNIT_NAME_FIELDS, values)
        by_task.setdefault(task_id, []).append(unit)
    for task in tasks:
        task.support_list = by_task.get(task.pk, [])


def support_units_of(task: Task) -> list:
    """The task's supporting units: as plan_outline loaded them, or from the database."""
    loaded = getattr(task, "support_list", None)
    return list(task.support_units.all()) if loaded is None else loaded


def _names_as_of(day, tasks: list[Task]) -> None:
    """A past plan shows its units by the names they carried in its year (one query)."""
    if day is None:
        return
    ids = {t.lead_unit_id for t in tasks} | {u.pk for t in tasks for u in support_units_of(t)}
    book = AgencyName.objects.book(ids - {None})
    for task in tasks:
        if task.lead_unit is not None:
            task.lead_name = book.on(task.lead_unit_id, day, str(task.lead_unit))
        task.support_names = [book.on(u.pk, day, str(u)) for u in support_units_of(task)]


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
