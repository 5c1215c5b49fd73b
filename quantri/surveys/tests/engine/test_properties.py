"""Properties every score must keep, whatever the index and the data (hypothesis)."""

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quantri.surveys.engine import (
    HIGHER,
    IndexSpec,
    bootstrap_units,
    normalised_weights,
    score_units,
)
from quantri.surveys.engine.reference import reference_bootstrap
from quantri.surveys.tests.engine.strategies import surveys

FAST = settings(max_examples=60, deadline=None)
TOLERANCE = 1e-9


def scores_of(survey, answers=None, weights=None, spec=None):
    result = score_units(
        spec or survey.spec,
        survey.answers if answers is None else answers,
        survey.units,
        survey.weights if weights is None else weights,
    )
    return result.estimate


def assert_same(a, b):
    for name in ("subdimensions", "dimensions", "total"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=1e-9, atol=1e-9)


@FAST
@given(surveys())
def test_scores_stay_within_their_ranges(survey):
    spec, estimate = survey.spec, scores_of(survey)
    for values, low, span in (
        (estimate.subdimensions, spec.subdimension_low, spec.subdimension_span),
        (estimate.dimensions, spec.dimension_low, spec.dimension_span),
    ):
        present = ~np.isnan(values)
        assert (values[present] >= np.broadcast_to(low, values.shape)[present]).all()
        assert (values[present] <= np.broadcast_to(low + span, values.shape)[present]).all()
    total = estimate.total[~np.isnan(estimate.total)]
    assert ((total >= spec.total_low) & (total <= spec.total_high)).all()


@FAST
@given(surveys(missing=False), st.data())
def test_a_better_answer_never_lowers_a_score(survey, data):
    spec = survey.spec
    column = data.draw(st.integers(0, len(spec.indicators) - 1))
    indicator = spec.indicators[column]
    respondent = data.draw(st.integers(0, len(survey.units) - 1))
    better = survey.answers.copy()
    step = data.draw(st.floats(0.01, 5, allow_nan=False))
    # "Better" is a higher answer on a higher-is-better indicator, a lower one otherwise.
    better[respondent, column] += step if indicator.direction == HIGHER else -step
    before, after = scores_of(survey), scores_of(survey, answers=better)
    for name in ("subdimensions", "dimensions", "total"):
        assert (getattr(after, name) >= getattr(before, name) - TOLERANCE).all()


@FAST
@given(surveys())
def test_indicator_weights_sum_to_one_in_each_subdimension(survey):
    spec = survey.spec
    weights = normalised_weights(spec)
    sums = np.bincount(spec.subdimension_of_indicator, weights=weights)
    np.testing.assert_allclose(sums[np.bincount(spec.subdimension_of_indicator) > 0], 1.0)


@FAST
@given(surveys(), st.floats(0.01, 100, allow_nan=False))
def test_only_the_ratios_of_weights_matter(survey, factor):
    scaled = dataclasses.replace(
        survey.spec,
        indicators=tuple(
            dataclasses.replace(i, weight=i.weight * factor) for i in survey.spec.indicators
        ),
    )
    assert_same(scores_of(survey), scores_of(survey, spec=scaled))
    assert_same(scores_of(survey), scores_of(survey, weights=survey.weights * factor))


@FAST
@given(surveys(), st.data())
def test_an_indicator_nobody_answered_changes_nothing(survey, data):
    spec = survey.spec
    where = data.draw(st.sampled_from(spec.subdimension_codes))
    extra = dataclasses.replace(spec.indicators[0], code="unanswered", subdimension=where)
    wider = IndexSpec((*spec.indicators, extra), spec.subdimensions, spec.dimensions)
    answers = np.column_stack([survey.answers, np.full(len(survey.units), np.nan)])
    assert_same(scores_of(survey), scores_of(survey, answers=answers, spec=wider))


@FAST
@given(surveys(min_respondents=2), st.integers(0, 2**32 - 1))
def test_intervals_hold_the_estimate_and_repeat_with_the_seed(survey, seed):
    run = dict(replicates=40, seed=seed)
    first = bootstrap_units(survey.spec, survey.answers, survey.units, survey.weights, **run)
    again = bootstrap_units(survey.spec, survey.answers, survey.units, survey.weights, **run)
    # Smaller chunks draw the same rows; only the summation order (last bit) may differ.
    chunked = bootstrap_units(
        survey.spec, survey.answers, survey.units, survey.weights, chunk_elements=5, **run
    )
    for name in ("subdimensions", "dimensions", "total"):
        point, low, high = (getattr(e, name) for e in (first.point, first.lower, first.upper))
        present = ~np.isnan(point)
        assert (low[present] <= point[present]).all() and (point[present] <= high[present]).all()
        assert np.array_equal(np.isnan(point), np.isnan(low))
        np.testing.assert_array_equal(low, getattr(again.lower, name))
        np.testing.assert_array_equal(high, getattr(again.upper, name))
        np.testing.assert_allclose(low, getattr(chunked.lower, name), rtol=1e-12)
        np.testing.assert_allclose(high, getattr(chunked.upper, name), rtol=1e-12)


@settings(max_examples=25, deadline=None)
@given(surveys(), st.integers(0, 2**16))
def test_the_engine_agrees_with_the_row_by_row_reference(survey, seed):
    result = bootstrap_units(
        survey.spec, survey.answers, survey.units, survey.weights, replicates=15, seed=seed
    )
    expected = reference_bootstrap(
        survey.spec, survey.answers, survey.units, survey.weights, replicates=15, seed=seed
    )
    for row, unit in enumerate(result.units):
        for name in ("point", "lower", "upper"):
            estimate, wanted = getattr(result, name), expected[unit][name]
            got = [None if np.isnan(v) else v for v in estimate.dimensions[row]]
            np.testing.assert_allclose(
                _numbers(got), _numbers(wanted["dimensions"]), rtol=1e-9, atol=1e-9
            )
            total = None if np.isnan(estimate.total[row]) else estimate.total[row]
            assert (total is None) == (wanted["total"] is None)
            if total is not None:
                assert abs(total - wanted["total"]) < 1e-9


def _numbers(values):
    return [np.nan if v is None else v for v in values]
