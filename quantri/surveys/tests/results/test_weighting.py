"""Post-stratification and raking on small samples: margins reproduced, bad margins named."""

import itertools

import pytest

from quantri.surveys.results import WeightingError, post_stratify, rake


def people(spec: dict) -> list[dict]:
    """{("female", "urban"): 4, …} → that many profiles."""
    rows = []
    for (sex, area), count in spec.items():
        rows += [{"sex": sex, "area": area}] * count
    return rows


MARGINS = {"sex": {"female": 0.5, "male": 0.5}, "area": {"urban": 0.4, "rural": 0.6}}
SAMPLE = people(
    {("female", "urban"): 4, ("female", "rural"): 2, ("male", "urban"): 1, ("male", "rural"): 1}
)


def weighted_share(rows, weights, variable, category) -> float:
    total = sum(weights)
    return sum(w for r, w in zip(rows, weights, strict=True) if r.get(variable) == category) / total


def test_post_stratification_by_hand():
    weights = post_stratify(SAMPLE, MARGINS)
    # Cell shares are products of margins: female-urban 0.2 over a sample share of 4/8 → 0.4.
    assert weights.values == pytest.approx([0.4] * 4 + [1.2] * 2 + [1.6] + [2.4])
    assert sum(weights.values) / len(weights.values) == pytest.approx(1)
    for variable, shares in MARGINS.items():
        for category, share in shares.items():
            assert weighted_share(SAMPLE, weights.values, variable, category) == pytest.approx(
                share
            )


def test_raking_reproduces_every_margin():
    sample = people(
        {("female", "urban"): 9, ("female", "rural"): 3, ("male", "urban"): 2, ("male", "rural"): 6}
    )
    margins = {"sex": {"female": 0.52, "male": 0.48}, "area": {"urban": 0.35, "rural": 0.65}}
    weights = rake(sample, margins, tolerance=1e-8)
    assert weights.iterations > 1  # not independent: it takes several rounds
    for variable, shares in margins.items():
        for category, share in shares.items():
            assert weighted_share(sample, weights.values, variable, category) == pytest.approx(
                share, abs=1e-7
            )


def test_people_who_cannot_be_placed_keep_weight_one():
    sample = [*SAMPLE, {"sex": "", "area": "urban"}, {"sex": "other", "area": "rural"}]
    weights = rake(sample, MARGINS)
    assert (weights.placed, weights.unplaced) == (8, 2)
    assert weights.values[-2:] == [1.0, 1.0]


def test_shares_that_do_not_add_up_are_named():
    margins = {"sex": {"female": 0.5, "male": 0.4}}
    with pytest.raises(WeightingError, match="sex: the shares add up to 90.0%"):
        rake(SAMPLE, margins)


def test_a_category_without_respondents_is_named():
    sample = [r for r in SAMPLE if r["area"] == "urban"]
    with pytest.raises(WeightingError, match="no respondent has area = rural") as caught:
        rake(sample, MARGINS)
    assert caught.value.code == "empty_category"


def test_an_empty_cell_stops_post_stratification():
    sample = [r for r in SAMPLE if (r["sex"], r["area"]) != ("male", "urban")]
    with pytest.raises(WeightingError, match="cell area = urban, sex = male"):
        post_stratify(sample, MARGINS)


def test_raking_that_cannot_converge_says_so():
    # Every woman is urban and every man rural: 70% women yet 30% urban cannot both hold.
    sample = people({("female", "urban"): 5, ("male", "rural"): 5})
    margins = {"sex": {"female": 0.7, "male": 0.3}, "area": {"urban": 0.3, "rural": 0.7}}
    with pytest.raises(WeightingError, match="did not reach the margins within 20 rounds"):
        rake(sample, margins, max_iterations=20)


@pytest.mark.parametrize("counts", list(itertools.product([1, 3], repeat=4)))
def test_both_methods_agree_when_the_sample_is_a_product_of_margins(counts):
    # With as many cells as the margins allow and one respondent per cell (scaled), raking
    # and post-stratification reach the same weights.
    cells = [("female", "urban"), ("female", "rural"), ("male", "urban"), ("male", "rural")]
    sample = people(dict(zip(cells, counts, strict=True)))
    post = post_stratify(sample, MARGINS).values
    raked = rake(sample, MARGINS, tolerance=1e-10, max_iterations=500).values
    for variable, shares in MARGINS.items():
        for category in shares:
            assert weighted_share(sample, post, variable, category) == pytest.approx(
                weighted_share(sample, raked, variable, category), abs=1e-6
            )
