"""The same scores computed the plain way: Python loops over respondents, one at a time.

Kept as the specification the vectorised engine is tested against (same numbers, same random
draws) and as the baseline bench/index_engine.py times it against. Not for production use.
"""

import math

from quantri.surveys.engine.bootstrap import resample, unit_generators
from quantri.surveys.engine.spec import BINARY, LOWER, IndexSpec


def reference_bootstrap(
    spec: IndexSpec, answers, units, weights=None, *, replicates: int, seed, level: float = 0.95
) -> dict:
    """{unit: {"point": scores, "lower": scores, "upper": scores}} where scores is
    {"subdimensions": [...], "dimensions": [...], "total": x}; None marks a missing score."""
    rows = [list(map(float, row)) for row in answers]
    weights = [1.0] * len(rows) if weights is None else [float(w) for w in weights]
    goalposts = _goalposts(spec, rows)
    respondent = [_respondent_positions(spec, row, goalposts) for row in rows]
    labels = sorted({str(u) for u in units})
    members = {label: [i for i, u in enumerate(units) if str(u) == label] for label in labels}
    result = {}
    for label, rng in zip(labels, unit_generators(seed, len(labels)), strict=True):
        unit_rows = members[label]
        point = _roll_up(spec, _unit_positions(spec, respondent, weights, unit_rows))
        reps = []
        for _ in range(replicates):
            drawn = [unit_rows[k] for k in resample(rng, 1, len(unit_rows))[0]]
            reps.append(_roll_up(spec, _unit_positions(spec, respondent, weights, drawn)))
        lower, upper = _interval(point, reps, level)
        result[label] = {"point": point, "lower": lower, "upper": upper}
    return result


def _goalposts(spec: IndexSpec, rows) -> list[tuple[float, float]]:
    posts = []
    for column, indicator in enumerate(spec.indicators):
        if indicator.goalposts is not None:
            posts.append(indicator.goalposts)
            continue
        seen = [row[column] for row in rows if not math.isnan(row[column])]
        posts.append((min(seen), max(seen)) if seen else (0.0, 0.0))
    return posts


def _position(indicator, value: float, low: float, high: float) -> float:
    if indicator.kind == BINARY:
        position = 1.0 if value > 0 else 0.0
    elif high <= low:
        position = 0.5
    else:
        position = min(1.0, max(0.0, (value - low) / (high - low)))
    return 1.0 - position if indicator.direction == LOWER else position


def _respondent_positions(spec: IndexSpec, row, goalposts) -> list:
    sums = [0.0] * len(spec.subdimensions)
    weights = [0.0] * len(spec.subdimensions)
    for column, (indicator, k) in enumerate(
        zip(spec.indicators, spec.subdimension_of_indicator, strict=True)
    ):
        value = row[column]
        if math.isnan(value):
            continue
        sums[k] += indicator.weight * _position(indicator, value, *goalposts[column])
        weights[k] += indicator.weight
    return [s / w if w > 0 else None for s, w in zip(sums, weights, strict=True)]


def _unit_positions(spec: IndexSpec, respondent, weights, rows) -> list:
    positions = []
    for k in range(len(spec.subdimensions)):
        total = weight = 0.0
        for i in rows:
            if respondent[i][k] is not None:
                total += weights[i] * respondent[i][k]
                weight += weights[i]
        positions.append(total / weight if weight > 0 else None)
    return positions


def _roll_up(spec: IndexSpec, positions) -> dict:
    subdimensions = [
        None if p is None else s.low + (s.high - s.low) * p
        for s, p in zip(spec.subdimensions, positions, strict=True)
    ]
    dimension_positions = []
    for dim in spec.dimensions:
        parts = [
            (sub.high - sub.low, p)
            for sub, p in zip(spec.subdimensions, positions, strict=True)
            if sub.dimension == dim.code and p is not None
        ]
        dimension_positions.append(_mean(parts))
    dimensions = [
        None if p is None else d.low + (d.high - d.low) * p
        for d, p in zip(spec.dimensions, dimension_positions, strict=True)
    ]
    total_position = _mean(
        [
            (d.high - d.low, p)
            for d, p in zip(spec.dimensions, dimension_positions, strict=True)
            if p is not None
        ]
    )
    total = None
    if total_position is not None:
        total = spec.total_low + (spec.total_high - spec.total_low) * total_position
    return {"subdimensions": subdimensions, "dimensions": dimensions, "total": total}


def _mean(parts) -> float | None:
    weight = sum(w for w, _ in parts)
    return sum(w * p for w, p in parts) / weight if weight > 0 else None


def _interval(point: dict, reps: list[dict], level: float) -> tuple[dict, dict]:
    tail = (1 - level) / 2
    lower, upper = {}, {}
    for name in ("subdimensions", "dimensions"):
        lower[name], upper[name] = [], []
        for k, estimate in enumerate(point[name]):
            low, high = _bounds(estimate, [r[name][k] for r in reps], tail)
            lower[name].append(low)
            upper[name].append(high)
    lower["total"], upper["total"] = _bounds(point["total"], [r["total"] for r in reps], tail)
    return lower, upper


def _bounds(estimate, values, tail: float):
    if estimate is None:
        return None, None
    values = sorted(v for v in values if v is not None)
    if not values:
        return estimate, estimate
    return min(_quantile(values, tail), estimate), max(_quantile(values, 1 - tail), estimate)


def _quantile(ordered: list[float], q: float) -> float:
    """Linear interpolation between order statistics (numpy's default method)."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)
