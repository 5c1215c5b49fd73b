"""Results from the database: loading, weighting to margins, exports."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from quantri.surveys import services
from quantri.surveys.models import Response, Weighting
from quantri.surveys.reporting import results_csv, results_xlsx, survey_results
from quantri.surveys.results import ALL_UNITS, OVERALL

pytestmark = pytest.mark.django_db
MARGINS = {"sex": {"female": "0.5", "male": "0.5"}, "area": {"urban": "0.3", "rural": "0.7"}}


def overall(results, unit=ALL_UNITS):
    return next(line for line in results.lines_for(unit) if line.element == OVERALL)


def test_unweighted_results_by_unit(answered, office, library):
    results = survey_results(answered)
    assert results.respondents == 8 and not results.weighted
    assert overall(results).share == 62.5
    assert overall(results, office.code).share == 100
    assert overall(results, library.code).share == 25
    element = next(line for line in results.lines_for() if line.element != OVERALL)
    assert element.element_label == "Công chức"


def test_raking_brings_the_sample_to_the_margins_and_moves_the_share(answered, alice):
    services.margins_set(survey=answered, user=alice, method=Weighting.RAKING, margins=MARGINS)
    services.survey_reweight(survey=answered)
    responses = list(Response.objects.filter(survey=answered))
    total = sum(r.weight for r in responses)
    rural = sum(r.weight for r in responses if r.area == "rural") / total
    female = sum(r.weight for r in responses if r.sex == "female") / total
    assert rural == pytest.approx(0.7, abs=1e-5) and female == pytest.approx(0.5, abs=1e-5)
    results = survey_results(answered)
    # Rural people are less satisfied and the population is more rural than the sample.
    assert results.weighted and overall(results).share < 62.5
    assert overall(results).estimate.effective < 8


def test_margins_that_do_not_add_up_are_refused_and_nothing_changes(answered, alice):
    bad = {"sex": {"female": "0.6", "male": "0.6"}}
    with pytest.raises(ValidationError, match="Sex: the shares add up to 120.0%"):
        services.margins_set(survey=answered, user=alice, method=Weighting.RAKING, margins=bad)
    assert not answered.margins.exists()
    answered.refresh_from_db()
    assert answered.weighting == Weighting.NONE


def test_an_empty_cell_is_explained_and_results_fall_back_to_unweighted(answered, alice):
    services.margins_set(
        survey=answered,
        user=alice,
        method=Weighting.POST_STRATIFICATION,
        margins={"age_group": {"under_30": "0.4", "60_plus": "0.6"}, **MARGINS},
    )
    with pytest.raises(ValidationError, match="No respondent is in the cell"):
        services.survey_reweight(survey=answered)
    results = survey_results(answered)
    assert not results.weighted and "No respondent is in the cell" in results.weighting_error
    assert overall(results).share == 62.5


def test_exports_reopen_with_the_same_figures(answered, office):
    results = survey_results(answered, period="month")
    text = results_csv(results).decode("utf-8-sig")
    assert "2026-03" in text and office.code in text
    sheet = load_workbook(io.BytesIO(results_xlsx(results))).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Unit code", "Unit", "Period", "Element"]
    by_unit = {(r[0] or "", r[3]): r for r in rows[1:]}
    assert by_unit[office.code, "Overall satisfaction"][6] == 100
    assert by_unit["", "Overall satisfaction"][4] == 8
