"""Test documents built in code: a Word plan with a header table, Word numbering and an
annex task table; PDF plans made with fpdf2. The wording is written for these tests."""

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _paragraph(document, text, *, bold=False, center=False, style=None):
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _cell_lines(cell, lines, *, bold_first=False):
    cell.paragraphs[0].add_run(lines[0]).bold = bold_first
    for line in lines[1:]:
        cell.add_paragraph(line)


def _set_level(paragraph, level: int) -> None:
    """Word numbering level on a list paragraph (a nested bullet)."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "1")  # the default template's bullet list
    num_pr.extend([ilvl, num_id])
    p_pr.append(num_pr)


ANNEX_HEADER = [
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
]


def build_docx_plan() -> bytes:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    _cell_lines(header.cell(0, 0), ["UBND TỈNH HƯNG YÊN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"])
    _cell_lines(
        header.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    )
    _cell_lines(header.cell(1, 0), ["Số: 45/KH-SVHTTDL"])
    _cell_lines(header.cell(1, 1), ["Hưng Yên, ngày 10 tháng 3 năm 2022"])

    _paragraph(document, "KẾ HOẠCH", bold=True, center=True)
    _paragraph(document, "Nâng cao Chỉ số PAPI và Chỉ số SIPAS", bold=True, center=True)
    _paragraph(document, "năm 2022", bold=True, center=True)
    _paragraph(document, "Căn cứ Kế hoạch số 21/KH-UBND ngày 02/02/2022 của UBND tỉnh Hưng Yên;")
    _paragraph(document, "Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:")

    _paragraph(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _paragraph(document, "1. Mục đích", bold=True)
    _paragraph(document, "Nâng cao chất lượng phục vụ người dân, tổ chức.", style="List Bullet")
    _paragraph(document, "Cải thiện điểm số các chỉ số nội dung còn thấp.", style="List Bullet")
    _paragraph(document, "2. Yêu cầu", bold=True)
    _paragraph(document, "Phân công rõ đơn vị chủ trì, thời hạn hoàn thành.", style="List Bullet")

    _paragraph(document, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    _paragraph(document, "1. Công tác chỉ đạo, điều hành", bold=True)
    _paragraph(
        document,
        "Quán triệt Kế hoạch đến toàn thể công chức, viên chức; Văn phòng Sở chủ trì, "
        "thời gian: Quý I/2022.",
        style="List Number",
    )
    _paragraph(
        document,
        "Đưa nhiệm vụ nâng cao Chỉ số PAPI vào chương trình công tác năm của các phòng, đơn vị.",
        style="List Number",
    )
    _paragraph(document, "2. Chỉ số nội dung 6: Cung ứng dịch vụ công", bold=True)
    _paragraph(
        document,
        "Nâng cao chất lượng phục vụ tại các thiết chế văn hóa, thể thao; Trung tâm Văn hóa "
        "tỉnh chủ trì, phối hợp với Thư viện tỉnh thực hiện.",
        style="List Bullet",
    )
    _set_level(_paragraph(document, "Bổ sung đầu sách mới tại Thư viện tỉnh."), 1)

    _paragraph(document, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    _paragraph(
        document,
        "1. Các phòng, đơn vị thuộc Sở báo cáo kết quả định kỳ 6 tháng, năm gửi Lãnh đạo Sở "
        "(qua Văn phòng Sở) trước ngày 15/6 và 15/12.",
    )

    closing = document.add_table(rows=1, cols=2)
    _cell_lines(
        closing.cell(0, 0),
        ["Nơi nhận:", "- UBND tỉnh;", "- Lãnh đạo Sở;", "- Lưu: VT, VP."],
        bold_first=True,
    )
    _cell_lines(closing.cell(0, 1), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Văn An"])

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _paragraph(document, "PHỤ LỤC", bold=True, center=True)
    _paragraph(document, "DANH MỤC NHIỆM VỤ NĂM 2022", bold=True, center=True)
    _paragraph(document, "(Kèm theo Kế hoạch số 45/KH-SVHTTDL ngày 10/3/2022)", center=True)
    _annex_table(document)
    return _save(document)


def _annex_table(document) -> None:
    rows = [
        ANNEX_HEADER,
        ["I. CHỈ SỐ NỘI DUNG 2: CÔNG KHAI, MINH BẠCH"] * 6,  # merged below
        [
            "1",
            "Công khai kết quả giải quyết TTHC trên Cổng thông tin điện tử",
            "Văn phòng Sở",
            "Phòng Quản lý Văn hóa, Thanh tra Sở",
            "Hằng tháng",
            "Kết quả được đăng tải",
        ],
        [
            "2",
            "Công khai dự toán, quyết toán ngân sách của Sở",
            "Phòng Kế hoạch - Tài chính",
            "",
            "Trước 31/3/2022",
            "Văn bản công khai",
        ],
        ["II", "THỦ TỤC HÀNH CHÍNH CÔNG", "", "", "", ""],
        [
            "3",
            "Rà soát, đơn giản hóa TTHC lĩnh vực du lịch",
            "Phòng Quản lý Du lịch",
            "Văn phòng Sở",
            "Quý III/2022",
            "Phương án đơn giản hóa",
        ],
        [
            "4",
            "Khảo sát sự hài lòng của người dân khi giải quyết TTHC",
            "",  # merged with the lead cell above
            "Các phòng, đơn vị thuộc Sở",
            "Tháng 11/2022",
            "Báo cáo kết quả khảo sát",
        ],
        ANNEX_HEADER,  # the header again, where the table goes on to a new page
        [
            "5",
            "Cập nhật bộ TTHC lĩnh vực thể dục thể thao",
            "Phòng Quản lý Thể dục thể thao",
            "Văn phòng Sở",
            "Thường xuyên",
            "",
        ],
    ]
    table = document.add_table(rows=len(rows), cols=len(ANNEX_HEADER))
    for r, values in enumerate(rows):
        if r == 1:
            table.cell(1, 0).merge(table.cell(1, 5)).text = values[0]
            continue
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = value
    table.cell(5, 2).merge(table.cell(6, 2))  # one lead cell for tasks 3 and 4


def build_docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return _save(document)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def dejavu_font() -> Path | None:
    """DejaVu Sans from matplotlib, else one installed on the system."""
    try:
        import matplotlib

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.exists():
            return bundled
    except ImportError:
        pass
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        found = sorted(folder.rglob("DejaVuSans.ttf")) if folder.exists() else []
        if found:
            return found[0]
    return None


def build_pdf(pages: list[str], font: Path) -> bytes:
    """One PDF page per text, wrapped by fpdf2 as on paper, numbered from page 2."""
    from fpdf import FPDF

    class NumberedPdf(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font("DejaVu", size=10)
                self.cell(0, 6, f"- {self.page_no()} -", align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_font("DejaVu", size=12)

    pdf = NumberedPdf()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=12)
    for text in pages:
        pdf.add_page()
        for line in text.strip().splitlines():
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build_pdf_without_text() -> bytes:
    """A 'scanned' page: drawing only, no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250)
    return bytes(pdf.output())
