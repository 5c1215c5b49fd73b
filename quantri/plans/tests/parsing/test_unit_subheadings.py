"""Duties listed per unit under numbered sub-headings (issue 13), as provincial plans copied
from the web write them: the number alone on its line ('1.2.' then 'Sở Tài chính - Cơ quan
thường trực Ban Chỉ đạo'), a unit named at length, a unit over a paragraph rather than a list,
a request to a body outside the issuer's command; and their times written as a span of months
or as 'until the inventory ends'."""

import datetime

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ CỤ THỂ

1.
Nhiệm vụ của thành viên Ban Chỉ đạo

1.1.
Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo

- Tham mưu triển khai thực hiện kế hoạch kiểm kê.

Thời
gian hoàn thành: Tháng 11 - 12/2025.

- Tham mưu Ban Chỉ đạo đôn đốc, kiểm tra việc thực hiện kiểm kê.

Thời
gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.

1.2.
Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi
trường, Công Thương, Khoa học và Công nghệ)

- Phối hợp hướng dẫn các cơ quan, đơn vị thực hiện kiểm kê tài sản kết cấu hạ tầng.

1.3.
Đề nghị Liên đoàn Lao động tỉnh

Phối hợp tuyên truyền về kiểm kê tài sản công trong công nhân lao động.

1.4.
Ủy ban nhân dân các xã, phường

- Thành lập Ban Chỉ đạo tổng kiểm kê tài sản cấp xã.

Thời
gian hoàn thành: Trước ngày 15/11/2025.
"""
    + SIGNATURE
)


@pytest.fixture(params=[None, ["PAPI"]], ids=["any-plan", "plan-not-naming-papi"])
def plan(parse, request):
    """Both ways the importer reads: with the index's names (the real import, where this
    plan names no index) and without."""
    return parse(PLAN, framework_names=request.param)


def _task(plan, start):
    found = [t for t in plan.tasks if t.title.startswith(start)]
    assert len(found) == 1, [t.title for t in plan.tasks]
    return found[0]


def test_a_number_alone_on_its_line_heads_the_duties_under_it(plan):
    titles = [t.title for t in plan.tasks]
    assert not any(title.rstrip(".").replace(".", "").isdigit() for title in titles)
    assert _task(plan, "Tham mưu triển khai").lead == "Sở Tài chính"
    assert _task(plan, "Tham mưu Ban Chỉ đạo đôn đốc").lead == "Sở Tài chính"
    assert _task(plan, "Thành lập Ban Chỉ đạo").lead == "Ủy ban nhân dân các xã, phường"


def test_several_units_named_at_length_keep_their_duties_apart_with_no_lead(plan):
    """Four departments, none said to lead: the duty is a task of its own (not folded into
    the heading's text), and no lead is invented for it."""
    task = _task(plan, "Phối hợp hướng dẫn các cơ quan")
    assert task.lead is None
    assert "Ban Chỉ đạo" not in task.title


def test_a_request_heading_over_a_paragraph_gives_the_body_its_duty(plan):
    assert _task(plan, "Phối hợp tuyên truyền").lead == "Liên đoàn Lao động tỉnh"


def test_a_span_of_months_is_due_at_the_end_of_its_last_month(plan):
    task = _task(plan, "Tham mưu triển khai")
    assert task.due == datetime.date(2025, 12, 31)


def test_work_until_an_event_has_no_date_but_keeps_its_words(plan):
    task = _task(plan, "Tham mưu Ban Chỉ đạo đôn đốc")
    assert task.due is None
    assert "đến khi kết thúc" in (task.due_text or "")


def test_a_date_before_the_deadline_words_is_kept(plan):
    assert _task(plan, "Thành lập Ban Chỉ đạo").due == datetime.date(2025, 11, 15)


SAMPLING = (
    HEADER
    + """\
II. NỘI DUNG QUAN TRẮC

1. Vùng nuôi tôm nước lợ

- Thông số, tần suất, thời gian và số lượng mẫu quan trắc: pH, độ mặn, DO quan trắc với
tần suất 2 lần/tháng; thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026; số lượng mẫu
quan trắc 336 mẫu/năm.

- Thông số, tần suất, thời gian và số lượng mẫu quan trắc: kim loại nặng quan trắc với tần
suất 02 lần/năm; số lượng mẫu quan trắc 30 mẫu/năm.
"""
    + SIGNATURE
)


def test_a_time_span_written_into_the_sentence_is_when_the_work_ends(parse):
    """'… ; thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026; …' (no colon after the
    label): the monitoring ends with October; an item that names no time gets none."""
    first, second = parse(SAMPLING, framework_names=["PAPI"]).tasks
    assert first.due == datetime.date(2026, 10, 31)
    assert second.due is None
