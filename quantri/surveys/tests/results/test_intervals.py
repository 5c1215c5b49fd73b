"""Intervals checked against values worked out by hand (z = 1.959964)."""

import pytest

from quantri.surveys.results import kish_effective_size, share_estimate, wilson_interval


def test_wilson_interval_of_8_out_of_10():
    # centre = (0.8 + z²/20)/(1 + z²/10) = 0.71674; half-width = 0.22658
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.49016, abs=1e-5)
    assert high == pytest.approx(0.94332, abs=1e-5)


def test_wilson_interval_stays_inside_0_and_1_at_the_edges():
    assert wilson_interval(0, 5) == pytest.approx((0.0, 0.43449), abs=1e-5)
    assert wilson_interval(5, 5) == pytest.approx((0.56551, 1.0), abs=1e-5)


def test_kish_effective_size():
    assert kish_effective_size([1, 1, 1, 1]) == 4
    assert kish_effective_size([3, 1, 1, 1]) == pytest.approx(36 / 12)


def test_a_weighted_share_uses_the_effective_sample_size():
    estimate = share_estimate([True, True, False, False], [3, 1, 1, 1])
    assert estimate.share == pytest.approx(4 / 6)
    assert estimate.effective == pytest.approx(3)
    assert estimate.respondents == 4
    # Wilson with p = 2/3, n = 3: centre 1.30691/2.28049 = 0.57308, half-width 0.36542.
    assert (estimate.low, estimate.high) == pytest.approx((0.20766, 0.93851), abs=1e-5)


def test_equal_weights_give_the_unweighted_interval():
    outcomes = [True] * 7 + [False] * 3
    weighted = share_estimate(outcomes, [2.5] * 10)
    plain = share_estimate(outcomes)
    assert (weighted.share, weighted.low, weighted.high) == pytest.approx(
        (plain.share, plain.low, plain.high)
    )


def test_no_respondent_gives_no_share():
    estimate = share_estimate([])
    assert estimate.share is None and estimate.respondents == 0
