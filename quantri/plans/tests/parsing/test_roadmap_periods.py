"""A roadmap's tasks closed by their span of years (issue 13): '… tiến tới thí điểm (2025 -
2026).' is due at the end of 2026, '(xuyên suốt 2025 - 2035)' at the end of 2035; '(2026 trở
đi)' only says when the work starts, so the words are kept with no date. A span in the middle
of the sentence ('Kế hoạch 5 năm (2021 - 2025) theo Nghị quyết …') names another thing's
period and sets no deadline."""

import datetime

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ TRỌNG TÂM

1. Hoàn thiện hạ tầng công
nghệ thông tin và phần mềm quản lý dữ liệu, tùy điều kiện
có thể tiến tới thí điểm (2025 - 2026).

2. Tùy điều kiện, mở rộng và
tiến tới kết nối dữ liệu với Trung tâm dữ liệu quốc gia (2026 trở đi).

3. Đào tạo nhân lực, nâng
cao nhận thức cộng đồng (xuyên suốt 2025 -
2035).

4. Thi đua thực hiện thắng lợi nhiệm vụ phát triển
kinh tế - xã hội và Kế hoạch 5 năm (2021 - 2025) theo Nghị quyết Đại hội Đảng bộ tỉnh.
"""
    + SIGNATURE
)


@pytest.fixture
def plan(parse):
    return parse(PLAN)


def _task(plan, start):
    return next(t for t in plan.tasks if t.title.startswith(start))


@pytest.mark.parametrize(
    "start, due, words",
    [
        ("Hoàn thiện hạ tầng", datetime.date(2026, 12, 31), "2025 - 2026"),
        ("Đào tạo nhân lực", datetime.date(2035, 12, 31), "xuyên suốt 2025 - 2035"),
        ("Tùy điều kiện", None, "2026 trở đi"),
    ],
)
def test_a_span_of_years_closing_a_task_is_its_time(plan, start, due, words):
    task = _task(plan, start)
    assert (task.due, task.due_text) == (due, words)
    assert "(" not in task.title  # the bracket leaves the title


def test_a_span_of_years_mid_sentence_is_no_deadline(plan):
    task = _task(plan, "Thi đua thực hiện")
    assert (task.due, task.due_text) == (None, None)
