"""The consolidated figures, computed from plain rows in one pass: progress by dimension
weighted by task weight, counts by status, figures summed, and report completeness.

No database, no per-row work beyond a few additions: the national run (63 provinces × 40
agencies × 60 tasks) goes through here in well under a second (bench/consolidate.py)."""

import re

from quantri.reports.consolidation.data import (
    CANCELLED,
    ConsolidatedFigures,
    ConsolidationInput,
    DimensionFigures,
    UnitRow,
)

OVERALL = "__overall__"
# Figures are summed per dimension from the lead units' reports only (see _count_task).
# Rates and shares cannot be added across units ("Tỷ lệ hồ sơ trực tuyến (%)"): only counts
# are summed into a dimension's figures; rates stay with the unit that reported them.
_RATE = re.compile(r"%|t[ỷỉy] l[ệe]|ty le|bình quân|trung bình|rate|share", re.IGNORECASE)


def is_additive(figure_name: str) -> bool:
    return not _RATE.search(figure_name)


def aggregate(data: ConsolidationInput) -> ConsolidatedFigures:
    dimensions = {
        info.key: DimensionFigures(key=info.key, name=info.name, code=info.code)
        for info in sorted(data.dimensions, key=lambda d: d.order)
    }
    for task in data.tasks:
        _count_task(_dimension_for(dimensions, task.key), task)
    for part in data.parts:
        for theirs in part.figures.dimensions:
            mine = dimensions.get(theirs.key)
            if mine is None:
                mine = dimensions[theirs.key] = DimensionFigures(
                    key=theirs.key, name=theirs.name, code=theirs.code
                )
            mine.add(theirs)
    overall = DimensionFigures(key=OVERALL, name="")
    for figures in dimensions.values():
        overall.add(figures)
    listed = [d for d in dimensions.values() if d.tasks]
    return ConsolidatedFigures(
        dimensions=listed,
        overall=overall,
        units=list(data.units),
        completeness=sum_units(data.units),
    )


def _dimension_for(dimensions: dict, key: str) -> DimensionFigures:
    figures = dimensions.get(key)
    if figures is None:  # a task in a dimension the input did not list: still counted
        figures = dimensions[key] = DimensionFigures(key=key, name=key)
    return figures


def _count_task(figures: DimensionFigures, task) -> None:
    figures.tasks += 1
    status = task.status
    figures.by_status[status] = figures.by_status.get(status, 0) + 1
    if status != CANCELLED:
        figures.counted_weight += task.weight
        figures.weighted_progress += task.weight * task.progress
    for result in task.results:
        # The lead unit answers for the task: a supporting unit often reports the same
        # sessions or documents, and adding both would count them twice.
        if not result.is_lead:
            continue
        for name, value in result.figures.items():
            if is_additive(name):
                figures.figures[name] = figures.figures.get(name, 0) + value


def sum_units(rows: list[UnitRow], name: str = "") -> UnitRow:
    total = UnitRow(name=name)
    for row in rows:
        total.expected += row.expected
        total.submitted += row.submitted
        total.accepted += row.accepted
        total.on_time += row.on_time
        total.late += row.late
        total.missing += row.missing
        total.overdue += row.overdue
        total.returned += row.returned
    return total
