"""Charts print numbers as Vietnamese text does (issue 16.10): 0,52 not 0.52."""

import re

from quantri.indices.charts import GapBar, Line, gap_svg, trend_svg


def test_a_gap_charts_figures_use_a_decimal_comma():
    bar = GapBar(label="Công khai, minh bạch", gap=-0.52, note="2 nhiệm vụ", flagged=False)
    svg = gap_svg([bar], title="", xlabel="")
    assert "-0,52" in svg and "-0.52" not in svg


def test_a_trend_charts_axis_uses_a_decimal_comma():
    line = Line(label="Hưng Yên", values=[5.25, 5.75])
    svg = trend_svg([2022, 2023], [line], title="", ylabel="")
    texts = re.findall(r">([^<>]*)</text>", svg)
    assert "5,5" in texts and "5.5" not in texts
