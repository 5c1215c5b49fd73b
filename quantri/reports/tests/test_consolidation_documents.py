"""The department's consolidated report from a small department computed by hand: the DOCX
and the XLSX reopened and checked against the data."""

import datetime
import io

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from quantri.documents import FONT
from quantri.reports.consolidation import services
from quantri.reports.consolidation.data import Narrative
from quantri.reports.tests.consolidation_factories import make_world

pytestmark = pytest.mark.django_db
AFTER_DEADLINE = datetime.date(2021, 7, 1)


@pytest.fixture
def world(plan, department, office, culture_unit, library):
    return make_world(
        plan=plan,
        department=department,
        office=office,
        culture_unit=culture_unit,
        library=library,
    )


@pytest.fixture
def result(world):
    return services.consolidate_period(world.period, today=AFTER_DEADLINE)


@pytest.fixture
def document(result):
    return docx.Document(io.BytesIO(result.docx()))


@pytest.fixture
def workbook(result):
    return openpyxl.load_workbook(io.BytesIO(result.xlsx()))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


# The figures -----------------------------------------------------------------------------------


def test_progress_by_dimension_is_the_weighted_progress_the_units_reported(result):
    progress = {d.name: d.progress for d in result.figures.dimensions}
    assert progress == {
        "Công tác chỉ đạo, điều hành": 70,  # returned report ignored: the task's own 70%
        result.figures.dimensions[1].name: 73,  # (2×60 + 1×100) / 3, from the reports
        result.figures.dimensions[2].name: 40,  # 3.2 cancelled: left out
    }
    assert [d.code for d in result.figures.dimensions] == ["", "2", "5"]
    assert result.figures.progress == 66  # (70 + 120 + 100 + 40) / 5


def test_completeness_counts_each_unit_as_the_office_view_does(result, world):
    from quantri.reports.queries import completeness

    total = result.figures.completeness
    office_view = completeness(world.period, today=AFTER_DEADLINE)
    mine = (total.expected, total.submitted, total.on_time, total.late, total.missing)
    theirs = (
        office_view.expected,
        office_view.submitted,
        office_view.on_time,
        office_view.late,
        office_view.missing,
    )
    assert mine == theirs == (4, 2, 1, 1, 1)
    assert total.returned == office_view.returned == 1
    assert (total.reporting_rate, total.on_time_rate) == (50, 25)


def test_only_submitted_and_accepted_reports_are_quoted(result, world):
    by_number = {t.number: t for t in result.data.tasks}
    assert [r.unit for r in by_number["2.1"].results] == ["Phòng Quản lý Văn hóa", "Thư viện tỉnh"]
    assert by_number["2.1"].results[0].is_lead
    assert by_number["1.1"].results == []  # the office's report was returned


# The DOCX ------------------------------------------------------------------------------------


def test_the_docx_header_names_the_department_its_province_and_the_period(document):
    header = document.tables[0]
    left = [p.text.replace("\n", " ") for p in header.cell(0, 0).paragraphs if p.text]
    assert left == ["UBND TỈNH THỬ NGHIỆM", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]
    number = header.cell(1, 0).text
    assert number.startswith("Số:") and number.endswith("/BC-SVHTTDL")
    date = header.cell(1, 1).text
    assert date.startswith("Thử Nghiệm, ngày") and date.endswith("năm 2021")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text


def test_the_docx_has_the_report_type_summary_and_four_parts(document):
    lines = texts(document)
    assert "BÁO CÁO" in lines
    assert (
        "Kết quả thực hiện Kế hoạch nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) "
        "6 tháng đầu năm 2021"
    ) in lines
    parts = [line for line in lines if line.split(".")[0] in ("I", "II", "III", "IV")]
    assert parts == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI (6 THÁNG CUỐI NĂM 2021)",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_the_docx_figures_equal_the_data(document, result):
    lines = texts(document)
    assert "Tổng số 5 nhiệm vụ, hoàn thành 1, đang thực hiện 3; tiến độ chung đạt 66%." in lines
    second = result.figures.dimensions[1]
    index = lines.index(f"3. {second.name} (chỉ số nội dung 2)")
    assert lines[index + 1] == (
        "Tổng số 2 nhiệm vụ, hoàn thành 1, đang thực hiện 1; tiến độ chung đạt 73%."
    )
    # Only the culture unit leads a task that counted listed procedures: its 112 is its own
    # line, not a dimension total; the library's 8 (a supporting unit) stays on its own line.
    assert (
        lines[index + 2]
        == "a) Niêm yết thủ tục (Phòng Quản lý Văn hóa chủ trì; Đang thực hiện, 60%)"
    )
    assert "Số liệu: Số thủ tục niêm yết: 112; Tỷ lệ niêm yết (%): 83." in lines
    assert "Số liệu: Số thủ tục niêm yết: 8." in lines
    assert (
        "Có 2/4 báo cáo của các phòng, đơn vị đã gửi (đạt 50%), trong đó đúng hạn 1 (25%), "
        "chậm 1; chưa gửi 1; trả lại để hoàn thiện 1." in lines
    )


def figure_lines(lines: list[str], figure: str) -> list[str]:
    return [line for line in lines if figure in line]


def test_a_unit_s_figures_are_printed_once(document):
    lines = texts(document)
    assert figure_lines(lines, "Số thủ tục niêm yết: 112") == [
        "Số liệu: Số thủ tục niêm yết: 112; Tỷ lệ niêm yết (%): 83."
    ]


def test_a_figure_two_lead_units_report_is_totalled_once_above_their_own_lines(world):
    from quantri.reports.models import TaskReport

    TaskReport.objects.filter(task=world.tasks["2.2"]).update(figures={"Số thủ tục niêm yết": 20})
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)
    lines = texts(docx.Document(io.BytesIO(result.docx())))
    assert figure_lines(lines, "Số liệu chủ yếu") == ["Số liệu chủ yếu: Số thủ tục niêm yết: 132."]
    assert figure_lines(lines, "Số thủ tục niêm yết: 112") == [
        "Số liệu: Số thủ tục niêm yết: 112; Tỷ lệ niêm yết (%): 83."
    ]
    assert figure_lines(lines, "Số thủ tục niêm yết: 20") == ["Số liệu: Số thủ tục niêm yết: 20."]


def test_the_docx_quotes_what_the_units_did_under_each_task(document):
    lines = texts(document)
    assert "- Phòng Quản lý Văn hóa: Đã niêm yết 112/135 thủ tục." in lines
    assert "- Thư viện tỉnh: Phối hợp niêm yết tại Thư viện." in lines
    assert "a) Niêm yết thủ tục (Phòng Quản lý Văn hóa chủ trì; Đang thực hiện, 60%)" in lines
    assert not any("Văn bản bị trả lại" in line for line in lines)


def test_the_docx_has_the_chart_and_the_completeness_table(document):
    assert len(document.inline_shapes) == 1
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Phòng, đơn vị", "Tình trạng báo cáo", "Thời hạn"]
    assert rows[1:] == [
        ["1", "Văn phòng Sở", "Trả lại để hoàn thiện", ""],
        ["2", "Phòng Quản lý Văn hóa", "Đã tiếp nhận", "Đúng hạn"],
        ["3", "Thư viện tỉnh", "Đã gửi", "Chậm"],
        ["4", "Thanh tra Sở", "Chưa gửi", "Quá hạn"],
    ]


def test_the_docx_is_a4_in_times_new_roman_with_the_decree_margins(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run._element.rPr.rFonts.get(qn("w:ascii")) == FONT


def test_the_drafted_narrative_takes_the_plan_and_the_units_words(result, document):
    narrative = result.narrative
    assert narrative.recipients == ["UBND tỉnh", "Lãnh đạo Sở", "Lưu: VT"]
    assert narrative.signer_authority == "KT. GIÁM ĐỐC"
    assert narrative.place == "Thử Nghiệm"
    assert "- Phòng Quản lý Văn hóa: Thiếu cán bộ." in narrative.shortcomings
    assert "Rà soát thủ tục" in narrative.next_tasks
    closing = document.tables[-1]
    assert [p.text for p in closing.cell(0, 0).paragraphs] == [
        "Nơi nhận:",
        "- UBND tỉnh;",
        "- Lãnh đạo Sở;",
        "- Lưu: VT.",
    ]
    sign = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
    assert sign == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đào Mạnh Huân"]


def test_the_saved_narrative_is_what_the_docx_says(world, alice):
    report = services.consolidated_report_for(period=world.period, user=alice)
    services.consolidated_report_update(
        report=report,
        user=alice,
        number="5",
        issued_on=datetime.date(2021, 7, 5),
        shortcomings="Một số đơn vị gửi báo cáo chậm.",
        causes="Chưa bố trí cán bộ theo dõi.",
    )
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)
    document = docx.Document(io.BytesIO(result.docx()))
    lines = texts(document)
    assert document.tables[0].cell(1, 0).text == "Số: 05/BC-SVHTTDL"
    assert document.tables[0].cell(1, 1).text == "Thử Nghiệm, ngày 05 tháng 7 năm 2021"
    assert lines.index("Một số đơn vị gửi báo cáo chậm.") < lines.index("2. Nguyên nhân")
    assert "Chưa bố trí cán bộ theo dõi." in lines


def test_a_narrative_field_that_is_not_one_is_refused(world, alice):
    report = services.consolidated_report_for(period=world.period, user=alice)
    with pytest.raises(TypeError):
        services.consolidated_report_update(report=report, user=alice, agency=None)


# The XLSX ------------------------------------------------------------------------------------


def test_the_task_sheet_has_one_row_per_task_with_the_reported_values(workbook):
    sheet = workbook["Nhiệm vụ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "TT",
        "Nhóm nhiệm vụ / Chỉ số nội dung",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Trạng thái",
        "Tiến độ (%)",
        "Kết quả thực hiện",
    )
    assert len(rows) == 1 + 5
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number["2.1"][3:6] == ("Phòng Quản lý Văn hóa", "Đang thực hiện", 60)
    assert by_number["2.2"][4:6] == ("Hoàn thành", 100)
    assert by_number["3.2"][4] == "Không thực hiện"
    assert "Phòng Quản lý Văn hóa: Đã niêm yết 112/135 thủ tục." in by_number["2.1"][6]
    assert by_number["2.1"][1].startswith("2. ")
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b


def test_the_unit_sheet_gives_completeness_per_unit_and_in_total(workbook):
    rows = list(workbook["Đơn vị"].iter_rows(values_only=True))
    assert rows[0][0] == "Đơn vị" and rows[0][-2:] == ("Tỷ lệ báo cáo (%)", "Tỷ lệ đúng hạn (%)")
    by_unit = {row[0]: row[1:] for row in rows[1:]}
    # expected, submitted, accepted, on time, late, missing, returned, rates
    assert by_unit["Phòng Quản lý Văn hóa"] == (1, 1, 1, 1, 0, 0, 0, 100, 100)
    assert by_unit["Thư viện tỉnh"] == (1, 1, 0, 0, 1, 0, 0, 100, 0)
    assert by_unit["Văn phòng Sở"] == (1, 0, 0, 0, 0, 0, 1, 0, 0)
    assert by_unit["Tổng cộng"] == (4, 2, 1, 1, 1, 1, 1, 50, 25)


def test_the_dimension_sheet_repeats_the_progress_by_dimension(workbook, result):
    rows = list(workbook["Chỉ số nội dung"].iter_rows(values_only=True))
    assert [row[-1] for row in rows[1:]] == [70, 73, 40, 66]


def test_text_a_unit_typed_never_becomes_a_formula(world):
    from quantri.reports.models import TaskReport

    TaskReport.objects.filter(done__startswith="Đã niêm yết").update(done="=HYPERLINK(1)")
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)
    sheet = openpyxl.load_workbook(io.BytesIO(result.xlsx()))["Nhiệm vụ"]
    cell = next(c for c in sheet["G"] if c.value and "HYPERLINK" in c.value)
    assert cell.data_type == "s"


def test_an_agency_with_no_reports_still_gets_a_report(plan):
    from quantri.reports.tests.factories import ReportingPeriodFactory, ReportingRegimeFactory

    period = ReportingPeriodFactory(regime=ReportingRegimeFactory(plan=plan), plan=plan)
    result = services.consolidate_period(period)
    assert result.figures.completeness.expected == 0
    assert docx.Document(io.BytesIO(result.docx())).paragraphs
    assert openpyxl.load_workbook(io.BytesIO(result.xlsx()))["Nhiệm vụ"].max_row == 1
    assert isinstance(result.narrative, Narrative)
