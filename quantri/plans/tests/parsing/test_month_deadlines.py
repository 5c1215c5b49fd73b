"""A month or quarter named with its year inside a task's sentence (issue 13): '… báo cáo kết
quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.' is due at the end of that
month. At the sentence's end the words leave the title; mid-sentence they stay in it. A year
alone ('trong năm 2026 đạt 80%') is a target's year as often as a deadline, so it is left."""

import datetime

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ

1. Sở Văn hóa, Thể thao và Du lịch

Chủ trì, phối hợp với các sở, ngành liên quan tổ chức truyền thông về phòng, chống ma túy.
Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.

2. Sở Nội vụ

- Tổ chức sơ kết trong quý IV/2025 để đánh giá kết quả và đề xuất điều chỉnh.

- Phấn đấu trong năm 2026 đạt 80% hồ sơ được xử lý trực tuyến.
"""
    + SIGNATURE
)


@pytest.fixture
def plan(parse):
    return parse(PLAN)


def _task(plan, words):
    return next(t for t in plan.tasks if words in t.title or words in t.description)


def test_a_month_closing_the_sentence_is_the_deadline_and_leaves_the_title(plan):
    task = _task(plan, "truyền thông về phòng, chống ma túy")
    assert (task.due, task.due_text) == (datetime.date(2025, 11, 30), "trong tháng 11/2025")
    assert "11/2025" not in task.title


def test_a_quarter_mid_sentence_is_the_deadline_and_stays_in_the_title(plan):
    task = _task(plan, "Tổ chức sơ kết")
    assert task.due == datetime.date(2025, 12, 31)
    assert "trong quý IV/2025 để đánh giá" in task.title


def test_a_year_alone_in_the_sentence_sets_no_deadline(plan):
    task = _task(plan, "Phấn đấu")
    assert (task.due, task.due_text) == (None, None)
