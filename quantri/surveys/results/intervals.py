"""Shares with 95% confidence intervals.

Unweighted: the Wilson score interval, which stays inside 0–100% and behaves with small
samples and shares near 0 or 1 (where the textbook p ± 1.96·√(p(1−p)/n) fails).

Weighted: weights make the sample worth fewer independent answers than it has. The interval is
Wilson's with n replaced by Kish's effective sample size n_eff = (Σw)² / Σw² and p by the
weighted share — the usual design-effect correction for unequal weights (it ignores clustering
and the variance the weighting itself removes, so it errs on the wide side).
"""

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class ShareEstimate:
    share: float | None  # 0–1; None with no respondent
    low: float | None
    high: float | None
    respondents: int  # answers counted
    effective: float  # Kish's effective sample size (= respondents when unweighted)


def wilson_interval(successes: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a share successes/n (n may be fractional: effective n)."""
    if n <= 0:
        raise ValueError("n must be positive")
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def kish_effective_size(weights) -> float:
    total = sum(weights)
    squares = sum(w * w for w in weights)
    return total * total / squares if squares > 0 else 0.0


def share_estimate(outcomes, weights=None) -> ShareEstimate:
    """Share of True among outcomes, with its interval; weights, if given, one per outcome."""
    outcomes = list(outcomes)
    n = len(outcomes)
    if n == 0:
        return ShareEstimate(None, None, None, 0, 0.0)
    if weights is None:
        successes = sum(1 for o in outcomes if o)
        low, high = wilson_interval(successes, n)
        return ShareEstimate(successes / n, low, high, n, float(n))
    weights = list(weights)
    total = sum(weights)
    if total <= 0:
        return ShareEstimate(None, None, None, n, 0.0)
    share = sum(w for o, w in zip(outcomes, weights, strict=True) if o) / total
    effective = kish_effective_size(weights)
    low, high = wilson_interval(share * effective, effective)
    return ShareEstimate(share, low, high, n, effective)
