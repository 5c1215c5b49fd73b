"""Hypothesis strategies: small random indices (1–3 dimensions of 1–3 sub-dimensions of 1–3
indicators of every kind) and survey data that fits them, with missing answers."""

import math
from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from quantri.surveys.engine import IndexSpec

UNITS = ["A", "B", "C"]


@st.composite
def ranges(draw, *, low_max: float = 5.0):
    low = draw(st.floats(0, low_max, allow_nan=False))
    return low, low + draw(st.floats(0.5, 10, allow_nan=False))


@st.composite
def indicators(draw, code: str) -> dict:
    kind = draw(st.sampled_from(["likert", "binary", "scale"]))
    indicator = {
        "code": code,
        "kind": kind,
        "direction": draw(st.sampled_from(["higher", "lower"])),
        "weight": draw(st.floats(0.1, 10, allow_nan=False)),
    }
    if kind == "likert":
        indicator["points"] = draw(st.integers(2, 7))
    elif kind == "scale":
        indicator["low"], indicator["high"] = draw(ranges(low_max=50))
    return indicator


@st.composite
def specs(draw) -> IndexSpec:
    dimensions = []
    for d in range(draw(st.integers(1, 3))):
        low, high = draw(ranges())
        subs = []
        for s in range(draw(st.integers(1, 3))):
            sub_low, sub_high = draw(ranges())
            count = draw(st.integers(1, 3))
            subs.append(
                {
                    "code": f"{d}.{s}",
                    "low": sub_low,
                    "high": sub_high,
                    "indicators": [draw(indicators(f"q{d}{s}{k}")) for k in range(count)],
                }
            )
        dimensions.append({"code": str(d), "low": low, "high": high, "subdimensions": subs})
    return IndexSpec.from_dict({"dimensions": dimensions})


def answer_values(indicator):
    if indicator.kind == "likert":
        return st.integers(1, indicator.points).map(float)
    if indicator.kind == "binary":
        return st.sampled_from([0.0, 1.0])
    # A little beyond the goalposts too: such answers are clipped.
    span = indicator.high - indicator.low
    return st.floats(indicator.low - span / 4, indicator.high + span / 4, allow_nan=False)


@dataclass
class Survey:
    spec: IndexSpec
    answers: np.ndarray
    units: list[str]
    weights: np.ndarray


@st.composite
def surveys(draw, *, min_respondents: int = 1, missing: bool = True) -> Survey:
    spec = draw(specs())
    n = draw(st.integers(min_respondents, 12))
    rows = []
    for _ in range(n):
        row = []
        for indicator in spec.indicators:
            skipped = missing and draw(st.integers(0, 4)) == 0
            row.append(math.nan if skipped else draw(answer_values(indicator)))
        rows.append(row)
    units = draw(st.lists(st.sampled_from(UNITS), min_size=n, max_size=n))
    weights = draw(st.lists(st.floats(0.1, 5, allow_nan=False), min_size=n, max_size=n))
    return Survey(spec, np.array(rows, dtype=float), units, np.array(weights))
