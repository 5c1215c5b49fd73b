"""Tasks written twice (issue 13): the body lists them as prose and the annex table after the
signature lists them again with their lead unit and time, without the body pointing to the
annex. The plan holds each task once, as the annex assigns it; body tasks the annex does not
repeat stay as written."""

import datetime

import pytest

from .test_copied_plans import HEADER, SIGNATURE

BODY = """\
II. NHIỆM VỤ, GIẢI PHÁP

1. Nâng cao nhận thức

a) Đẩy mạnh truyền thông về chuyển đổi số trong doanh nghiệp trên các phương tiện
thông tin đại chúng.

b) Triển khai đánh giá mức độ
chuyển đổi số trong các doanh nghiệp trên địa bàn tỉnh.

2. Hợp tác và thu hút đầu tư

a) Tổ chức xúc tiến đầu tư,
mời gọi các nhà đầu tư trong nước và ngoài nước có tiềm lực đầu tư hạ tầng số.

III. TỔ CHỨC THỰC HIỆN

Các sở, ngành căn cứ Kế hoạch tổ chức thực hiện.
"""

ANNEX = """
PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH
(Kèm theo Kế hoạch số 77/KH-UBND ngày 20/11/2025)
STT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian thực hiện
I. NÂNG CAO NHẬN THỨC
1
Triển khai đánh giá mức độ
chuyển đổi số trong các doanh nghiệp trên địa bàn tỉnh.
Sở Khoa học và Công nghệ
Các sở, ban, ngành tỉnh
Thường xuyên
II. HỢP TÁC VÀ THU HÚT ĐẦU TƯ
2
Tổ chức xúc tiến đầu tư, thu hút,
mời gọi các nhà đầu tư trong và ngoài nước có tiềm lực đầu tư hạ tầng số.
Sở Khoa học và Công nghệ
Sở Tài chính
Quý IV/2025
"""


@pytest.fixture
def plan(parse):
    return parse(HEADER + BODY + SIGNATURE + ANNEX)


def _tasks(plan, start):
    return [t for t in plan.tasks if t.title.startswith(start)]


def test_a_task_the_annex_repeats_is_held_once_with_the_annex_assignment(plan):
    [assessed] = _tasks(plan, "Triển khai đánh giá mức độ")
    assert (assessed.lead, assessed.recurrence) == ("Sở Khoa học và Công nghệ", "continuous")
    [promotion] = _tasks(plan, "Tổ chức xúc tiến đầu tư")
    assert (promotion.lead, promotion.due) == (
        "Sở Khoa học và Công nghệ",
        datetime.date(2025, 12, 31),
    )


def test_a_body_task_the_annex_does_not_repeat_stays(plan):
    assert len(_tasks(plan, "Đẩy mạnh truyền thông")) == 1


def test_a_body_group_whose_tasks_all_moved_to_the_annex_is_not_shown_empty(plan):
    assert not any(title.startswith("Hợp tác") for title in plan.empty_groups)
    assert len(plan.tasks) == 3
