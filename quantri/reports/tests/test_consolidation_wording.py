"""The Vietnamese the consolidated report is written in, and its chart. Plain Python."""

import datetime

import pytest

from quantri.reports.consolidation import wording
from quantri.reports.consolidation.chart import progress_chart
from quantri.reports.consolidation.data import DimensionFigures


@pytest.mark.parametrize(
    ("code", "phrase", "following"),
    [
        ("2021-H1", "6 tháng đầu năm 2021", "6 tháng cuối năm 2021"),
        ("2021-H2", "6 tháng cuối năm 2021", "6 tháng đầu năm 2022"),
        ("2021-Y", "năm 2021", "năm 2022"),
        ("2021-Q3", "quý III năm 2021", "quý IV năm 2021"),
        ("2021-Q4", "quý IV năm 2021", "quý I năm 2022"),
        ("2021-05", "tháng 5 năm 2021", "tháng 6 năm 2021"),
        ("2021-12", "tháng 12 năm 2021", "tháng 1 năm 2022"),
    ],
)
def test_periods_are_worded_as_reports_name_them(code, phrase, following):
    assert wording.period_phrase(code) == phrase
    assert wording.next_period_phrase(code) == following


@pytest.mark.parametrize(
    ("title", "code", "summary"),
    [
        (
            "Nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) năm 2021",
            "2021-H1",
            "Kết quả thực hiện Kế hoạch nâng cao Chỉ số hiệu quả quản trị và hành chính công "
            "(PAPI) 6 tháng đầu năm 2021",
        ),
        (
            "Kế hoạch cải thiện Chỉ số PAPI năm 2021",
            "2021-Y",
            "Kết quả thực hiện Kế hoạch cải thiện Chỉ số PAPI năm 2021",
        ),
        (
            "Kế hoạch cải cách hành chính giai đoạn 2021 - 2025",
            "2022-Q3",
            "Kết quả thực hiện Kế hoạch cải cách hành chính quý III năm 2022",
        ),
        ("", "2021-05", "Kết quả thực hiện kế hoạch tháng 5 năm 2021"),
    ],
)
def test_the_summary_line_is_the_plan_title_without_its_year_then_the_period(title, code, summary):
    assert wording.summary_line(title, code) == summary


def test_names_in_the_header_are_shortened_as_documents_write_them():
    assert wording.parent_body("Ủy ban nhân dân tỉnh Hưng Yên") == "UBND tỉnh Hưng Yên"
    assert wording.province_place("Ủy ban nhân dân tỉnh Hưng Yên") == "Hưng Yên"
    assert wording.province_place("UBND thành phố Hải Phòng") == "Hải Phòng"
    assert wording.issuer_code("09/KH-SVHTTDL", "SVHTTDL-HY") == "SVHTTDL"
    assert wording.issuer_code("", "SVHTTDL-HY") == "SVHTTDL"


def test_numbers_use_vietnamese_separators():
    assert wording.format_number(1250) == "1.250"
    assert wording.format_number(72.5) == "72,5"
    assert wording.format_number(6.0) == "6"


def test_the_intro_cites_the_plan_by_number_and_date():
    text = wording.intro(
        "Sở Văn hóa, Thể thao và Du lịch",
        "09/KH-SVHTTDL",
        datetime.date(2021, 2, 22),
        "Kế hoạch nâng cao Chỉ số PAPI năm 2021",
        "2021-H1",
    )
    assert text.startswith("Thực hiện Kế hoạch số 09/KH-SVHTTDL ngày 22/02/2021 về nâng cao")
    assert text.endswith("báo cáo kết quả thực hiện 6 tháng đầu năm 2021 như sau:")


def dimensions() -> list[DimensionFigures]:
    first = DimensionFigures("g:x", "Công tác chỉ đạo, điều hành", tasks=2)
    first.counted_weight, first.weighted_progress = 2, 130
    second = DimensionFigures("d:8", "Quản trị điện tử", "8", tasks=1)
    second.counted_weight, second.weighted_progress = 1, 40
    return [first, second]


def test_the_chart_is_a_png_for_the_document():
    png = progress_chart(dimensions(), fmt="png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_chart_in_svg_writes_vietnamese_labels_and_the_values_as_text():
    svg = progress_chart(dimensions(), fmt="svg")
    assert "Công tác chỉ đạo, điều hành" in svg
    assert "8. Quản trị điện tử" in svg
    assert "65%" in svg and "40%" in svg
