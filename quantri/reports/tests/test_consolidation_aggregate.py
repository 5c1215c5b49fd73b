"""The aggregation on a small set computed by hand. Plain data, no database."""

from quantri.reports.consolidation.aggregate import aggregate, is_additive
from quantri.reports.consolidation.data import (
    ACCEPTED,
    MISSING,
    RETURNED,
    SUBMITTED,
    ConsolidationInput,
    DimensionInfo,
    Meta,
    PartRow,
    TaskRow,
    UnitResult,
    UnitRow,
)


def task(key, status, progress, weight=1, figures=None):
    results = []
    if figures:
        results = [
            UnitResult("Phòng A", figures=figures, is_lead=True),
            # A supporting unit reporting the same sessions: not counted twice.
            UnitResult("Phòng B", figures=figures),
        ]
    return TaskRow(key, "1.1", "Nhiệm vụ", "Phòng A", status, progress, weight, results=results)


def small_input() -> ConsolidationInput:
    return ConsolidationInput(
        meta=Meta(agency_name="Sở X", period_code="2021-H1"),
        dimensions=[
            DimensionInfo("g:chi dao", "Công tác chỉ đạo", "", 1),
            DimensionInfo("d:2", "Công khai, minh bạch", "2", 2),
            DimensionInfo("d:5", "Thủ tục hành chính công", "5", 3),
        ],
        tasks=[
            task("g:chi dao", "done", 100),
            # (2×50 + 1×80) / 3 = 60; the cancelled task counts in the list, not the progress.
            task("d:2", "in_progress", 50, weight=2, figures={"Số buổi": 3, "Tỷ lệ (%)": 70}),
            task("d:2", "in_progress", 80, figures={"Số buổi": 4, "Tỷ lệ (%)": 90}),
            task("d:2", "cancelled", 0, weight=5),
            # (1×0 + 3×25) / 4 = 18.75 → 19
            task("d:5", "not_started", 0),
            task("d:5", "in_progress", 25, weight=3),
        ],
        units=[
            UnitRow.for_request("Phòng A", ACCEPTED, False),
            UnitRow.for_request("Phòng B", SUBMITTED, True),
            UnitRow.for_request("Phòng C", RETURNED, True),
            UnitRow.for_request("Phòng D", MISSING, True),
        ],
    )


def test_progress_by_dimension_is_weighted_and_leaves_cancelled_tasks_out():
    figures = aggregate(small_input())
    progress = {d.key: d.progress for d in figures.dimensions}
    assert progress == {"g:chi dao": 100, "d:2": 60, "d:5": 19}
    # Overall: (100 + 2×50 + 80 + 0 + 75) / (1 + 2 + 1 + 1 + 3) = 355 / 8 = 44.4 → 44
    assert figures.progress == 44


def test_tasks_are_counted_by_status_per_dimension_and_overall():
    figures = aggregate(small_input())
    second = figures.dimension("d:2")
    assert (second.tasks, second.done, second.in_progress, second.by_status["cancelled"]) == (
        3,
        0,
        2,
        1,
    )
    assert figures.by_status == {
        "not_started": 1,
        "in_progress": 3,
        "done": 1,
        "paused": 0,
        "cancelled": 1,
    }


def test_the_lead_units_counts_are_summed_but_rates_are_not():
    figures = aggregate(small_input())
    assert figures.dimension("d:2").figures == {"Số buổi": 7}
    assert not is_additive("Tỷ lệ hồ sơ trực tuyến (%)")
    assert is_additive("Số thủ tục được niêm yết")


def test_completeness_counts_each_state_once_and_gives_the_rates():
    total = aggregate(small_input()).completeness
    assert (total.expected, total.submitted, total.accepted) == (4, 2, 1)
    assert (total.on_time, total.late, total.missing, total.returned) == (1, 1, 1, 1)
    assert total.reporting_rate == 50  # 2 of 4 submitted
    assert total.on_time_rate == 25  # 1 of 4 on time


def test_dimensions_keep_the_order_given_and_empty_ones_are_left_out():
    data = small_input()
    data.dimensions.append(DimensionInfo("d:8", "Quản trị điện tử", "8", 4))
    data.dimensions.reverse()
    keys = [d.key for d in aggregate(data).dimensions]
    assert keys == ["g:chi dao", "d:2", "d:5"]


def test_one_level_up_departments_merge_as_if_their_tasks_were_pooled():
    first = aggregate(small_input())
    second_input = small_input()
    second_input.tasks = [task("d:2", "done", 100, weight=4)]
    second = aggregate(second_input)
    province = aggregate(
        ConsolidationInput(
            meta=Meta(agency_name="UBND tỉnh", period_code="2021-H1"),
            dimensions=small_input().dimensions,
            parts=[PartRow("Sở A", first), PartRow("Sở B", second)],
            units=[first.completeness, second.completeness],
        )
    )
    # Dimension 2 pooled: (2×50 + 80 + 4×100) / (2 + 1 + 4) = 580 / 7 = 82.9 → 83
    assert province.dimension("d:2").progress == 83
    assert province.dimension("d:2").tasks == 4
    assert province.dimension("d:2").figures == {"Số buổi": 7}
    assert province.completeness.expected == 8
    assert province.completeness.submitted == 4
