"""The PAPI arithmetic on hand-made tables: no database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantri.indices.analytics import (
    TOTAL,
    Structure,
    YearScores,
    competition_ranks,
    is_thin,
    is_weak,
    profile,
    quartile_cuts,
    quartile_of,
    series,
)

SHAPE = Structure({"1": ("1.1", "1.2"), "2": ("2.1", "2.2")})


def full(a: float, b: float, c: float, d: float) -> dict[str, float]:
    return {"1.1": a, "1.2": b, "2.1": c, "2.2": d}


def year(y: int, table: dict) -> YearScores:
    return YearScores(y, SHAPE, table)


def test_dimensions_and_total_are_sums_of_their_parts():
    scores = year(2021, {"A": full(1, 2, 3, 4)})
    assert scores.value("1", "A") == 3
    assert scores.value("2", "A") == 7
    assert scores.value(TOTAL, "A") == 10


def test_a_sub_dimension_nobody_was_scored_on_is_left_out_of_the_sums():
    # Like 5.2 from 2021: not measured that year, so the dimension is the sum of the others.
    scores = year(2021, {"A": {"1.1": 1, "1.2": 2, "2.1": 3}, "B": {"1.1": 2, "1.2": 2, "2.1": 1}})
    assert scores.measured == {"1": ("1.1", "1.2"), "2": ("2.1",)}
    assert scores.value("2", "A") == 3
    assert scores.value(TOTAL, "A") == 6


def test_a_province_missing_a_measured_part_has_no_dimension_nor_total_but_keeps_the_rest():
    scores = year(
        2022,
        {"A": full(1, 1, 1, 1), "B": {"1.1": 2, "1.2": 2, "2.1": 2}, "C": full(3, 3, 3, 3)},
    )
    assert scores.value("2", "B") is None
    assert scores.value(TOTAL, "B") is None
    assert scores.rank(TOTAL, "B") is None
    assert scores.count(TOTAL) == 2
    assert scores.rank("1", "B") == 2
    assert scores.count("1") == 3


def test_equal_scores_share_the_better_rank_and_the_next_rank_is_skipped():
    assert competition_ranks({"A": 5, "B": 7, "C": 7, "D": 1}) == {"A": 3, "B": 1, "C": 1, "D": 4}


def test_float_noise_does_not_split_a_tie():
    assert competition_ranks({"A": 0.1 + 0.2, "B": 0.3}) == {"A": 1, "B": 1}


def test_quartile_groups_of_63_provinces_are_16_16_15_16():
    groups = [quartile_of(rank, 63) for rank in range(1, 64)]
    assert [groups.count(g) for g in (1, 2, 3, 4)] == [16, 16, 15, 16]
    assert quartile_cuts(63) == (16, 32, 47)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(60, [15, 15, 15, 15]), (61, [15, 16, 15, 15]), (62, [16, 15, 15, 16]), (4, [1, 1, 1, 1])],
)
def test_quartile_groups_shrink_in_proportion_when_provinces_are_missing(count, sizes):
    groups = [quartile_of(rank, count) for rank in range(1, count + 1)]
    assert [groups.count(g) for g in (1, 2, 3, 4)] == sizes


def test_missing_provinces_count_neither_in_ranks_nor_in_quartile_groups():
    table = {f"P{n}": full(n, n, n, n) for n in range(1, 9)}  # P8 best … P1 lowest
    table["P9"] = {}  # in the source, no values
    scores = year(2021, table)
    assert scores.count(TOTAL) == 8
    assert scores.rank(TOTAL, "P9") is None and scores.quartile(TOTAL, "P9") is None
    assert [scores.quartile(TOTAL, f"P{n}") for n in range(8, 0, -1)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_tied_provinces_fall_in_the_same_group():
    table = {"A": full(4, 4, 4, 4), "B": full(3, 3, 3, 3), "C": full(3, 3, 3, 3)}
    table["D"] = full(1, 1, 1, 1)
    scores = year(2021, table)
    assert scores.quartile(TOTAL, "B") == scores.quartile(TOTAL, "C") == 2


def test_national_figures_use_only_provinces_with_a_score():
    scores = year(
        2021, {"A": full(1, 1, 1, 1), "B": full(2, 2, 2, 2), "C": {}, "D": full(4, 4, 4, 4)}
    )
    stats = scores.stats(TOTAL)
    assert (stats.minimum, stats.median, stats.maximum, stats.count) == (4, 8, 16, 3)
    assert scores.best(TOTAL) == ["D"]


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    scores = year(2021, {"A": full(1, 1, 1, 1), "B": full(2, 2, 2, 2)})
    assert scores.stats("1").median == 3


def test_change_is_against_the_year_before_and_none_after_a_gap_year():
    years = {
        2019: year(2019, {"A": full(1, 1, 1, 1), "B": full(2, 2, 2, 2)}),
        2020: year(2020, {"A": {}, "B": full(2, 2, 2, 3)}),  # A missing in 2020
        2021: year(2021, {"A": full(2, 2, 2, 2), "B": full(2, 2, 2, 2)}),
    }
    assert profile(years, "A", 2021).total.change is None
    assert profile(years, "A", 2021).total.score == 8
    assert profile(years, "B", 2020).total.change == pytest.approx(1)
    assert profile(years, "B", 2021).dimensions[1].change == pytest.approx(-1)
    assert series(years, "A") == [(2019, 4), (2020, None), (2021, 8)]


def test_a_change_across_the_2018_redesign_is_flagged_not_comparable():
    years = {
        2017: year(2017, {"A": full(1, 1, 1, 1)}),
        2018: year(2018, {"A": full(2, 2, 2, 2)}),
        2019: year(2019, {"A": full(2, 2, 2, 2)}),
    }
    assert profile(years, "A", 2018).total.change == 4
    assert profile(years, "A", 2018).total.change_comparable is False
    assert profile(years, "A", 2019).total.change_comparable is True


def test_gaps_are_score_minus_national_best_and_median():
    years = {
        2021: year(2021, {"A": full(1, 1, 1, 1), "B": full(2, 2, 2, 2), "C": full(3, 3, 3, 3)})
    }
    reading = profile(years, "A", 2021)
    assert reading.total.gap_to_best == -8
    assert reading.total.gap_to_median == -4
    sub = reading.dimensions[0].subdimensions[0]
    assert (sub.code, sub.gap_to_best, sub.gap_to_median) == ("1.1", -2, -1)


def test_peers_are_read_from_the_same_year():
    years = {2021: year(2021, {"A": full(1, 1, 1, 1), "B": full(2, 2, 2, 2)})}
    reading = profile(years, "A", 2021, peers=["B", "Z"])
    assert reading.peers["B"][TOTAL] == 8
    assert reading.peers["B"]["1.1"] == 2
    assert reading.peers["Z"][TOTAL] is None


def test_weak_means_below_the_median_or_in_the_lowest_group():
    assert is_weak(4.0, 5.0, 2) is True
    assert is_weak(5.0, 5.0, 4) is True  # tied at the median but ranked in the lowest group
    assert is_weak(6.0, 5.0, 1) is False
    assert is_weak(None, 5.0, None) is None


def test_thin_means_few_tasks_or_a_small_share_of_the_weight():
    assert is_thin(1, 0.5, 8) is True
    assert is_thin(3, 0.06, 8) is True  # under half of an even 12.5% share
    assert is_thin(3, 0.07, 8) is False
    assert is_thin(2, 0.2, 8) is False


@given(st.integers(min_value=1, max_value=120))
def test_quartile_groups_cover_every_rank_in_order(count):
    groups = [quartile_of(rank, count) for rank in range(1, count + 1)]
    assert groups == sorted(groups)
    assert groups[0] == 1
    assert set(groups) <= {1, 2, 3, 4}
