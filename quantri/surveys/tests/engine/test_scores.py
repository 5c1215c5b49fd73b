"""Worked examples of the engine, computed by hand."""

import math

import numpy as np
import pytest

from quantri.surveys.engine import (
    EngineError,
    IndexSpec,
    SpecError,
    bootstrap_units,
    rank_sensitivity,
    rank_units,
    score_units,
)

NAN = math.nan


def papi_dimension(*indicators_per_sub) -> IndexSpec:
    """One PAPI dimension (1–10) of four sub-dimensions (0.25–2.5 each)."""
    subs = [
        {"code": f"1.{k}", "low": 0.25, "high": 2.5, "indicators": indicators}
        for k, indicators in enumerate(indicators_per_sub, start=1)
    ]
    return IndexSpec.from_dict(
        {"dimensions": [{"code": "1", "low": 1, "high": 10, "subdimensions": subs}]}
    )


LIKERT = {"kind": "likert", "points": 5}
SPEC = papi_dimension(
    [{"code": "a", **LIKERT}, {"code": "b", "kind": "binary", "weight": 3}],
    [{"code": "c", "kind": "scale", "low": 0, "high": 60, "direction": "lower"}],
    [{"code": "d", **LIKERT}],
    [{"code": "e", **LIKERT}],
)


def test_it_scores_a_unit_by_hand():
    answers = [
        # a  b  c   d  e
        [5, 1, 15, 3, 1],
        [3, 0, 45, 5, NAN],
    ]
    scores = score_units(SPEC, answers, ["X", "X"])
    # 1.1: r1 = (1·1 + 3·1)/4 = 1; r2 = (1·0.5 + 3·0)/4 = 0.125 → mean 0.5625
    # 1.2: lower is better: r1 = 1 − 15/60 = 0.75, r2 = 0.25 → 0.5
    # 1.3: 0.5 and 1 → 0.75;  1.4: only r1 answered: 0
    positions = np.array([0.5625, 0.5, 0.75, 0.0])
    np.testing.assert_allclose(scores.estimate.subdimensions[0], 0.25 + 2.25 * positions)
    assert scores.estimate.dimensions[0, 0] == pytest.approx(1 + 9 * positions.mean())
    # With every part present the dimension is the sum of its sub-dimensions (PAPI's rule).
    assert scores.estimate.dimensions[0, 0] == pytest.approx(scores.estimate.subdimensions.sum())
    assert scores.estimate.total[0] == pytest.approx(scores.estimate.dimensions[0, 0])


def test_respondent_weights_weigh_the_unit_mean():
    answers = [[5, 1, 0, 5, 5], [1, 0, 60, 1, 1]]
    scores = score_units(SPEC, answers, ["X", "X"], weights=[3, 1])
    # The first respondent is at the top everywhere, the second at the bottom: 3/4 up.
    np.testing.assert_allclose(scores.estimate.subdimensions[0], 0.25 + 2.25 * 0.75)


def test_a_subdimension_nobody_answered_is_missing_not_zero():
    answers = [[5, 1, 0, 5, NAN], [5, 1, 0, 5, NAN]]
    scores = score_units(SPEC, answers, ["X", "X"])
    assert math.isnan(scores.estimate.subdimensions[0, 3])
    # The other three are at their maximum, so the dimension is too: the gap is not a zero.
    assert scores.estimate.dimensions[0, 0] == pytest.approx(10)


def test_units_are_scored_apart_and_listed_by_label():
    answers = [[5, 1, 0, 5, 5], [1, 0, 60, 1, 1], [1, 0, 60, 1, 1]]
    scores = score_units(SPEC, answers, ["VP", "TV", "TV"])
    assert scores.units == ["TV", "VP"]
    assert list(scores.respondents) == [2, 1]
    assert list(scores.estimate.total) == pytest.approx([1, 10])


def test_intervals_narrow_with_more_respondents():
    rng = np.random.default_rng(7)

    def width(n: int) -> float:
        answers = np.column_stack(
            [rng.integers(1, 6, n), rng.integers(0, 2, n), rng.uniform(0, 60, n)]
            + [rng.integers(1, 6, n) for _ in range(2)]
        )
        result = bootstrap_units(SPEC, answers, ["X"] * n, replicates=300, seed=1)
        return result.upper.total[0] - result.lower.total[0]

    assert width(400) < width(25) / 2


def test_one_respondent_has_an_interval_of_no_width():
    result = bootstrap_units(SPEC, [[4, 1, 30, 2, 5]], ["X"], replicates=50, seed=1)
    assert result.lower.total[0] == result.point.total[0] == result.upper.total[0]


def test_records_name_every_level():
    result = bootstrap_units(SPEC, [[4, 1, 30, 2, NAN]], ["X"], replicates=20, seed=1)
    record = result.records(SPEC)[0]
    assert record["unit"] == "X" and record["respondents"] == 1
    assert set(record["subdimensions"]) == {"1.1", "1.2", "1.3", "1.4"}
    assert record["subdimensions"]["1.4"] == {"score": None, "lower": None, "upper": None}
    assert record["dimensions"]["1"]["score"] == pytest.approx(record["total"]["score"])


def test_ranks_put_the_best_first_and_share_ties():
    ranks = rank_units(np.array([7.0, 9.0, 7.0, NAN]))
    assert list(ranks[:3]) == [2, 1, 2] and math.isnan(ranks[3])


def test_weights_cannot_move_units_scored_on_one_indicator_each():
    answers = [[5, 1, 0, 5, 5], [3, 0, 30, 3, 3], [1, 0, 60, 1, 1]]
    spec = papi_dimension(
        [{"code": "a", **LIKERT}], [{"code": "b", "kind": "binary"}], [], [{"code": "c", **LIKERT}]
    )
    view = rank_sensitivity(spec, [r[:3] for r in answers], ["A", "B", "C"], samples=30, seed=1)
    assert list(view.nominal_rank) == [1, 2, 3]
    assert list(view.max_shift()) == [0, 0, 0]


def test_weights_can_swap_units_that_differ_in_what_they_do_well():
    # A is strong on a, weak on b; B the reverse. Nominal weights favour a (weight 9).
    spec = papi_dimension(
        [{"code": "a", **LIKERT, "weight": 9}, {"code": "b", **LIKERT, "weight": 1}],
        [],
        [],
        [],
    )
    answers = [[5, 1], [1, 5], [3, 3]]
    view = rank_sensitivity(spec, answers, ["A", "B", "C"], samples=200, seed=3)
    assert list(view.nominal_rank) == [1, 3, 2]
    assert list(view.equal_rank) == [1, 1, 1]  # all at the middle: a three-way tie
    assert view.max_shift()[1] == 2
    frequencies = view.rank_frequencies()
    np.testing.assert_allclose(frequencies.sum(axis=1), 1.0)
    again = rank_sensitivity(spec, answers, ["A", "B", "C"], samples=200, seed=3)
    np.testing.assert_array_equal(view.ranks, again.ranks)


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"dimensions": [{"code": "1", "low": 10, "high": 1, "subdimensions": [
                {"code": "1.1", "low": 0, "high": 1, "indicators": [{"code": "a"}]}]}]},
            "dimension 1: its minimum",
        ),
        (
            {"dimensions": [{"code": "1", "low": 1, "high": 10, "subdimensions": [
                {"code": "1.1", "low": 0, "high": 1, "indicators": [
                    {"code": "a", "kind": "likert", "points": 1}]}]}]},
            "indicator a: a Likert scale needs at least 2 points",
        ),
        (
            {"dimensions": [{"code": "1", "low": 1, "high": 10, "subdimensions": [
                {"code": "1.1", "low": 0, "high": 1, "indicators": [
                    {"code": "a", "weight": 0}]}]}]},
            "indicator a: weight must be a positive number",
        ),
    ],
)  # fmt: skip
def test_bad_specs_are_refused_with_the_culprit_named(data, message):
    with pytest.raises(SpecError, match=message):
        IndexSpec.from_dict(data)


def test_bad_inputs_are_refused_with_what_does_not_fit():
    with pytest.raises(EngineError, match="respondents × 5 indicators"):
        score_units(SPEC, [[1, 2, 3]], ["X"])
    with pytest.raises(EngineError, match="2 unit labels for 1 respondents"):
        score_units(SPEC, [[1, 1, 1, 1, 1]], ["X", "Y"])
    with pytest.raises(EngineError, match="not negative"):
        score_units(SPEC, [[1, 1, 1, 1, 1]], ["X"], weights=[-1])
    with pytest.raises(EngineError, match="no score 9"):
        rank_sensitivity(SPEC, [[1, 1, 1, 1, 1]], ["X"], score="9")
