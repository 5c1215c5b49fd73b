"""Index scores of a survey whose questions are mapped to indicators: scores per unit on the
framework's scales (PAPI: dimensions 1–10), bootstrap 95% intervals and how the units' ranks
move under other weights. The maths is the engine's (quantri.surveys.engine)."""

from dataclasses import dataclass

from quantri.surveys.engine import bootstrap_units, rank_sensitivity
from quantri.surveys.loading import load_index_data
from quantri.surveys.models import Survey

REPLICATES = 1000
WEIGHT_SAMPLES = 200


@dataclass
class Column:
    code: str
    name: str
    level: str  # "dimension", "subdimension" or "total"


@dataclass
class SurveyIndex:
    columns: list[Column]
    rows: list[dict]  # {"unit", "name", "respondents", "cells": [{"score", "lower", "upper"}]}
    ranks: list[dict]  # sensitivity records, with the unit's name
    replicates: int
    samples: int


def survey_index(survey: Survey) -> SurveyIndex | None:
    """None when no question feeds an indicator or nobody has answered yet."""
    data = load_index_data(survey)
    if data is None or not data.units:
        return None
    # The seed is the survey's: the same data gives the same intervals on every visit.
    result = bootstrap_units(
        data.spec, data.answers, data.units, data.weights, replicates=REPLICATES, seed=survey.pk
    )
    columns = [Column("total", "", "total")]
    for code in data.spec.dimension_codes:
        columns.append(Column(code, data.dimension_names[code], "dimension"))
    for code in data.spec.subdimension_codes:
        columns.append(Column(code, data.subdimension_names[code], "subdimension"))
    rows = []
    for record in result.records(data.spec):
        cells = [record["total"]]
        cells += [record["dimensions"][c.code] for c in columns if c.level == "dimension"]
        cells += [record["subdimensions"][c.code] for c in columns if c.level == "subdimension"]
        rows.append(
            {
                "unit": record["unit"],
                "name": data.unit_names.get(record["unit"], record["unit"]),
                "respondents": record["respondents"],
                "cells": cells,
            }
        )
    sensitivity = rank_sensitivity(
        data.spec, data.answers, data.units, data.weights, samples=WEIGHT_SAMPLES, seed=survey.pk
    )
    ranks = [
        {**record, "name": data.unit_names.get(record["unit"], record["unit"])}
        for record in sensitivity.records()
    ]
    return SurveyIndex(columns, rows, ranks, REPLICATES, WEIGHT_SAMPLES)
