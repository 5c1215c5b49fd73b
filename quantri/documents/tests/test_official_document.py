"""The document reopened with python-docx, checked against Decree 30/2020 Appendix I."""

import datetime
import io
import struct
import zlib

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from quantri.documents import (
    FONT,
    Header,
    Image,
    Item,
    Layout,
    OfficialDocument,
    Paragraph,
    Part,
    Point,
    Run,
    Signature,
    Table,
)
from quantri.documents.metrics import text_width_pt


def tiny_png() -> bytes:
    """A valid 1×1 white PNG, built by hand: enough for python-docx to embed and measure."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = tiny_png()
SUMMARY = "Kết quả thực hiện Kế hoạch nâng cao Chỉ số PAPI 6 tháng đầu năm 2021"


def make(**changes) -> OfficialDocument:
    options = {
        "header": Header(
            issuer="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            parent_body="UBND TỈNH HƯNG YÊN",
            number=5,
            type_code="BC",
            issuer_code="SVHTTDL",
            place="Hưng Yên",
            issued_on=datetime.date(2021, 1, 5),
        ),
        "doc_type": "BÁO CÁO",
        "summary": SUMMARY,
        "body": [
            "Sở báo cáo kết quả như sau:",
            Part(
                "Kết quả thực hiện",
                [
                    Paragraph([Run("Tiến độ chung: "), Run("80%", bold=True)]),
                    Item("Công khai, minh bạch", ["Đã niêm yết 112/135 thủ tục."]),
                    Item(
                        "Thủ tục hành chính công",
                        [Point("Văn phòng Sở", ["Đã rà soát."]), Point("Thanh tra Sở")],
                    ),
                    Table(["Nhiệm vụ", "Tiến độ"], [["Niêm yết", "80%"]], [12, 4]),
                    Image(PNG, 10, "Biểu đồ 1"),
                ],
            ),
            Part("Tồn tại, hạn chế", [Item("Tồn tại", ["Báo cáo chậm."])]),
        ],
        "signature": Signature(
            authority="KT. GIÁM ĐỐC", position="Phó Giám đốc", name="Đào Mạnh Huân"
        ),
        "recipients": ["UBND tỉnh", "Lãnh đạo Sở"],
        "archive": "VT, VP",
    }
    options.update(changes)
    return OfficialDocument(**options)


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(make().render()))


def cell_lines(cell) -> list[str]:
    """The cell's lines as read: a line break inside a paragraph reads as a space."""
    return [p.text.replace("\n", " ") for p in cell.paragraphs if p.text]


def body_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.text]


def find(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def test_the_page_is_a4_portrait_with_the_decree_margins(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.page_width < section.page_height
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [20, 20, 30, 15]


def test_margins_can_be_chosen_within_the_decree_ranges_only():
    wide = docx.Document(io.BytesIO(make(layout=Layout(left_mm=35, top_mm=25)).render()))
    assert round(wide.sections[0].left_margin.mm, 1) == 35
    with pytest.raises(ValueError, match="left_mm"):
        Layout(left_mm=25)
    with pytest.raises(ValueError, match="body_size"):
        Layout(body_size=12)


def test_the_header_names_the_issuer_number_nation_motto_place_and_date(document):
    header = document.tables[0]
    left = cell_lines(header.cell(0, 0))
    right = cell_lines(header.cell(0, 1))
    assert left == ["UBND TỈNH HƯNG YÊN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert cell_lines(header.cell(1, 0)) == ["Số: 05/BC-SVHTTDL"]
    assert cell_lines(header.cell(1, 1)) == ["Hưng Yên, ngày 05 tháng 01 năm 2021"]


def test_the_header_is_styled_as_the_decree_draws_it(document):
    header = document.tables[0]
    parent, issuer = [p for p in header.cell(0, 0).paragraphs if p.text]
    nation, motto = [p for p in header.cell(0, 1).paragraphs if p.text]
    date = header.cell(1, 1).paragraphs[0]
    assert not parent.runs[0].bold and issuer.runs[0].bold
    assert nation.runs[0].bold and 12 <= nation.runs[0].font.size.pt <= 13
    assert motto.runs[0].bold and 13 <= motto.runs[0].font.size.pt <= 14
    assert date.runs[0].italic
    borders = header._element.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def rule_after(cell, paragraph_text: str):
    paragraphs = cell.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.replace("\n", " ") == paragraph_text)
    rule = paragraphs[index + 1]
    assert rule.text == ""
    assert rule._element.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    return rule


def test_a_rule_the_length_of_the_motto_runs_under_it(document):
    cell = document.tables[0].cell(0, 1)
    rule = rule_after(cell, "Độc lập - Tự do - Hạnh phúc")
    fmt = rule.paragraph_format
    column = Cm(Layout().header_right_cm - 0.38)
    length_cm = (column - fmt.left_indent - fmt.right_indent) / Cm(1)
    motto_cm = text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True) / 72 * 2.54
    assert length_cm == pytest.approx(motto_cm, abs=0.05)


def test_a_short_rule_runs_under_the_issuer_and_the_summary(document):
    rule_after(document.tables[0].cell(0, 0), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == SUMMARY)
    assert paragraphs[index + 1]._element.pPr.find(qn("w:pBdr")) is not None


def test_type_and_summary_are_bold_and_centred(document):
    doc_type = find(document, "BÁO CÁO")
    summary = find(document, SUMMARY)
    for paragraph in (doc_type, summary):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)


def test_every_run_is_black_times_new_roman_in_all_scripts(document):
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [
        run
        for table in document.tables
        for cell in table._cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    assert runs
    for run in runs:
        fonts = run._element.rPr.rFonts
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == FONT, (run.text, slot)
        assert str(run.font.color.rgb) == "000000"


def test_the_document_defaults_use_times_new_roman_not_the_theme_font(document):
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == FONT
    assert not [name for name in fonts.attrib if "heme" in name]
    assert document.styles["Normal"].font.name == FONT


def test_body_text_is_14pt_justified_indented_with_6pt_after(document):
    paragraph = find(document, "Đã niêm yết 112/135 thủ tục.")
    fmt = paragraph.paragraph_format
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent == Cm(1.27)
    assert fmt.space_after == Pt(6)
    assert paragraph.runs[0].font.size == Pt(14)


def test_parts_items_and_points_are_numbered_in_order(document):
    texts = [p.text for p in body_paragraphs(document)]
    assert "I. KẾT QUẢ THỰC HIỆN" in texts
    assert "II. TỒN TẠI, HẠN CHẾ" in texts
    assert "1. Công khai, minh bạch" in texts and "2. Thủ tục hành chính công" in texts
    assert "a) Văn phòng Sở" in texts and "b) Thanh tra Sở" in texts
    # Items restart at 1 in each part.
    assert texts.index("1. Tồn tại") > texts.index("II. TỒN TẠI, HẠN CHẾ")
    assert find(document, "I. KẾT QUẢ THỰC HIỆN").runs[0].bold


def test_tables_and_images_are_written_in_the_body(document):
    data = document.tables[1]
    assert [c.text for c in data.rows[0].cells] == ["Nhiệm vụ", "Tiến độ"]
    assert [c.text for c in data.rows[1].cells] == ["Niêm yết", "80%"]
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].width == Cm(10)
    assert find(document, "Biểu đồ 1").runs[0].italic


def test_recipients_and_signature_close_the_document(document):
    closing = document.tables[-1]
    recipients = closing.cell(0, 0).paragraphs
    assert [p.text for p in recipients] == [
        "Nơi nhận:",
        "- UBND tỉnh;",
        "- Lãnh đạo Sở;",
        "- Lưu: VT, VP.",
    ]
    label = recipients[0].runs[0]
    assert label.bold and label.italic and label.font.size == Pt(12)
    assert {run.font.size for p in recipients[1:] for run in p.runs} == {Pt(11)}
    sign = [p for p in closing.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in sign] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đào Mạnh Huân"]
    assert all(run.bold for p in sign for run in p.runs)


def test_page_numbers_are_centred_at_the_top_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [e.text for e in number._element.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]


def test_an_official_letter_puts_its_summary_under_the_number():
    letter = make(
        doc_type="",
        summary="Đề nghị báo cáo kết quả",
        header=Header(
            issuer="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            type_code="",
            issuer_code="SVHTTDL",
            number=7,
            place="Hưng Yên",
            issued_on=datetime.date(2021, 3, 9),
        ),
    )
    document = docx.Document(io.BytesIO(letter.render()))
    assert cell_lines(document.tables[0].cell(1, 0)) == [
        "Số: 07/SVHTTDL",
        "V/v Đề nghị báo cáo kết quả",
    ]
    assert "BÁO CÁO" not in [p.text for p in document.paragraphs]


def test_a_point_that_is_not_a_block_is_rejected():
    with pytest.raises(TypeError):
        make(body=[42]).render()


def test_a_paragraph_may_mix_plain_and_bold_runs(document):
    paragraph = find(document, "Tiến độ chung: 80%")
    assert [(run.text, bool(run.bold)) for run in paragraph.runs] == [
        ("Tiến độ chung: ", False),
        ("80%", True),
    ]


def test_a_long_agency_name_breaks_where_clerks_break_it():
    from quantri.documents.builder import balance

    assert balance("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", 13, 6.2, bold=True) == (
        "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN"
    )
    assert balance("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 13, 6.2, bold=True) == (
        "SỞ VĂN HÓA,\nTHỂ THAO VÀ DU LỊCH"
    )
    assert balance("SỞ NỘI VỤ", 13, 6.2, bold=True) == "SỞ NỘI VỤ"


def test_the_issuer_is_broken_over_two_lines_in_the_header(document):
    issuer = document.tables[0].cell(0, 0).paragraphs[1]
    assert issuer.text == "SỞ VĂN HÓA,\nTHỂ THAO VÀ DU LỊCH"
