"""Charts render, with Vietnamese labels kept as text."""

import re

from quantri.indices.charts import GapBar, Line, gap_png, gap_svg, radar_svg, trend_svg

LABELS = [
    "Tham gia của người dân ở cấp cơ sở",
    "Công khai, minh bạch",
    "Trách nhiệm giải trình với người dân",
    "Kiểm soát tham nhũng trong khu vực công",
    "Thủ tục hành chính công",
    "Cung ứng dịch vụ công",
    "Quản trị môi trường",
    "Quản trị điện tử",
]


def test_the_radar_is_an_inline_svg_with_vietnamese_labels_as_text():
    svg = radar_svg(
        LABELS,
        [5.4, 5.9, 4.4, 7.5, 7.5, 8.0, 3.6, 3.0],
        [4.7, 5.1, 4.3, 6.8, 7.1, 7.7, 3.5, 2.8],
        names=("Hưng Yên", "Trung vị toàn quốc"),
        title="Hưng Yên 2021",
    )
    assert svg.startswith('<svg role="img" aria-label="Hưng Yên 2021"')
    assert ">Quản trị điện tử</text>" in svg
    assert ">Trung vị toàn quốc</text>" in svg
    assert "<metadata>" not in svg


def test_a_missing_year_breaks_the_trend_line_instead_of_dropping_to_zero():
    def strokes(values) -> str:
        svg = trend_svg(
            [2018, 2019, 2020, 2021],
            [Line("Hưng Yên", values, colour="#8a1c1c")],
            title="T",
            ylabel="Y",
        )
        assert ">Hưng Yên</text>" in svg
        # The province's line is the first path stroked in its colour (the legend's comes last).
        return re.search(r'<path d="([^"]+)" clip-path="[^"]+" style="[^"]*#8a1c1c', svg).group(1)

    assert strokes([43.5, 41.2, 42.0, 44.1]).count("M ") == 1
    assert strokes([43.5, 41.2, None, 44.1]).count("M ") == 2  # two pieces around the gap


def test_the_gap_chart_renders_as_png_and_svg():
    bars = [GapBar("7. Quản trị môi trường", -0.4, "1 nhiệm vụ · 6%", True)]
    bars.append(GapBar("8. Quản trị điện tử", None, "0 nhiệm vụ · 0%", False))
    assert gap_png(bars, title="Khoảng cách", xlabel="Điểm").startswith(b"\x89PNG\r\n\x1a\n")
    svg = gap_svg(bars, title="Khoảng cách", xlabel="Điểm")
    assert "Quản trị môi trường" in svg and "1 nhiệm vụ · 6%" in svg
