"""Leads written as the subject of the task's sentence, and 'thường xuyên' as a manner word
(issue 13): 'Các Trung tâm y tế giám sát …' is led by the health centres; 'Sở KH&CN thúc
đẩy, …' names 'Sở KH&CN', not its verb; '…, thường xuyên kiểm tra …' sets no deadline."""

import pytest

from .test_copied_plans import HEADER, SIGNATURE

SUBJECTS = (
    HEADER
    + """\
II. NHIỆM VỤ

1. Công tác giám sát
- Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.
- Sở Tài chính định kỳ hằng quý tổng hợp báo cáo Ủy ban nhân dân tỉnh.
- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.
- Sở KH&CN thúc đẩy, hỗ trợ doanh nghiệp chuyển đổi số.
- Ban chỉ đạo tỉnh chỉ đạo các xã tổng vệ sinh môi trường.

2. Công tác phòng bệnh
- Phòng chống sốt xuất huyết - Tổng điều tra lăng quăng ngay khi nước rút.
- Cơ quan giải quyết thủ tục hành chính: Ủy ban nhân dân cấp tỉnh.
- Tất cả lực lượng tham gia phải tuân thủ quy định an toàn.
- Tổ chức tập huấn cho cán bộ, thường xuyên kiểm tra việc thực hiện.
- Thường xuyên rà soát, kịp thời tham mưu xử lý vướng mắc.
"""
    + SIGNATURE
)


@pytest.fixture
def plan(parse):
    return parse(SUBJECTS)


def _task(plan, start):
    return next(t for t in plan.tasks if t.title.startswith(start))


@pytest.mark.parametrize(
    "start, lead, support",
    [
        ("Các Trung tâm y tế", "Các Trung tâm y tế", []),
        ("Sở Tài chính định kỳ", "Sở Tài chính", []),
        ("Mặt trận Tổ quốc", "Mặt trận Tổ quốc", ["Đoàn Thanh niên", "Hội Phụ nữ"]),
        ("Sở KH&CN", "Sở KH&CN", []),
        ("Ban chỉ đạo tỉnh", "Ban chỉ đạo tỉnh", []),
    ],
)
def test_a_task_whose_sentence_opens_with_a_unit_is_led_by_it(plan, start, lead, support):
    task = _task(plan, start)
    assert (task.lead, task.support) == (lead, support)
    assert task.title.startswith(start)  # the subject stays: the title still reads as a sentence


@pytest.mark.parametrize(
    "start", ["Phòng chống sốt xuất huyết", "Cơ quan giải quyết", "Tất cả lực lượng"]
)
def test_words_that_only_look_like_a_unit_give_no_lead(plan, start):
    assert _task(plan, start).lead is None


def test_thuong_xuyen_inside_a_sentence_is_how_not_when(plan):
    task = _task(plan, "Tổ chức tập huấn")
    assert (task.due, task.recurrence, task.due_text) == (None, None, None)


def test_thuong_xuyen_opening_a_task_is_an_ongoing_deadline(plan):
    task = _task(plan, "Thường xuyên rà soát")
    assert (task.recurrence, task.due_text) == ("continuous", "Thường xuyên")


DUTIES = (
    HEADER
    + """\
II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Hoàn thiện thể chế về dữ liệu số của tỉnh.

III. TỔ CHỨC THỰC HIỆN

1. Giao Sở Xây dựng là cơ quan đầu mối, tổ chức thực hiện các nhiệm vụ sau:

- Điều phối chung việc triển khai Kế hoạch.

- Tổ chức đánh giá kết quả thực hiện hằng năm.

2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Xây dựng, Ủy ban nhân dân
các xã, phường:

- Xây dựng chương trình tập huấn cho giáo viên.

3. Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp với Sở Xây dựng đưa nội dung vào kế hoạch
bồi dưỡng quốc phòng và an ninh.

4. Sở Tài chính

- Bố trí kinh phí thực hiện Kế hoạch.
"""
    + SIGNATURE
)


def test_duties_under_a_unit_heading_written_as_a_sentence_are_that_units_tasks(parse):
    # 'Sở X chủ trì, phối hợp với …:' over its list of duties, between plain unit headings
    # and single-sentence duties: the part is duties per unit, each led by its unit.
    plan = parse(DUTIES)
    leads = {t.title: t.lead for t in plan.tasks}
    assert leads["Điều phối chung việc triển khai Kế hoạch."] == "Sở Xây dựng"
    assert leads["Xây dựng chương trình tập huấn cho giáo viên."] == "Sở Giáo dục và Đào tạo"
    assert leads["Bố trí kinh phí thực hiện Kế hoạch."] == "Sở Tài chính"
