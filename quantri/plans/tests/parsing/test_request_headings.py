"""Duties the plan asks of bodies outside the issuer's command (issue 13): 'Đề nghị Ủy ban
Mặt trận Tổ quốc Việt Nam tỉnh' over a list of duties gives them to the Front. A request to
several bodies, none said to lead ('Đề nghị Viện kiểm sát …, Tòa án …', '… và các tổ chức
chính trị - xã hội'), gives no lead rather than a guessed one."""

import pytest

from .test_copied_plans import HEADER, SIGNATURE

PLAN = (
    HEADER
    + """\
II. NHIỆM VỤ

1. Tổ chức tập huấn về kinh tế số cho cán bộ, công chức.

III. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính

a) Bố trí kinh phí thực hiện Kế hoạch.

2. Ngân hàng Nhà nước chi nhánh khu vực 14

a) Chỉ đạo các ngân hàng thương mại mở rộng thanh toán không dùng tiền mặt.

3. Đề
nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh

a) Vận động Nhân dân tham gia các nền tảng số.

b) Chủ trì giám sát việc thực hiện Kế hoạch tại cộng đồng.

4. Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh

a) Phối hợp chặt chẽ với Công an tỉnh trong công tác điều tra, truy tố, xét xử.

5. Đề nghị Hội Nông dân tỉnh và các tổ chức chính trị - xã hội

a) Tuyên truyền hội viên tham gia chuyển đổi số.
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
        ("Vận động Nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Chủ trì giám sát", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Chỉ đạo các ngân hàng", "Ngân hàng Nhà nước chi nhánh khu vực 14"),
    ],
)
def test_the_one_body_a_heading_asks_or_names_leads_its_duties(plan, start, lead):
    assert _task(plan, start).lead == lead


@pytest.mark.parametrize("start", ["Phối hợp chặt chẽ với Công an", "Tuyên truyền hội viên"])
def test_a_request_to_several_bodies_gives_no_lead(plan, start):
    assert _task(plan, start).lead is None
