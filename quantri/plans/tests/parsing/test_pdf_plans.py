"""A PDF plan made with fpdf2: lines wrapped where the page ends, a page number on page 2."""

import datetime

import pytest

from .builders import build_pdf, dejavu_font
from .conftest import all_texts

FONT = dejavu_font()
pytestmark = pytest.mark.skipif(
    FONT is None, reason="no DejaVu font (matplotlib or the system) to write Vietnamese in a PDF"
)

FIRST_PAGE = """UBND TỈNH BẮC NINH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 05/KH-SGDĐT
Bắc Ninh, ngày 20 tháng 01 năm 2023
KẾ HOẠCH
Cải thiện Chỉ số PAPI trong lĩnh vực giáo dục năm 2023
Căn cứ Kế hoạch số 08/KH-UBND ngày 12/01/2023 của UBND tỉnh Bắc Ninh về nâng cao Chỉ số PAPI năm 2023, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
Nâng cao sự hài lòng của người dân đối với dịch vụ giáo dục công lập trên địa bàn tỉnh.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công khai, minh bạch
- Công khai các khoản thu, chi đầu năm học tại tất cả các cơ sở giáo dục công lập trên địa bàn tỉnh; Phòng Kế hoạch - Tài chính chủ trì, phối hợp với các phòng chuyên môn thực hiện, hoàn thành trước ngày 30/9/2023.
- Niêm yết công khai quy trình tuyển sinh đầu cấp trên Cổng thông tin điện tử của Sở.
2. Cung ứng dịch vụ công
- Kiểm tra việc thực hiện quy định về dạy thêm, học thêm tại các cơ sở giáo dục; giao Thanh tra Sở thực hiện, thời gian: hằng quý.
"""  # noqa: E501

SECOND_PAGE = """3. Quản trị điện tử
- Triển khai tuyển sinh trực tuyến đầu cấp ở tất cả các huyện, thị xã, thành phố trong năm học 2023-2024; Văn phòng Sở chủ trì, thời gian hoàn thành: Tháng 6/2023.
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở báo cáo kết quả thực hiện hằng quý về Văn phòng Sở trước ngày 20 của tháng cuối quý.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
GIÁM ĐỐC
Nguyễn Thị Lan
"""  # noqa: E501


@pytest.fixture(scope="module")
def pdf_bytes():
    return build_pdf([FIRST_PAGE, SECOND_PAGE], FONT)


@pytest.fixture
def pdf_plan(parse, pdf_bytes):
    return parse(pdf_bytes, "ke-hoach-so-gddt.pdf")


def test_a_pdf_plan_is_read_from_its_text_layer(pdf_plan):
    info = pdf_plan.plan
    assert info.source_format == "pdf"
    assert (info.number, info.issued_on, info.place) == (
        "05/KH-SGDĐT",
        datetime.date(2023, 1, 20),
        "Bắc Ninh",
    )
    assert info.issuer == "Sở Giáo dục và Đào tạo"
    assert info.title == "Cải thiện Chỉ số PAPI trong lĩnh vực giáo dục năm 2023"
    assert [(g.dimension, len(g.tasks)) for g in pdf_plan.groups] == [("2", 2), ("6", 1), ("8", 1)]


def test_lines_wrapped_by_the_page_are_joined_back(pdf_plan):
    first = pdf_plan.groups[0].tasks[0]
    assert first.description == (
        "Công khai các khoản thu, chi đầu năm học tại tất cả các cơ sở giáo dục công lập trên "
        "địa bàn tỉnh; Phòng Kế hoạch - Tài chính chủ trì, phối hợp với các phòng chuyên môn "
        "thực hiện, hoàn thành trước ngày 30/9/2023."
    )
    assert (first.lead, first.support, first.due) == (
        "Phòng Kế hoạch - Tài chính",
        ["các phòng chuyên môn"],
        datetime.date(2023, 9, 30),
    )


def test_the_task_after_the_page_break_is_whole(pdf_plan):
    task = pdf_plan.groups[2].tasks[0]
    assert task.description.startswith("Triển khai tuyển sinh trực tuyến đầu cấp")
    assert (task.lead, task.due) == ("Văn phòng Sở", datetime.date(2023, 6, 30))
    for text in all_texts(pdf_plan):
        assert "- 2 -" not in text


def test_pdf_closing_and_reporting(pdf_plan):
    assert pdf_plan.plan.recipients == ["UBND tỉnh", "Lưu: VT, VP"]
    assert (pdf_plan.plan.signer.position, pdf_plan.plan.signer.name) == (
        "GIÁM ĐỐC",
        "Nguyễn Thị Lan",
    )
    assert [(r.frequency, r.to) for r in pdf_plan.reporting] == [("quarterly", "Văn phòng Sở")]
