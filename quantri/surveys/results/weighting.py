"""Respondent weights that bring the sample to the population's profile.

Margins are the population's shares per category of each variable (sex, age group, area),
given by the user. Two methods:

- Post-stratification: cells are the combinations of the variables' categories; a cell's
  population share is the product of its margins (the variables are taken as independent,
  since only margins are known); each respondent's weight is the cell's population share
  over its share of the sample. A cell with population but no respondent cannot be weighted:
  an error names it (merge categories, or rake instead).
- Raking (iterative proportional fitting): weights are scaled to each variable's margins in
  turn until every weighted share is within `tolerance` of its margin, at most
  `max_iterations` rounds. A category with a population share but no respondent is an error.

Respondents missing a weighting variable, or in a category the margins do not list, cannot
be placed: they keep weight 1 and are counted. Placed respondents' weights average 1.
"""

from collections import Counter
from dataclasses import dataclass

import numpy as np

NONE = "none"
POST_STRATIFICATION = "poststratification"
RAKING = "raking"
SUM_TOLERANCE = 0.01


MESSAGES = {
    "share_range": "{variable}: every share must be above 0 and at most 1",
    "share_sum": "{variable}: the shares add up to {total:.1%}, not 100%",
    "empty_cell": "no respondent in the cell {cell}: merge categories or use raking",
    "empty_category": (
        "no respondent has {category}, which the margins give {share:.1%} of the population: "
        "merge it with another category or remove it"
    ),
    "no_convergence": (
        "raking did not reach the margins within {iterations} rounds (largest gap {gap:.4f}): "
        "check that the margins are consistent"
    ),
    "method": "unknown weighting method {method}",
}


class WeightingError(ValueError):
    """Margins or a sample that cannot be weighted. `code` and `params` let the caller word
    the message in the reader's language; str() gives it in English."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(MESSAGES[code].format(**params))


@dataclass
class Weights:
    values: list[float]
    placed: int
    unplaced: int
    iterations: int = 0


def _default_describe(variable: str, category: str | None = None) -> str:
    return variable if category is None else f"{variable} = {category}"


def check_margins(margins: dict, describe=_default_describe) -> dict:
    """Margins {variable: {category: share}} with each variable's shares summing to 1 (within
    1%), rescaled to exactly 1; WeightingError otherwise."""
    clean = {}
    for variable, shares in margins.items():
        if not shares:
            continue
        if any(not (0 < float(s) <= 1) for s in shares.values()):
            raise WeightingError("share_range", variable=describe(variable))
        total = sum(float(s) for s in shares.values())
        if abs(total - 1) > SUM_TOLERANCE:
            raise WeightingError("share_sum", variable=describe(variable), total=total)
        clean[variable] = {category: float(s) / total for category, s in shares.items()}
    return clean


def weigh(method: str, profiles: list[dict], margins: dict, describe=_default_describe) -> Weights:
    if method == NONE or not margins:
        return Weights([1.0] * len(profiles), placed=0, unplaced=len(profiles))
    if method == POST_STRATIFICATION:
        return post_stratify(profiles, margins, describe)
    if method == RAKING:
        return rake(profiles, margins, describe=describe)
    raise WeightingError("method", method=method)


def _placed(profiles: list[dict], margins: dict) -> list[int]:
    return [
        row
        for row, profile in enumerate(profiles)
        if all(profile.get(v) in categories for v, categories in margins.items())
    ]


def _finish(profiles: list[dict], placed: list[int], values, iterations: int = 0) -> Weights:
    weights = [1.0] * len(profiles)
    values = np.asarray(values, dtype=float)
    if placed:
        values = values / values.mean()
        for row, value in zip(placed, values, strict=True):
            weights[row] = float(value)
    return Weights(weights, len(placed), len(profiles) - len(placed), iterations)


def post_stratify(profiles: list[dict], margins: dict, describe=_default_describe) -> Weights:
    margins = check_margins(margins, describe)
    variables = sorted(margins)
    placed = _placed(profiles, margins)
    cells = [tuple(profiles[row][v] for v in variables) for row in placed]
    counts = Counter(cells)
    for cell in _all_cells(margins, variables):
        if counts[cell] == 0:
            named = ", ".join(describe(v, c) for v, c in zip(variables, cell, strict=True))
            raise WeightingError("empty_cell", cell=named)
    values = [_population_share(margins, variables, cell) * len(placed) / counts[cell]
              for cell in cells]  # fmt: skip
    return _finish(profiles, placed, values)


def _all_cells(margins: dict, variables: list[str]) -> list[tuple]:
    cells: list[tuple] = [()]
    for variable in variables:
        cells = [cell + (category,) for cell in cells for category in margins[variable]]
    return cells


def _population_share(margins: dict, variables: list[str], cell: tuple) -> float:
    share = 1.0
    for variable, category in zip(variables, cell, strict=True):
        share *= margins[variable][category]
    return share


def rake(
    profiles: list[dict],
    margins: dict,
    *,
    tolerance: float = 1e-6,
    max_iterations: int = 100,
    describe=_default_describe,
) -> Weights:
    margins = check_margins(margins, describe)
    placed = _placed(profiles, margins)
    members = {}
    for variable, categories in margins.items():
        for category in categories:
            mask = np.array([profiles[row][variable] == category for row in placed], dtype=bool)
            if not mask.any():
                raise WeightingError(
                    "empty_category",
                    category=describe(variable, category),
                    share=categories[category],
                )
            members[variable, category] = mask
    weights = np.ones(len(placed))
    for iteration in range(1, max_iterations + 1):
        for (variable, category), mask in members.items():
            weights[mask] *= margins[variable][category] / (weights[mask].sum() / weights.sum())
        gap = max(
            abs(weights[mask].sum() / weights.sum() - margins[variable][category])
            for (variable, category), mask in members.items()
        )
        if gap < tolerance:
            return _finish(profiles, placed, weights, iteration)
    raise WeightingError("no_convergence", iterations=max_iterations, gap=gap)
