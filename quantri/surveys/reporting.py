"""Survey results as pages, exports and the API show them: labelled rows, in percent."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from quantri.surveys.loading import load_survey_data
from quantri.surveys.models import Survey
from quantri.surveys.results import (
    ALL_UNITS,
    OVERALL,
    ShareEstimate,
    question_table,
    satisfaction_table,
)
from quantri.surveys.results.export import to_csv, to_xlsx


def percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


@dataclass(frozen=True)
class ResultLine:
    unit: str  # unit code, "" for every unit together
    unit_name: str
    period: str
    element: str
    element_label: str
    estimate: ShareEstimate

    @property
    def share(self) -> float | None:
        return percent(self.estimate.share)

    @property
    def low(self) -> float | None:
        return percent(self.estimate.low)

    @property
    def high(self) -> float | None:
        return percent(self.estimate.high)


@dataclass(frozen=True)
class QuestionLine:
    label: str
    estimate: ShareEstimate

    share = property(lambda self: percent(self.estimate.share))
    low = property(lambda self: percent(self.estimate.low))
    high = property(lambda self: percent(self.estimate.high))


@dataclass
class SurveyResults:
    survey: Survey
    period: str
    weighted: bool
    weighting_error: str
    unplaced: int
    respondents: int
    lines: list[ResultLine]
    questions: list[QuestionLine]
    units: dict[str, str]

    def lines_for(self, unit: str = ALL_UNITS) -> list[ResultLine]:
        return [line for line in self.lines if line.unit == unit]

    def periods(self) -> list[str]:
        return sorted({line.period for line in self.lines})


def survey_results(
    survey: Survey, *, period: str = "all", unit_code: str = "", weighted: bool = True
) -> SurveyResults:
    data = load_survey_data(survey, unit_code=unit_code)
    use_weights = weighted and data.weighted
    elements = dict(data.elements)
    labels = {**elements, OVERALL: _("Overall satisfaction")}
    rows = satisfaction_table(
        data.respondents, data.items, list(elements), period=period, weighted=use_weights
    )
    unit_names = {**data.units, ALL_UNITS: _("All service points")}
    lines = [
        ResultLine(
            r.unit,
            unit_names.get(r.unit, r.unit),
            r.period,
            r.element,
            labels[r.element],
            r.estimate,
        )
        for r in rows
    ]
    return SurveyResults(
        survey=survey,
        period=period,
        weighted=use_weights,
        weighting_error=data.weighting_error if weighted else "",
        unplaced=data.unplaced if use_weights else 0,
        respondents=len(data.respondents),
        lines=lines,
        questions=[
            QuestionLine(item.label, estimate)
            for item, estimate in question_table(data.respondents, data.items, weighted=use_weights)
        ],
        units=data.units,
    )


def export_headers() -> list[str]:
    return [
        _("Unit code"),
        _("Unit"),
        _("Period"),
        _("Element"),
        _("Respondents"),
        _("Effective sample size"),
        _("Share satisfied (%)"),
        _("95% CI low (%)"),
        _("95% CI high (%)"),
        _("Weighted"),
    ]


def export_rows(results: SurveyResults) -> list[list]:
    weighted = _("yes") if results.weighted else _("no")
    return [
        [
            line.unit,
            line.unit_name,
            line.period,
            line.element_label,
            line.estimate.respondents,
            round(line.estimate.effective, 1),
            line.share,
            line.low,
            line.high,
            weighted,
        ]
        for line in results.lines
    ]


def results_csv(results: SurveyResults) -> bytes:
    return to_csv(export_headers(), export_rows(results))


def results_xlsx(results: SurveyResults) -> bytes:
    return to_xlsx(export_headers(), export_rows(results), _("Results"))
