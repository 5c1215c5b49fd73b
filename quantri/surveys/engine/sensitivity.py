"""How the ranking of units moves when the indicator weights change.

Weights are a judgement; a ranking that holds only under one set of weights says little. Units
are ranked (1 = best) under the nominal weights, under equal weights, and under `samples`
random weight sets drawn, within each sub-dimension, from a Dirichlet distribution centred on
the nominal weights (concentration 1 with equal nominal weights is uniform over all weightings;
a larger concentration stays closer to the nominal). Reported per unit: the nominal rank, the
rank under equal weights, the median and 5–95% range of ranks, the largest shift from the
nominal rank, and how often each rank occurred. Ties share the best rank; a unit whose score is
missing has no rank.
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


@dataclass
class Sensitivity:
    units: list
    nominal_rank: np.ndarray  # (units,), NaN when the unit has no score
    equal_rank: np.ndarray
    ranks: np.ndarray  # (samples, units)

    @property
    def samples(self) -> int:
        return self.ranks.shape[0]

    def median_rank(self) -> np.ndarray:
        return _nan_quantile(self.ranks, 0.5)

    def rank_range(self, low: float = 0.05, high: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        return _nan_quantile(self.ranks, low), _nan_quantile(self.ranks, high)

    def max_shift(self) -> np.ndarray:
        every = np.vstack([self.ranks, self.equal_rank[None, :]])
        shifts = np.abs(every - self.nominal_rank[None, :])
        # fmax skips NaN without the all-NaN warning nanmax gives for an unranked unit.
        return np.where(np.isnan(self.nominal_rank), np.nan, np.fmax.reduce(shifts, axis=0))

    def rank_frequencies(self) -> np.ndarray:
        """(units, ranks): share of weight samples in which a unit held rank k+1."""
        size = len(self.units)
        table = np.zeros((size, size))
        for unit in range(size):
            ranks = self.ranks[:, unit]
            ranks = ranks[~np.isnan(ranks)].astype(int)
            if ranks.size:
                table[unit] = np.bincount(ranks - 1, minlength=size)[:size] / self.samples
        return table

    def records(self) -> list[dict]:
        median, (low, high), shift = self.median_rank(), self.rank_range(), self.max_shift()
        return [
            {
                "unit": unit,
                "nominal_rank": _int_or_none(self.nominal_rank[k]),
                "equal_weights_rank": _int_or_none(self.equal_rank[k]),
                "median_rank": _float_or_none(median[k]),
                "rank_5": _float_or_none(low[k]),
                "rank_95": _float_or_none(high[k]),
                "max_shift": _int_or_none(shift[k]),
            }
            for k, unit in enumerate(self.units)
        ]


def normalised_weights(spec: IndexSpec, weights: np.ndarray | None = None) -> np.ndarray:
    """Indicator weights scaled to sum to 1 within each sub-dimension."""
    weights = spec.indicator_weights if weights is None else np.asarray(weights, dtype=float)
    group = spec.subdimension_of_indicator
    totals = np.bincount(group, weights=weights, minlength=len(spec.subdimensions))
    return weights / totals[group]


def dirichlet_weights(
    spec: IndexSpec, rng: np.random.Generator, samples: int, concentration: float = 1.0
) -> np.ndarray:
    """(samples, indicators) random weights, summing to 1 within each sub-dimension, centred
    on the nominal weights. Gamma draws normalised per group are a Dirichlet draw per group."""
    nominal = normalised_weights(spec)
    group = spec.subdimension_of_indicator
    group_size = np.bincount(group, minlength=len(spec.subdimensions))[group]
    alpha = concentration * group_size * nominal
    draws = rng.gamma(alpha, size=(samples, alpha.size))
    totals = np.zeros((samples, len(spec.subdimensions)))
    for column, target in enumerate(group):
        totals[:, target] += draws[:, column]
    return draws / totals[:, group]


def rank_units(scores: np.ndarray) -> np.ndarray:
    """Rank along the last axis, 1 = highest; ties share the best rank; NaN stays NaN."""
    above = (scores[..., None, :] > scores[..., :, None]).sum(axis=-1)
    return np.where(np.isnan(scores), np.nan, above + 1.0)


def rank_sensitivity(
    spec: IndexSpec,
    answers,
    units,
    weights=None,
    *,
    samples: int = 200,
    seed: int | None = None,
    concentration: float = 1.0,
    score: str = "total",
) -> Sensitivity:
    """Ranks of units on `score` ("total", a dimension or a sub-dimension code) under the
    nominal, equal and `samples` random indicator weightings (see the module doc)."""
    if samples < 1 or not concentration > 0:
        raise EngineError("samples must be at least 1 and the concentration positive")
    answers, units, respondent_weights = check_inputs(spec, answers, units, weights)
    picker = _picker(spec, score)
    grouping = Grouping.of(units)
    positions = normalise(spec, answers)

    def ranks_under(indicator_weights: np.ndarray) -> np.ndarray:
        respondent = respondent_positions(spec, positions, indicator_weights)
        estimate = roll_up(spec, unit_positions(respondent, respondent_weights, grouping))
        return rank_units(picker(estimate))

    rng = np.random.default_rng(seed)
    draws = dirichlet_weights(spec, rng, samples, concentration)
    return Sensitivity(
        units=grouping.labels,
        nominal_rank=ranks_under(spec.indicator_weights),
        equal_rank=ranks_under(np.ones(len(spec.indicators))),
        ranks=np.vstack([ranks_under(row) for row in draws]),
    )


def _picker(spec: IndexSpec, score: str):
    if score == "total":
        return lambda estimate: estimate.total
    if score in spec.dimension_codes:
        column = spec.dimension_codes.index(score)
        return lambda estimate: estimate.dimensions[:, column]
    if score in spec.subdimension_codes:
        column = spec.subdimension_codes.index(score)
        return lambda estimate: estimate.subdimensions[:, column]
    raise EngineError(f"no score {score}: use total, a dimension or a sub-dimension code")


def _nan_quantile(ranks: np.ndarray, q: float) -> np.ndarray:
    out = np.full(ranks.shape[1], np.nan)
    for unit in range(ranks.shape[1]):
        column = ranks[:, unit][~np.isnan(ranks[:, unit])]
        if column.size:
            out[unit] = np.quantile(column, q)
    return out


def _int_or_none(value) -> int | None:
    return None if np.isnan(value) else int(value)


def _float_or_none(value) -> float | None:
    return None if np.isnan(value) else float(value)


__all__ = ["Estimate", "Sensitivity", "rank_sensitivity"]
