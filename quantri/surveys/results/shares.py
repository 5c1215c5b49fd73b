"""Share of respondents satisfied, per element and overall, by unit and period.

Satisfied means the top two points of a rating scale (4–5 of 5). A respondent is satisfied
with an element when the mean of their answers to its rating questions reaches the top two
points (for a 5-point scale: a mean of 4 or more); unanswered questions are left out, and a
respondent who answered none of them is not counted for that element. Overall satisfaction is
the answer to the survey's overall question; without one, the mean over every rating question.
Counting respondents rather than answers keeps each person one observation, which the
intervals assume.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from quantri.surveys.results.intervals import ShareEstimate, share_estimate

OVERALL = "overall"
ALL_UNITS = ""
PERIODS = ("all", "year", "quarter", "month")


@dataclass(frozen=True)
class Item:
    """A rating question: its key, the element (section) it belongs to, its scale size."""

    key: int
    element: str | None
    points: int
    is_overall: bool = False
    label: str = ""


@dataclass
class Respondent:
    unit: str
    submitted_on: datetime.date
    ratings: dict[int, int]  # item key → scale point
    weight: float = 1.0
    profile: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ResultRow:
    unit: str  # ALL_UNITS for every unit together
    period: str
    element: str  # an element key, or OVERALL
    estimate: ShareEstimate


def satisfied_threshold(points: int) -> float:
    """The top two points as a position on 0–1: 4 of 5 → 0.75."""
    return (points - 2) / (points - 1)


def _position(point: int, points: int) -> float:
    return (point - 1) / (points - 1)


def is_satisfied(ratings: dict[int, int], items: list[Item]) -> bool | None:
    """Whether the mean of the answered items reaches their top two points; None if none."""
    answered = [item for item in items if item.key in ratings]
    if not answered:
        return None
    mean = sum(_position(ratings[i.key], i.points) for i in answered) / len(answered)
    threshold = sum(satisfied_threshold(i.points) for i in answered) / len(answered)
    return mean >= threshold - 1e-12


def outcomes(respondent: Respondent, items: list[Item], elements: list[str]) -> dict:
    """{element: satisfied or None, OVERALL: …} for one respondent."""
    by_element = defaultdict(list)
    for item in items:
        if item.element is not None and not item.is_overall:
            by_element[item.element].append(item)
    result = {e: is_satisfied(respondent.ratings, by_element[e]) for e in elements}
    overall_items = [i for i in items if i.is_overall] or items
    result[OVERALL] = is_satisfied(respondent.ratings, overall_items)
    return result


def period_of(day: datetime.date, period: str) -> str:
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "year":
        return str(day.year)
    return "all"


def satisfaction_table(
    respondents: list[Respondent],
    items: list[Item],
    elements: list[str],
    *,
    period: str = "all",
    by_unit: bool = True,
    weighted: bool = False,
) -> list[ResultRow]:
    """Rows per (unit, period, element) — every unit together first, then each unit."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for respondent in respondents:
        key = period_of(respondent.submitted_on, period)
        result = outcomes(respondent, items, elements)
        groups[ALL_UNITS, key].append((respondent, result))
        if by_unit:
            groups[respondent.unit, key].append((respondent, result))
    rows = []
    for unit, key in sorted(groups, key=lambda g: (g[0] != ALL_UNITS, g[0], g[1])):
        members = groups[unit, key]
        for element in [*elements, OVERALL]:
            counted = [(r.weight, res[element]) for r, res in members if res[element] is not None]
            estimate = share_estimate(
                [o for _, o in counted], [w for w, _ in counted] if weighted else None
            )
            rows.append(ResultRow(unit, key, element, estimate))
    return rows


def question_table(
    respondents: list[Respondent], items: list[Item], *, weighted: bool = False
) -> list[tuple[Item, ShareEstimate]]:
    """Share satisfied (top two points) on each rating question, every respondent together."""
    rows = []
    for item in items:
        answered = [r for r in respondents if item.key in r.ratings]
        satisfied = [is_satisfied(r.ratings, [item]) for r in answered]
        weights = [r.weight for r in answered] if weighted else None
        rows.append((item, share_estimate(satisfied, weights)))
    return rows
