from quantri.surveys.charts import satisfaction_chart, satisfaction_chart_png

LABELS = ["Tiếp cận dịch vụ", "Thủ tục hành chính", "Hài lòng chung"]


def test_the_chart_is_inline_svg_with_vietnamese_labels_and_error_bars():
    svg = satisfaction_chart(
        LABELS, [85.2, None, 80.0], [80.1, None, 75.0], [89.0, None, 84.3], axis_label="Tỷ lệ (%)"
    )
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "85,2%" in svg and "—" in svg  # a share, and an element nobody answered
    assert "Tiếp cận dịch vụ" in svg  # matplotlib keeps each label as a comment by its glyphs


def test_the_png_is_for_documents():
    png = satisfaction_chart_png(
        LABELS, [85.2, 70.0, 80.0], [80, 60, 75], [89, 78, 84], axis_label="%"
    )
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
