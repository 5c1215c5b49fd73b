"""What an index is made of: indicators → sub-dimensions → dimensions, each on its own scale.

PAPI's shape: a dimension scores 1–10 and is the sum of its sub-dimensions (a four-part dimension
0.25–2.5 each, a three-part one 0.33–3.33); indicators are answers to questions, brought onto
0–1 by a rule of their own and averaged, with weights, into their sub-dimension.
"""

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

HIGHER = "higher"  # a larger answer is better
LOWER = "lower"  # a smaller answer is better (waiting time, informal payments)
DIRECTIONS = (HIGHER, LOWER)

SCALE = "scale"  # a number between two goalposts (low, high); without them, the data's min–max
LIKERT = "likert"  # 1..points
BINARY = "binary"  # 0 (or below) = no, above 0 = yes: monotone, like every other rule
KINDS = (SCALE, LIKERT, BINARY)


class SpecError(ValueError):
    """An index description that cannot be computed, with a message naming the culprit."""


@dataclass(frozen=True)
class Indicator:
    code: str
    subdimension: str
    kind: str = SCALE
    direction: str = HIGHER
    low: float | None = None
    high: float | None = None
    points: int | None = None
    weight: float = 1.0

    def check(self) -> None:
        if self.kind not in KINDS:
            raise SpecError(f"indicator {self.code}: kind must be one of {', '.join(KINDS)}")
        if self.direction not in DIRECTIONS:
            raise SpecError(f"indicator {self.code}: direction must be higher or lower")
        if not (math.isfinite(self.weight) and self.weight > 0):
            raise SpecError(f"indicator {self.code}: weight must be a positive number")
        if self.kind == LIKERT and (self.points is None or self.points < 2):
            raise SpecError(f"indicator {self.code}: a Likert scale needs at least 2 points")
        if self.kind == SCALE and (self.low is None) != (self.high is None):
            raise SpecError(f"indicator {self.code}: give both goalposts (low, high) or neither")
        if self.kind == SCALE and self.low is not None and not self.low < self.high:
            raise SpecError(f"indicator {self.code}: low goalpost must be below the high one")

    @property
    def goalposts(self) -> tuple[float, float] | None:
        """The answer scale's ends, or None when the data's own min and max are to be used."""
        if self.kind == LIKERT:
            return 1.0, float(self.points)
        if self.kind == BINARY:
            return 0.0, 1.0
        return None if self.low is None else (float(self.low), float(self.high))


@dataclass(frozen=True)
class SubDimension:
    code: str
    dimension: str
    low: float
    high: float


@dataclass(frozen=True)
class Dimension:
    code: str
    low: float
    high: float


@dataclass(frozen=True)
class IndexSpec:
    """An index: its indicators (in the column order of the answer matrix), sub-dimensions and
    dimensions. Validated on creation; the matrices the computation needs are derived once."""

    indicators: tuple[Indicator, ...]
    subdimensions: tuple[SubDimension, ...]
    dimensions: tuple[Dimension, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "indicators", tuple(self.indicators))
        object.__setattr__(self, "subdimensions", tuple(self.subdimensions))
        object.__setattr__(self, "dimensions", tuple(self.dimensions))
        _check_unique("indicator", [i.code for i in self.indicators])
        _check_unique("sub-dimension", [s.code for s in self.subdimensions])
        _check_unique("dimension", [d.code for d in self.dimensions])
        if not self.indicators:
            raise SpecError("an index needs at least one indicator")
        dimension_codes = {d.code for d in self.dimensions}
        subdimension_codes = {s.code for s in self.subdimensions}
        for level, code, low, high in self._ranges():
            if not (math.isfinite(low) and math.isfinite(high) and low < high):
                raise SpecError(f"{level} {code}: its minimum must be below its maximum")
        for sub in self.subdimensions:
            if sub.dimension not in dimension_codes:
                raise SpecError(f"sub-dimension {sub.code}: no dimension {sub.dimension}")
        for indicator in self.indicators:
            indicator.check()
            if indicator.subdimension not in subdimension_codes:
                raise SpecError(
                    f"indicator {indicator.code}: no sub-dimension {indicator.subdimension}"
                )

    def _ranges(self):
        for sub in self.subdimensions:
            yield "sub-dimension", sub.code, float(sub.low), float(sub.high)
        for dim in self.dimensions:
            yield "dimension", dim.code, float(dim.low), float(dim.high)

    @classmethod
    def from_dict(cls, data: dict) -> "IndexSpec":
        """{"dimensions": [{"code", "low", "high", "subdimensions": [{"code", "low", "high",
        "indicators": [{"code", "kind", "direction", "low", "high", "points", "weight"}]}]}]}"""
        dimensions, subdimensions, indicators = [], [], []
        for dim in data.get("dimensions", []):
            dimensions.append(Dimension(dim["code"], dim["low"], dim["high"]))
            for sub in dim.get("subdimensions", []):
                subdimensions.append(
                    SubDimension(sub["code"], dim["code"], sub["low"], sub["high"])
                )
                for ind in sub.get("indicators", []):
                    indicators.append(Indicator(subdimension=sub["code"], **ind))
        return cls(tuple(indicators), tuple(subdimensions), tuple(dimensions))

    @property
    def indicator_codes(self) -> list[str]:
        return [i.code for i in self.indicators]

    @property
    def subdimension_codes(self) -> list[str]:
        return [s.code for s in self.subdimensions]

    @property
    def dimension_codes(self) -> list[str]:
        return [d.code for d in self.dimensions]

    @cached_property
    def subdimension_of_indicator(self) -> np.ndarray:
        index = {s.code: k for k, s in enumerate(self.subdimensions)}
        return np.array([index[i.subdimension] for i in self.indicators], dtype=np.intp)

    @cached_property
    def indicator_weights(self) -> np.ndarray:
        return np.array([i.weight for i in self.indicators], dtype=float)

    def membership(self, weights: np.ndarray | None = None) -> np.ndarray:
        """indicators × sub-dimensions: the indicator's weight in its own column, 0 elsewhere.
        Weights need not sum to 1: they are renormalised over the indicators a respondent
        answered, so only their ratios within a sub-dimension matter."""
        weights = self.indicator_weights if weights is None else weights
        matrix = np.zeros((len(self.indicators), len(self.subdimensions)))
        matrix[np.arange(len(self.indicators)), self.subdimension_of_indicator] = weights
        return matrix

    @cached_property
    def subdimension_low(self) -> np.ndarray:
        return np.array([s.low for s in self.subdimensions], dtype=float)

    @cached_property
    def subdimension_span(self) -> np.ndarray:
        return np.array([s.high - s.low for s in self.subdimensions], dtype=float)

    @cached_property
    def dimension_low(self) -> np.ndarray:
        return np.array([d.low for d in self.dimensions], dtype=float)

    @cached_property
    def dimension_span(self) -> np.ndarray:
        return np.array([d.high - d.low for d in self.dimensions], dtype=float)

    @cached_property
    def subdimension_to_dimension(self) -> np.ndarray:
        """sub-dimensions × dimensions: each sub-dimension's span in its dimension's column.
        A sub-dimension counts in its dimension in proportion to its range, so with every part
        present the dimension is exactly the sum of its sub-dimension scores."""
        index = {d.code: k for k, d in enumerate(self.dimensions)}
        matrix = np.zeros((len(self.subdimensions), len(self.dimensions)))
        for row, sub in enumerate(self.subdimensions):
            matrix[row, index[sub.dimension]] = sub.high - sub.low
        return matrix

    @property
    def total_low(self) -> float:
        return float(self.dimension_low.sum())

    @property
    def total_high(self) -> float:
        return float((self.dimension_low + self.dimension_span).sum())


def _check_unique(level: str, codes: list[str]) -> None:
    seen = set()
    for code in codes:
        if code in seen:
            raise SpecError(f"{level} code {code} appears twice")
        seen.add(code)
