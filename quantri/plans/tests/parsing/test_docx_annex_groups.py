"""A Word annex whose group headings are rows merged across the table, and footnote
markers typed as raised numbers: headings become groups (with their dimension when they
name one), never tasks, and no marker sticks to a title or a unit."""

import datetime

import docx
import pytest

from .builders import ANNEX_HEADER, _paragraph, _save

BODY = [
    "ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM",
    "Số: 21/KH-UBND",
    "Thử Nghiệm, ngày 05 tháng 3 năm 2026",
    "KẾ HOẠCH",
    "Cải thiện Chỉ số PAPI năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao chất lượng phục vụ người dân.",
    "II. NHIỆM VỤ",
    "Các nhiệm vụ cụ thể chi tiết tại Phụ lục kèm theo.",
    "Nơi nhận:",
    "- UBND tỉnh;",
    "- Lưu: VT.",
    "CHỦ TỊCH",
    "Lê Văn Bình",
]


def _raised(cell, text: str, mark: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text)
    paragraph.add_run(mark).font.superscript = True


def build_annex_plan() -> bytes:
    document = docx.Document()
    for line in BODY:
        _paragraph(document, line)
    _paragraph(document, "PHỤ LỤC", bold=True, center=True)
    _paragraph(document, "(Kèm theo Kế hoạch số 21/KH-UBND ngày 05/3/2026)", center=True)
    table = document.add_table(rows=7, cols=len(ANNEX_HEADER))
    for column, title in enumerate(ANNEX_HEADER):
        table.cell(0, column).text = title
    # 'I' in its own cell, the heading merged over every column after it
    table.cell(1, 0).text = "I"
    _raised(table.cell(1, 1).merge(table.cell(1, 5)), "NHÓM NHIỆM VỤ CÔNG KHAI", "1")
    tasks = {
        2: ["1", "Niêm yết thủ tục hành chính tại Bộ phận một cửa", "", "", "Quý I/2026", ""],
        3: ["2", "Công khai dự toán ngân sách xã", "Phòng Tài chính", "", "Tháng 6/2026", ""],
        5: ["3", "Rà soát thủ tục hành chính cấp xã", "Văn phòng UBND", "", "Quý III/2026", ""],
    }
    for row, values in tasks.items():
        for column, value in enumerate(values):
            if value:
                table.cell(row, column).text = value
    _raised(table.cell(2, 2), "Văn phòng UBND", "(2)")
    # one cell merged across the whole row, naming a dimension of the index
    table.cell(4, 0).merge(table.cell(4, 5)).text = "Chỉ số nội dung 5: Thủ tục hành chính công"
    table.cell(6, 0).merge(table.cell(6, 5)).text = "II. NHÓM NHIỆM VỤ KHÁC"
    return _save(document)


@pytest.fixture(scope="module")
def annex_bytes():
    return build_annex_plan()


@pytest.fixture
def annex(parse, annex_bytes):
    return parse(annex_bytes, "ke-hoach-phu-luc.docx")


def test_merged_rows_are_group_headings_not_tasks(annex):
    assert [(g.title, len(g.tasks)) for g in annex.groups] == [
        ("NHÓM NHIỆM VỤ CÔNG KHAI", 2),
        ("Chỉ số nội dung 5: Thủ tục hành chính công", 1),
    ]
    assert annex.empty_groups == ["NHÓM NHIỆM VỤ KHÁC"]
    assert not any("NHÓM NHIỆM VỤ" in t.title for t in annex.tasks)


def test_a_merged_heading_naming_a_dimension_suggests_it(annex):
    assert [g.dimension for g in annex.groups] == [None, "5"]


def test_raised_footnote_numbers_are_dropped(annex):
    posting, budget = annex.groups[0].tasks
    assert posting.lead == "Văn phòng UBND"
    assert posting.due == datetime.date(2026, 3, 31)
    assert budget.lead == "Phòng Tài chính"
