"""Survey results without the database: shares satisfied with their intervals, respondent
weights, and CSV/XLSX tables. quantri.surveys.loading feeds it from the models."""

from quantri.surveys.results.intervals import (
    ShareEstimate,
    kish_effective_size,
    share_estimate,
    wilson_interval,
)
from quantri.surveys.results.shares import (
    ALL_UNITS,
    OVERALL,
    PERIODS,
    Item,
    Respondent,
    ResultRow,
    period_of,
    question_table,
    satisfaction_table,
)
from quantri.surveys.results.weighting import (
    WeightingError,
    Weights,
    post_stratify,
    rake,
    weigh,
)

__all__ = [
    "ALL_UNITS",
    "OVERALL",
    "PERIODS",
    "Item",
    "Respondent",
    "ResultRow",
    "ShareEstimate",
    "WeightingError",
    "Weights",
    "kish_effective_size",
    "period_of",
    "post_stratify",
    "question_table",
    "rake",
    "satisfaction_table",
    "share_estimate",
    "weigh",
    "wilson_interval",
]
