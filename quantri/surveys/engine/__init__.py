"""The index engine: survey answers → indicators → sub-dimensions → dimensions → total, per
unit, with bootstrap intervals and a weight-sensitivity view. Plain Python and numpy, no
Django: the survey app feeds it arrays and reads arrays back.

Modelled on COINr's design (normalise, aggregate, test the result's uncertainty); see
scores.py for the method, bootstrap.py for the intervals, sensitivity.py for the ranks.
"""

from quantri.surveys.engine.bootstrap import IndexResult, bootstrap_units
from quantri.surveys.engine.scores import EngineError, Estimate, UnitScores, score_units
from quantri.surveys.engine.sensitivity import (
    Sensitivity,
    normalised_weights,
    rank_sensitivity,
    rank_units,
)
from quantri.surveys.engine.spec import (
    BINARY,
    HIGHER,
    LIKERT,
    LOWER,
    SCALE,
    Dimension,
    IndexSpec,
    Indicator,
    SpecError,
    SubDimension,
)

__all__ = [
    "BINARY",
    "HIGHER",
    "LIKERT",
    "LOWER",
    "SCALE",
    "Dimension",
    "EngineError",
    "Estimate",
    "IndexResult",
    "IndexSpec",
    "Indicator",
    "Sensitivity",
    "SpecError",
    "SubDimension",
    "UnitScores",
    "bootstrap_units",
    "normalised_weights",
    "rank_sensitivity",
    "rank_units",
    "score_units",
]
