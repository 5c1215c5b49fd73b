"""Units heading their duties in "Tổ chức thực hiện" (issue 13), written as agencies write
them: the unit's role after its name ('1. Sở Tài chính (cơ quan chủ trì)'), and a long
heading that the copy broke at a ';' line end before its closing 'cụ thể sau:'. Every duty
under such a heading is led by its unit."""

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ

1. Tổ chức tập huấn về kinh tế số cho cán bộ, công chức.

III. TỔ CHỨC THỰC HIỆN

1. Sở
Tài chính (cơ quan chủ trì)

- Chủ trì xây dựng, tổ chức thực
hiện, theo dõi, đôn đốc thực hiện Kế hoạch.

- Tổng hợp nhu cầu kinh phí của các sở, ngành trình Ủy ban nhân dân tỉnh.

2. Công an tỉnh (cơ quan thường trực):

- Bảo đảm an ninh mạng cho các nền tảng số của tỉnh.

3. Ủy ban nhân
dân các xã, phường chủ động bố trí kinh phí từ nguồn ngân sách địa phương trong kế hoạch hằng năm;
đồng thời huy động các nguồn vốn hợp pháp khác để triển khai Kế hoạch, tập trung một số nhiệm
vụ cụ thể sau:

- Tổ chức xây dựng, phê duyệt
và triển khai kế hoạch của địa phương mình;

- Tổ chức đánh giá, báo cáo định
kỳ về tiến độ thực hiện gửi Sở Tài chính.
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
        ("Chủ trì xây dựng", "Sở Tài chính"),
        ("Tổng hợp nhu cầu kinh phí", "Sở Tài chính"),
        ("Bảo đảm an ninh mạng", "Công an tỉnh"),
    ],
)
def test_a_units_role_after_its_name_leaves_it_the_lead(plan, start, lead):
    assert _task(plan, start).lead == lead


@pytest.mark.parametrize("start", ["Tổ chức xây dựng, phê duyệt", "Tổ chức đánh giá, báo cáo"])
def test_a_long_unit_heading_broken_at_a_semicolon_leads_the_duties_under_it(plan, start):
    assert _task(plan, start).lead == "Ủy ban nhân dân các xã, phường"
