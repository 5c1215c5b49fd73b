"""Bootstrap 95% intervals for unit scores.

Respondents are resampled with replacement within their unit (each unit keeps its size), the
unit's scores recomputed, and the interval read from the replicates' 2.5th and 97.5th
percentiles. Respondent positions per sub-dimension do not change under resampling, so a
replicate is only a weighted mean: with C the replicates × respondents matrix of how often each
respondent was drawn, the numerators and denominators of every replicate at once are
C @ [w·r, w·present] — one matrix product per unit and chunk of replicates, which is what makes
1,000 replicates of 20,000 respondents cheap. Chunks keep C within a memory budget.

Draws: one random generator per unit, spawned from the seed, one call per replicate — so the
result depends on the seed only, not on the chunk size, and a unit's draws do not change when
another unit is added.
"""

from dataclasses import dataclass

import numpy as np

from quantri.surveys.engine.scores import (
    EngineError,
    Estimate,
    Grouping,
    check_inputs,
    normalise,
    respondent_positions,
    roll_up,
    unit_positions,
)
from quantri.surveys.engine.spec import IndexSpec

# Elements of the counts matrix held at once: 2M float64 = 16 MB (plus the draws behind it).
CHUNK_ELEMENTS = 2_000_000


@dataclass
class IndexResult:
    units: list
    respondents: np.ndarray
    point: Estimate
    lower: Estimate
    upper: Estimate
    replicates: int
    level: float

    def records(self, spec: IndexSpec) -> list[dict]:
        """One dict per unit with every level's score and interval, for pages and exports."""
        return [self._record(spec, row, unit) for row, unit in enumerate(self.units)]

    def _record(self, spec: IndexSpec, row: int, unit) -> dict:
        def triple(estimate_field: str, column: int | None):
            values = []
            for estimate in (self.point, self.lower, self.upper):
                array = getattr(estimate, estimate_field)
                value = array[row] if column is None else array[row, column]
                values.append(None if np.isnan(value) else float(value))
            return dict(zip(("score", "lower", "upper"), values, strict=True))

        return {
            "unit": unit,
            "respondents": int(self.respondents[row]),
            "total": triple("total", None),
            "dimensions": {c: triple("dimensions", k) for k, c in enumerate(spec.dimension_codes)},
            "subdimensions": {
                c: triple("subdimensions", k) for k, c in enumerate(spec.subdimension_codes)
            },
        }


def resample(rng: np.random.Generator, replicates: int, size: int) -> np.ndarray:
    """(replicates, size) row numbers drawn with replacement out of `size`.

    From uniform doubles rather than rng.integers: a double is exactly one draw from the
    stream, so drawing 10 replicates at once or one at a time gives the same rows and the
    result does not depend on the chunk size (bounded integer draws buffer half-words)."""
    rows = (rng.random((replicates, size)) * size).astype(np.intp)
    return np.minimum(rows, size - 1, out=rows)  # u·size can round up to size


def unit_generators(seed, units: int) -> list[np.random.Generator]:
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(units)]


def bootstrap_units(
    spec: IndexSpec,
    answers,
    units,
    weights=None,
    *,
    replicates: int = 1000,
    seed: int | None = None,
    level: float = 0.95,
    chunk_elements: int = CHUNK_ELEMENTS,
) -> IndexResult:
    """Scores per unit with percentile bootstrap intervals at `level` (see the module doc)."""
    if replicates < 1:
        raise EngineError("the number of bootstrap replicates must be at least 1")
    if not 0 < level < 1:
        raise EngineError("the interval level must be between 0 and 1")
    answers, units, weights = check_inputs(spec, answers, units, weights)
    grouping = Grouping.of(units)
    respondent = respondent_positions(spec, normalise(spec, answers))
    point = roll_up(spec, unit_positions(respondent, weights, grouping))
    positions = replicate_positions(respondent, weights, grouping, replicates, seed, chunk_elements)
    lower, upper = _percentile_interval(roll_up(spec, positions), point, level)
    return IndexResult(grouping.labels, grouping.counts, point, lower, upper, replicates, level)


def replicate_positions(
    respondent: np.ndarray,
    weights: np.ndarray,
    grouping: Grouping,
    replicates: int,
    seed,
    chunk_elements: int = CHUNK_ELEMENTS,
) -> np.ndarray:
    """Unit sub-dimension positions in every replicate: (replicates, units, sub-dimensions)."""
    present = ~np.isnan(respondent)
    stacked = np.concatenate(
        [np.where(present, respondent, 0.0) * weights[:, None], present * weights[:, None]],
        axis=1,
    )
    columns = respondent.shape[1]
    out = np.empty((replicates, len(grouping.labels), columns))
    generators = unit_generators(seed, len(grouping.labels))
    for unit, rng in enumerate(generators):
        rows = grouping.rows(unit)
        sums = _replicate_sums(stacked[rows], rng, replicates, chunk_elements)
        with np.errstate(invalid="ignore", divide="ignore"):
            numerator, denominator = sums[:, :columns], sums[:, columns:]
            out[:, unit, :] = np.where(denominator > 0, numerator / denominator, np.nan)
    return out


def _replicate_sums(values: np.ndarray, rng, replicates: int, chunk_elements: int) -> np.ndarray:
    """Σ over drawn rows of `values`, for every replicate: counts @ values, chunk by chunk."""
    size = values.shape[0]
    chunk = max(1, min(replicates, chunk_elements // size))
    sums = np.empty((replicates, values.shape[1]))
    offsets = (np.arange(chunk, dtype=np.intp) * size)[:, None]
    for start in range(0, replicates, chunk):
        count = min(chunk, replicates - start)
        flat = (resample(rng, count, size) + offsets[:count]).ravel()
        counts = np.bincount(flat, minlength=count * size).reshape(count, size)
        sums[start : start + count] = counts.astype(float) @ values
    return sums


def _percentile_interval(replicated: Estimate, point: Estimate, level: float):
    """Percentile interval per score, ignoring replicates where a score was missing. The
    interval is widened to hold the point estimate if resampling noise left it outside (only
    possible with a handful of respondents), so a reader never sees a score outside its own
    interval."""
    tail = (1 - level) / 2
    lower, upper = {}, {}
    for name in ("subdimensions", "dimensions", "total"):
        low, high = nan_quantiles(getattr(replicated, name), (tail, 1 - tail))
        estimate = getattr(point, name)
        missing = np.isnan(estimate)
        lower[name] = np.where(missing, np.nan, np.fmin(low, estimate))
        upper[name] = np.where(missing, np.nan, np.fmax(high, estimate))
    return Estimate(**lower), Estimate(**upper)


def nan_quantiles(values: np.ndarray, quantiles) -> list[np.ndarray]:
    """Quantiles along axis 0 ignoring NaN, linear interpolation (numpy's default method);
    NaN where a column has no value. One sort serves every quantile, where np.nanquantile
    would fall back to a Python loop over columns as soon as one NaN is present."""
    ordered = np.sort(values, axis=0)  # NaN sorts last
    valid = (~np.isnan(values)).sum(axis=0)
    last = np.maximum(valid - 1, 0)
    out = []
    for q in quantiles:
        position = q * last
        below = np.floor(position).astype(np.intp)
        above = np.minimum(below + 1, last)
        low = np.take_along_axis(ordered, below[None], axis=0)[0]
        high = np.take_along_axis(ordered, above[None], axis=0)[0]
        out.append(np.where(valid > 0, low + (high - low) * (position - below), np.nan))
    return out
