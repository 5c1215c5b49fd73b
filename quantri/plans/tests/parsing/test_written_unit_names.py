"""Unit names whose first word, once the marks are folded away, is a common word: a newspaper
('Báo Hưng Yên', 'Báo và Phát thanh, Truyền hình Cần Thơ' — but not 'Báo cáo', 'báo chí') and
the social insurance office ('Bảo hiểm xã hội tỉnh' — but not 'Bảo đảm', 'Bảo vệ'). As a
heading in "Tổ chức thực hiện" each leads the duties under it (issue 13)."""

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ

1. Tổ chức tập huấn về kinh tế số cho cán bộ, công chức.

III. TỔ CHỨC THỰC HIỆN

1. Báo
và Phát thanh, Truyền hình Cần Thơ

Phối hợp với các sở, ban, ngành liên quan đẩy mạnh công tác thông tin tuyên truyền.

2. Bảo hiểm xã hội tỉnh

Hướng dẫn người lao động tra cứu quá trình đóng bảo hiểm trên ứng dụng VssID.

3. Báo cáo kết quả thực hiện

Các đơn vị gửi báo cáo về Sở Tài chính trước ngày 15/12 hằng năm.
"""
    + SIGNATURE
)


@pytest.fixture
def plan(parse):
    return parse(PLAN)


def _task(plan, start):
    return next(t for t in plan.tasks if t.title.startswith(start))


@pytest.mark.parametrize(
    "start, lead",
    [
        ("Phối hợp với các sở", "Báo và Phát thanh, Truyền hình Cần Thơ"),
        ("Hướng dẫn người lao động", "Bảo hiểm xã hội tỉnh"),
    ],
)
def test_a_newspaper_or_the_insurance_office_heading_leads_its_duties(plan, start, lead):
    assert _task(plan, start).lead == lead


def test_a_report_heading_is_not_a_unit(plan):
    """'Báo cáo …' is a heading over duties, not a newspaper: the duty keeps its own subject."""
    assert _task(plan, "Các đơn vị gửi báo cáo").lead == "Các đơn vị"
