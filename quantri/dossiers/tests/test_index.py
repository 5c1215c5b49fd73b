import json

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import translation

from quantri.dossiers import index, stats


def test_index_on_a_hand_computed_set():
    figures = index.Figures(
        received=10, online_full=3, online_partial=1, digitised=5,
        processed_early=4, processed_on_time=3, processed_late=1,
        paid_online=2, complaints=1, within_time=1, overdue=1,
        procedures=4, procedures_published=3,
    )  # fmt: skip
    groups, total = index.compute(index.DECISION_766_2022, figures)
    points = {g.group: g.points for g in groups}
    assert points == {
        "transparency": 13.5,  # 3/4 × 18
        "progress": 16.0,  # (4 + 3 + 1) / 10 × 20
        "online": 6.0,  # 0.4 × 12 ÷ 0.8
        "digitisation": 11.0,  # 0.5 × 22
        "payment": 5.0,  # 2/8 = 0.25 × 10 ÷ 0.5
        "satisfaction": 12.79,  # (1 − 2/10 − 1/8) × 18 ÷ 0.95
    }
    assert total == 64.29


def test_a_rate_meeting_its_target_gets_full_points_and_no_data_gets_none():
    groups, total = index.compute(index.DECISION_766_2022, index.Figures(received=5, online_full=5))
    online = next(g for g in groups if g.group == "online")
    progress = next(g for g in groups if g.group == "progress")
    assert online.points == 12 and progress.rate is None and progress.points == 0


def test_criteria_are_checked():
    with pytest.raises(ValueError, match="criterion 1: unknown formula"):
        index.check_criteria([{"formula": "nope", "target": 1, "points": 5}])


def test_month_parse_rejects_bad_text():
    assert str(stats.Month.parse("2021-06")) == "2021-06"
    with pytest.raises(ValueError, match="YYYY-MM"):
        stats.Month.parse("06/2021")


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_index_of_an_agency_month_from_aggregates_matches_raw_rows(march, department):
    month = stats.Month(2026, 3)
    figures = stats.figures(department, month)
    assert figures == stats.figures_from_raw(department, month)
    assert (figures.received, figures.processed_early, figures.processed_late) == (3, 1, 1)
    assert (figures.within_time, figures.overdue, figures.online_full) == (1, 0, 1)
    result = stats.index_for(department, month)
    points = {g["group"]: g["points"] for g in result["groups"]}
    assert points["transparency"] == 9.0  # 1 of 2 published
    assert points["progress"] == round(2 / 3 * 20, 2)


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_index_command_prints_json(march, department, capsys):
    call_command(
        "dossiers", "index", "--agency", department.code, "--month", "2026-03", "--format", "json"
    )
    data = json.loads(capsys.readouterr().out)
    assert [g["max_points"] for g in data["groups"]] == [18, 20, 12, 22, 10, 18]
    assert data["figures"]["received"] == 3 and data["version"] == "766-2022"


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_index_command_prints_the_groups_in_vietnamese_with_decimal_commas(
    march, department, capsys
):
    with translation.override("vi"):
        call_command("dossiers", "index", "--agency", department.code, "--month", "2026-03")
        with pytest.raises(CommandError, match="không có tệp này"):
            call_command("dossiers", "import", "/khong/co.xlsx", "--source", "motcua")
    lines = capsys.readouterr().out.splitlines()
    data = stats.index_for(department, stats.Month(2026, 3))
    progress = next(g for g in data["groups"] if g["group"] == "progress")
    assert lines[1].startswith("Tiến độ giải quyết")
    assert lines[1].split()[-3] == f"{progress['points']:.2f}".replace(".", ",")
    assert (
        lines[-1].startswith("Tổng điểm") and f"{data['total']:.2f}".replace(".", ",") in lines[-1]
    )
