"""A unit's one-stop figures over a window — processed, late, satisfied — for the pages and
reports that put them beside the plan's tasks on procedures and service delivery (PAPI 5, 6).

Read from the daily aggregates only: a year of a busy unit is a few thousand rows summed by
the database, whatever the number of dossiers behind them."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from quantri.dossiers.models import DailyAggregate
from quantri.orgs.models import Agency

SUMMED = (
    "processed_early",
    "processed_on_time",
    "processed_late",
    "rated",
    "satisfied",
    "received",
)


def rate(part: int, whole: int) -> float | None:
    """A percentage with one decimal; None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class ServiceFigures:
    """A unit's dossiers over a window: processed (early, on time and late) and late ones by
    their result day, ratings likewise, received by the day they came in."""

    processed: int = 0
    late: int = 0
    rated: int = 0
    satisfied: int = 0
    received: int = 0

    @property
    def late_rate(self) -> float | None:
        return rate(self.late, self.processed)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.satisfied, self.rated)

    @property
    def is_empty(self) -> bool:
        return not (self.processed or self.rated or self.received)


def unit_service_figures(
    unit_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> dict[int, ServiceFigures]:
    """Each requested unit's figures for the days start..end (both included), the dossiers of
    its whole subtree counted with its own (a unit requested with its parent counts under
    both). Every requested unit is in the result, empty if it handled nothing. Two queries
    however many units and levels: the tree from the small agency table, then the sums."""
    roots = set(unit_ids)
    owners = _owners(roots) if roots else {}
    totals: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SUMMED, 0))
    for row in _sums(set(owners), start, end) if owners else []:
        for owner in owners[row["unit_id"]]:
            for name in SUMMED:
                totals[owner][name] += row[name] or 0
    return {pk: _figures(totals.get(pk)) for pk in roots}


def _owners(roots: set[int]) -> dict[int, set[int]]:
    """Every agency in the roots' subtrees → the roots it belongs under (itself included)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent in Agency.objects.values_list("pk", "parent_id"):
        children[parent].append(pk)
    owners: dict[int, set[int]] = defaultdict(set)
    for root in roots:
        stack, seen = [root], set()
        while stack:
            pk = stack.pop()
            if pk not in seen:  # a cycle would be bad data; never loop on it
                seen.add(pk)
                owners[pk].add(root)
                stack.extend(children[pk])
    return owners


def _sums(units: set[int], start: datetime.date, end: datetime.date):
    # Led by the unit, the (unit, procedure, day) unique index finds the rows.
    return (
        DailyAggregate.objects.filter(unit_id__in=units, day__gte=start, day__lte=end)
        .order_by()
        .values("unit_id")
        .annotate(**{name: Sum(name) for name in SUMMED})
    )


def _figures(total: dict[str, int] | None) -> ServiceFigures:
    if total is None:
        return ServiceFigures()
    return ServiceFigures(
        processed=total["processed_early"] + total["processed_on_time"] + total["processed_late"],
        late=total["processed_late"],
        rated=total["rated"],
        satisfied=total["satisfied"],
        received=total["received"],
    )


# Beside the plan's tasks ------------------------------------------------------------------------

# PAPI dimension 5 (public administrative procedures) and 6 (public service delivery): the
# tasks whose lead unit's dossiers say how the work is going.
SERVICE_DIMENSIONS = {"5", "6"}
PAPI = "PAPI"


@dataclass(frozen=True)
class FiguresShown:
    """A unit's figures as a page shows them (beside its task, on its report), the window they
    cover and, for a viewer who manages the unit, the dashboard to look further."""

    unit_id: int
    figures: ServiceFigures
    start: datetime.date
    end: datetime.date
    url: str = ""


def is_service_task(task, plan) -> bool:
    dimension = task.group.dimension
    if dimension is None or task.lead_unit_id is None or plan.framework.code != PAPI:
        return False
    return dimension.code.split(".")[0] in SERVICE_DIMENSIONS


def plan_window(plan, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The plan's year; the twelve months up to today for a plan without one."""
    if getattr(plan, "year", None):
        return datetime.date(plan.year, 1, 1), datetime.date(plan.year, 12, 31)
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=365) + datetime.timedelta(days=1), today


def attach_to_tasks(tasks, *, plan, access, today: datetime.date | None = None) -> None:
    """Sets `service_figures` on each task of PAPI 5 and 6 whose lead unit handled dossiers in
    the plan's window, None on the others: two queries for the whole page."""
    chosen = {task.pk for task in tasks if is_service_task(task, plan)}
    start, end = plan_window(plan, today)
    lead_ids = {task.lead_unit_id for task in tasks if task.pk in chosen}
    found = unit_service_figures(lead_ids, start, end) if lead_ids else {}
    # One unit leads dozens of tasks: its figures and dashboard link are built once.
    per_unit = {pk: shown(pk, figures, start, end, access, today) for pk, figures in found.items()}
    for task in tasks:
        task.service_figures = per_unit.get(task.lead_unit_id) if task.pk in chosen else None


def figures_shown(
    unit_id: int, start: datetime.date, end: datetime.date, access, today=None
) -> FiguresShown | None:
    """One unit's figures as a page shows them (a unit report, say); None if it has none."""
    figures = unit_service_figures([unit_id], start, end)[unit_id]
    return shown(unit_id, figures, start, end, access, today)


def shown(unit_id, figures, start, end, access, today=None) -> FiguresShown | None:
    if figures is None or figures.is_empty:
        return None
    url = dashboard_url(unit_id, end, today) if access.can_manage_agency(unit_id) else ""
    return FiguresShown(unit_id, figures, start, end, url)


def dashboard_url(unit_id: int, end: datetime.date, today: datetime.date | None = None) -> str:
    """The dossiers dashboard narrowed to the dossiers the unit handles, at the window's last
    month (this month if the window runs on into the future)."""
    last = min(end, today or timezone.localdate())
    query = urlencode({"unit": unit_id, "month": f"{last:%Y-%m}"})
    return f"{reverse('dossiers:dashboard')}?{query}"
