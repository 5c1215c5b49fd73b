"""A Markdown task table as a crawl leaves it (issue 13, corpus ae8d299a): rows wrapped over
several lines, an empty cell dropped, empty '| ||||' rows between rows, a group heading in a
row of one cell, and '(1) … (2)' lists inside a cell. Each row is one task."""

import datetime

import pytest

from .test_copied_plans import HEADER, SIGNATURE

D = datetime.date

TABLE = """\
II. NHIỆM VỤ

| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ | Hồ sơ | |
| I. Văn bản do Hội đồng nhân dân tỉnh ban hành |
| |||||
| | Nghị quyết quy định mức chi | UBND tỉnh | Sở Tài chính (Sở Nội vụ phối hợp soạn)
| - Ban Pháp chế chủ trì thẩm tra.
| Trình tại Kỳ họp thứ 5 (tháng 3/2026) | - Hồ sơ gồm có: (1) Tờ trình; (2) Dự thảo Nghị quyết. | |
| II. Văn bản do Ủy ban nhân dân tỉnh ban hành | |||||||
| |||||||
| | Quyết định bãi bỏ quy chế cũ | Sở Tư pháp |
Sở Tư pháp (Thanh tra tỉnh góp ý) |
| Trình trước ngày 10/01/2026 | - Hồ sơ gồm có: (1) Tờ trình; (2) Dự thảo Quyết định. | |
| Quyết định sửa đổi quy chế | Sở Nội vụ | Sở Nội vụ | HĐND | Trước 20/02/2026 | (1) Tờ trình. ||
"""


@pytest.fixture
def plan(parse):
    return parse(HEADER + TABLE + SIGNATURE, filename="nghi-quyet.md")


def test_each_wrapped_row_is_one_task_under_its_heading(plan):
    assert [g.title for g in plan.groups] == [
        "Văn bản do Hội đồng nhân dân tỉnh ban hành",
        "Văn bản do Ủy ban nhân dân tỉnh ban hành",
    ]
    assert [len(g.tasks) for g in plan.groups] == [1, 2]


@pytest.mark.parametrize(
    "start, lead, due",
    [
        ("Nghị quyết quy định mức chi", "Sở Tài chính", D(2026, 3, 31)),
        ("Quyết định bãi bỏ", "Sở Tư pháp", D(2026, 1, 10)),  # its empty cell was dropped
        ("Quyết định sửa đổi", "Sở Nội vụ", D(2026, 2, 20)),  # its number cell was dropped
    ],
)
def test_a_row_keeps_its_drafting_body_and_deadline_in_their_columns(plan, start, lead, due):
    task = next(t for t in plan.tasks if t.title.startswith(start))
    assert (task.lead, task.due) == (lead, due)


def test_numbered_lists_inside_a_cell_are_no_tasks(plan):
    assert not any(t.title.startswith(("Tờ trình", "Dự thảo", "Báo cáo")) for t in plan.tasks)
