"""Index scores of a survey whose questions feed PAPI indicators."""

import pytest

from quantri.surveys import services
from quantri.surveys.index import survey_index
from quantri.surveys.loading import load_index_data
from quantri.surveys.tests.factories import QuestionFactory
from quantri.testing.factories import papi_dimension

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(answered, alice):
    rating = answered.questions.get(is_overall=False)
    services.indicator_set(
        question=rating, user=alice, code="Q1", subdimension=papi_dimension("5.4")
    )
    return answered


def test_questions_become_indicators_on_papi_scales(mapped):
    data = load_index_data(mapped)
    assert data.answers.shape == (8, 1)
    assert [(s.code, s.low, s.high) for s in data.spec.subdimensions] == [
        ("5.4", 0.33, 3.33)
    ]  # the 2021– range (indices data)
    assert [(d.code, d.low, d.high) for d in data.spec.dimensions] == [("5", 1.0, 10.0)]
    assert data.spec.indicators[0].kind == "likert" and data.spec.indicators[0].points == 5


def test_units_are_scored_with_intervals_and_ranked(mapped, office, library):
    index = survey_index(mapped)
    rows = {row["unit"]: row for row in index.rows}
    total, dimension, sub = rows[office.code]["cells"]
    # 5, 4, 4, 5 → positions 1, .75, .75, 1 → 0.875
    assert dimension["score"] == pytest.approx(1 + 9 * 0.875)
    assert sub["score"] == pytest.approx(0.33 + 3.0 * 0.875)
    assert total["score"] == pytest.approx(dimension["score"])
    assert dimension["lower"] <= dimension["score"] <= dimension["upper"]
    library_score = rows[library.code]["cells"][1]["score"]
    assert library_score == pytest.approx(1 + 9 * 0.375)  # 2, 3, 1, 4
    ranks = {r["unit"]: r["nominal_rank"] for r in index.ranks}
    assert ranks == {office.code: 1, library.code: 2}
    assert survey_index(mapped).rows == index.rows  # seeded: the same on every visit


def test_a_choice_question_is_scaled_by_its_scores(survey, alice):
    from quantri.surveys.models import Choice

    waited = QuestionFactory(survey=survey, type="single")
    for order, (value, score) in enumerate([("ngay", 3), ("lau", 1), ("vua", 2)], start=1):
        Choice.objects.create(question=waited, order=order, value=value, label=value, score=score)
    services.indicator_set(
        question=waited, user=alice, code="W", subdimension=papi_dimension("5.1")
    )
    data = load_index_data(survey)
    assert (data.spec.indicators[0].low, data.spec.indicators[0].high) == (1.0, 3.0)
    assert survey_index(survey) is None  # nobody answered yet


def test_a_survey_of_2020_is_compared_on_that_year_s_papi_range(mapped):
    """Issue 15: 5.4 spans 0.25–2.5 up to 2020; a survey that opened then is scored on it,
    not on the range of 2021 on (before, the latest range was used whatever the year)."""
    import datetime

    mapped.opens_on = datetime.date(2020, 5, 4)
    mapped.save(update_fields=["opens_on"])
    data = load_index_data(mapped)
    assert [(s.code, s.low, s.high) for s in data.spec.subdimensions] == [("5.4", 0.25, 2.5)]
