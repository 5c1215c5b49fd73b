import pytest

from quantri.reports.figures import FiguresError, format_figures, parse_figures


def test_it_reads_names_and_numbers_with_decimal_commas():
    text = "Số buổi tiếp công dân = 6\nTỷ lệ hồ sơ trực tuyến (%) = 72,5; Số TTHC công bố = 1.250"
    assert parse_figures(text) == {
        "Số buổi tiếp công dân": 6,
        "Tỷ lệ hồ sơ trực tuyến (%)": 72.5,
        "Số TTHC công bố": 1250,
    }


def test_it_writes_back_what_it_reads():
    figures = {"Số buổi": 6, "Tỷ lệ (%)": 72.5}
    assert parse_figures(format_figures(figures)) == figures


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Số buổi 6", "should read “name = number”"),
        ("= 6", "has no name"),
        ("Số buổi = sáu", "sáu is not a number"),
        ("Số buổi = 1\nSố buổi = 2", "given twice"),
    ],
)
def test_it_says_what_is_wrong(text, fragment):
    with pytest.raises(FiguresError, match=fragment):
        parse_figures(text)
