"""Point scores: normalise answers, average them into sub-dimensions per respondent, then per
unit (weighted by respondent), then roll sub-dimensions up into dimensions and a total.

Method (after COINr's normalise → aggregate steps, written for respondent data):

1. Normalise. Each answer becomes a position in [0, 1] by its indicator's rule: SCALE is
   min–max between the indicator's goalposts (the data's min and max when none are given —
   COINr's default, but then a respondent's answer moves everyone's position, so declare
   goalposts where the scale is known), LIKERT is (x − 1)/(points − 1), BINARY is 1 above 0
   and 0 otherwise; LOWER-is-better indicators are flipped (1 − position). Values outside the
   goalposts are clipped. A missing answer (NaN) stays missing.
2. Respondent → sub-dimension: the weighted mean of the positions of the indicators the
   respondent answered, weights renormalised over those answered. No answer in a
   sub-dimension: the respondent has no value there (missing, not zero).
3. Unit → sub-dimension: the respondent-weighted mean over the unit's respondents who have a
   value; none: missing. Score = low + (high − low) × position.
4. Dimension: low + (high − low) × the mean of its present sub-dimensions' positions weighted
   by their ranges. With every sub-dimension present this is exactly PAPI's sum of the
   sub-dimension scores; a missing one is left out rather than counted as its minimum, and
   with none present the dimension is missing. The total is built from the dimensions the
   same way (the sum of the dimensions when all are present).
"""

from dataclasses import dataclass

import numpy as np

from quantri.surveys.engine.spec import BINARY, LOWER, IndexSpec, SpecError


class EngineError(ValueError):
    """Input the engine cannot score (wrong shapes, negative weights…), named precisely."""


@dataclass
class Estimate:
    """Scores per unit: sub-dimensions and dimensions in the spec's order, then the total.
    Arrays may carry leading axes (bootstrap replicates); NaN means missing."""

    subdimensions: np.ndarray  # (..., units, sub-dimensions)
    dimensions: np.ndarray  # (..., units, dimensions)
    total: np.ndarray  # (..., units)


@dataclass(frozen=True)
class Grouping:
    """Respondents grouped by unit, rows sorted so each unit is one contiguous block."""

    labels: list
    order: np.ndarray  # respondent rows, unit by unit
    starts: np.ndarray  # first position in `order` of each unit's block
    counts: np.ndarray  # respondents per unit

    @classmethod
    def of(cls, units) -> "Grouping":
        labels, inverse = np.unique(
            np.asarray(units, dtype=object).astype(str), return_inverse=True
        )
        order = np.argsort(inverse, kind="stable")
        counts = np.bincount(inverse, minlength=len(labels))
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.intp)
        return cls(
            labels=[str(label) for label in labels], order=order, starts=starts, counts=counts
        )

    def rows(self, unit: int) -> np.ndarray:
        return self.order[self.starts[unit] : self.starts[unit] + self.counts[unit]]

    def sums(self, values: np.ndarray) -> np.ndarray:
        """Column sums per unit: (respondents, k) → (units, k)."""
        return np.add.reduceat(values[self.order], self.starts, axis=0)


def check_inputs(spec: IndexSpec, answers, units, weights=None):
    """The answer matrix (respondents × indicators, NaN = missing), unit labels and respondent
    weights as arrays, or EngineError naming what does not fit."""
    answers = np.asarray(answers, dtype=float)
    if answers.ndim != 2 or answers.shape[1] != len(spec.indicators):
        raise EngineError(
            f"answers must be a respondents × {len(spec.indicators)} indicators matrix, "
            f"got shape {answers.shape}"
        )
    if answers.shape[0] == 0:
        raise EngineError("there are no respondents to score")
    if np.isinf(answers).any():
        raise EngineError("answers contain an infinite value")
    if len(units) != answers.shape[0]:
        raise EngineError(f"{len(units)} unit labels for {answers.shape[0]} respondents")
    weights = np.ones(answers.shape[0]) if weights is None else np.asarray(weights, dtype=float)
    if weights.shape != (answers.shape[0],):
        raise EngineError(f"{weights.shape[0]} weights for {answers.shape[0]} respondents")
    if not np.isfinite(weights).all() or (weights < 0).any():
        raise EngineError("respondent weights must be finite and not negative")
    return answers, units, weights


def normalise(spec: IndexSpec, answers: np.ndarray) -> np.ndarray:
    """Answers → positions in [0, 1], by each indicator's rule (see the module docstring)."""
    low, high = _goalposts(spec, answers)
    span = np.where(high > low, high - low, 1.0)
    with np.errstate(invalid="ignore"):
        positions = np.clip((answers - low) / span, 0.0, 1.0)
    # A data-driven column holding one single value tells nothing apart: the middle.
    positions[:, high <= low] = 0.5
    binary = np.array([i.kind == BINARY for i in spec.indicators])
    positions[:, binary] = (answers[:, binary] > 0).astype(float)
    lower = np.array([i.direction == LOWER for i in spec.indicators])
    positions[:, lower] = 1.0 - positions[:, lower]
    positions[np.isnan(answers)] = np.nan
    return positions


def _goalposts(spec: IndexSpec, answers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    low = np.empty(len(spec.indicators))
    high = np.empty(len(spec.indicators))
    for column, indicator in enumerate(spec.indicators):
        posts = indicator.goalposts
        if posts is None:
            observed = answers[:, column]
            observed = observed[~np.isnan(observed)]
            posts = (observed.min(), observed.max()) if observed.size else (0.0, 0.0)
        low[column], high[column] = posts
    return low, high


def respondent_positions(
    spec: IndexSpec, positions: np.ndarray, indicator_weights: np.ndarray | None = None
) -> np.ndarray:
    """Per respondent and sub-dimension: weighted mean of the answered indicators' positions,
    weights renormalised over those answered; NaN when none was answered."""
    membership = spec.membership(indicator_weights)
    answered = ~np.isnan(positions)
    numerator = np.where(answered, positions, 0.0) @ membership
    denominator = answered @ membership
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def unit_positions(respondent: np.ndarray, weights: np.ndarray, grouping: Grouping) -> np.ndarray:
    """Per unit and sub-dimension: respondent-weighted mean over those with a value."""
    present = ~np.isnan(respondent)
    weighted = np.where(present, respondent, 0.0) * weights[:, None]
    numerator = grouping.sums(weighted)
    denominator = grouping.sums(present * weights[:, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def roll_up(spec: IndexSpec, positions: np.ndarray) -> Estimate:
    """Sub-dimension positions (..., units, sub-dimensions) → scores at every level."""
    subdimensions = spec.subdimension_low + spec.subdimension_span * positions
    dimension_positions = _weighted_present_mean(positions, spec.subdimension_to_dimension)
    dimensions = spec.dimension_low + spec.dimension_span * dimension_positions
    total_position = _weighted_present_mean(dimension_positions, spec.dimension_span[:, None])
    total = spec.total_low + (spec.total_high - spec.total_low) * total_position[..., 0]
    return Estimate(
        subdimensions=_clip(subdimensions, spec.subdimension_low, spec.subdimension_span),
        dimensions=_clip(dimensions, spec.dimension_low, spec.dimension_span),
        total=np.clip(total, spec.total_low, spec.total_high),
    )


def _weighted_present_mean(positions: np.ndarray, weights: np.ndarray) -> np.ndarray:
    present = ~np.isnan(positions)
    numerator = np.where(present, positions, 0.0) @ weights
    denominator = present @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def _clip(scores: np.ndarray, low: np.ndarray, span: np.ndarray) -> np.ndarray:
    # Rounding can step a hair outside the range; the range is a promise to the reader.
    return np.clip(scores, low, low + span)


@dataclass
class UnitScores:
    units: list
    respondents: np.ndarray  # respondents per unit
    estimate: Estimate


def score_units(spec: IndexSpec, answers, units, weights=None) -> UnitScores:
    """Scores per unit (no intervals): the point estimates of bootstrap_units."""
    answers, units, weights = check_inputs(spec, answers, units, weights)
    grouping = Grouping.of(units)
    respondent = respondent_positions(spec, normalise(spec, answers))
    positions = unit_positions(respondent, weights, grouping)
    return UnitScores(grouping.labels, grouping.counts, roll_up(spec, positions))


__all__ = ["EngineError", "Estimate", "Grouping", "SpecError", "UnitScores", "score_units"]
