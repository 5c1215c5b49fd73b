"""The 766-2026 sub-criteria (index_766_2026), on a hand-computed month: each figure below
is worked out in the comment beside it from the rule's own numerator, denominator, target
and points."""

import pytest

from quantri.dossiers import index, index_766_2026

INPUTS = {
    "procedures_announced_on_time": 10,
    "procedures_published_on_time": 8,
    "procedures_complete": 5,
    "dossiers_synced": 20,
    "fee_procedures_integrated": 2,
    "results_electronic": 15,
    "dossiers_data_reused": 4,
    "feedback_satisfied": 5,
}


def month(**changes) -> index.Figures:
    values = dict(
        received=20, online_full=6, online_partial=2, digitised=15,
        processed_early=5, processed_on_time=8, processed_late=2, within_time=3, overdue=2,
        paid_online=3, rated=10, satisfied=8,
        procedures=10, procedures_online=6, fee_procedures=4, processed_fee=8,
        feedback_answered=5, feedback_on_time=4, inputs=dict(INPUTS),
    )  # fmt: skip
    return index.Figures(**values | changes)


def points(figures) -> dict:
    groups, _total = index.compute(index_766_2026.CRITERIA, figures)
    return {g.group: g.points for g in groups}


def sub(figures, key):
    groups, _total = index.compute(index_766_2026.CRITERIA, figures)
    return next(s for g in groups for s in g.subscores if s.key == key)


def test_every_sub_criterion_on_a_hand_computed_month():
    groups, total = index.compute(index_766_2026.CRITERIA, month())
    assert {g.group: g.points for g in groups} == {
        "transparency": 14.85,  # 10/10 × 4.5 + 8/10 × 4.5 + 5/10 × 4.5 + 20/20 × 4.5
        "progress": 16.0,  # (5 + 8 + 3 within time) ÷ (15 processed + 3 + 2 overdue) × 20
        "online": 9.3,  # 6/10 ÷ 0.8 × 6 = 4.5; 8/20 ÷ 0.5 × 6 = 4.8
        "digitisation": 15.2,  # 15/15 × 8 + 15/20 × 8 + 4/20 × 6
        "payment": 6.25,  # 2/4 × 5 + (3/8 ÷ 0.5) × 5
        "satisfaction": 16.13,  # 8/10 ÷ 0.9 × 6 = 5.33; 4/5 × 6 = 4.8; 5/5 × 6
    }
    assert total == 77.73


def test_the_group_points_are_the_decisions_18_20_12_22_10_18():
    index.check_criteria(index_766_2026.CRITERIA)
    assert [c["points"] for c in index_766_2026.CRITERIA] == [18, 20, 12, 22, 10, 18]


def test_half_the_dossiers_online_earns_the_full_points_where_2022_asked_80_percent():
    half_online = month(online_full=10, online_partial=0)
    assert sub(half_online, "dossiers_online").points == 6
    old, _ = index.compute(index.DECISION_766_2022, half_online)
    assert next(g for g in old if g.group == "online").points == 7.5  # 0.5 ÷ 0.8 × 12


def test_online_payment_is_divided_by_the_dossiers_of_fee_bearing_procedures_only():
    paid = sub(month(), "paid_online")
    assert (paid.numerator_value, paid.denominator_value, paid.rate) == (3, 8, 0.375)


def test_an_agency_whose_procedures_are_all_free_keeps_the_payment_points():
    free = month(fee_procedures=0, processed_fee=0, paid_online=0)
    assert points(free)["payment"] == 10


def test_an_input_not_supplied_scores_nothing_and_says_so():
    missing = month(inputs={k: v for k, v in INPUTS.items() if k != "dossiers_synced"})
    synced = sub(missing, "synchronised")
    assert synced.numerator_value is None and synced.rate is None and synced.points == 0
    assert points(missing)["transparency"] == 10.35


def test_an_input_above_its_denominator_counts_as_all_of_it():
    assert sub(month(inputs=INPUTS | {"dossiers_synced": 25}), "synchronised").rate == 1.0


def test_every_input_the_version_names_is_a_figure_the_agency_supplies():
    numerators = {s["numerator"] for c in index_766_2026.CRITERIA for s in c["subcriteria"]}
    computed = set(index.Figures.__dataclass_fields__) | set(index.DERIVED)
    assert numerators - computed == set(index_766_2026.INPUTS)


def test_sub_criteria_that_do_not_add_up_to_their_group_are_refused():
    criteria = [dict(index_766_2026.CRITERIA[2], points=13)]
    with pytest.raises(ValueError, match="criterion 1: sub-criteria add up to 12, not 13"):
        index.check_criteria(criteria)
