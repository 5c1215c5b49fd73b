import datetime

import pytest

from quantri.documents.wording import (
    document_number,
    place_and_date,
    point_letter,
    recipient_lines,
    roman,
)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (5, "Số: 05/BC-SVHTTDL"),
        ("5", "Số: 05/BC-SVHTTDL"),
        ("05", "Số: 05/BC-SVHTTDL"),
        (12, "Số: 12/BC-SVHTTDL"),
        ("5/BC-SVHTTDL", "Số: 05/BC-SVHTTDL"),
        ("123/BC-SVHTTDL", "Số: 123/BC-SVHTTDL"),
    ],
)
def test_numbers_below_ten_get_a_leading_zero(number, expected):
    assert document_number(number, "BC", "SVHTTDL") == expected


def test_a_document_without_a_number_leaves_a_blank_before_the_symbol():
    text = document_number("", "BC", "SVHTTDL")
    assert text.startswith("Số:") and text.endswith("/BC-SVHTTDL")
    assert text[3:-11].strip("\u00a0") == ""


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2021, 1, 5), "Hưng Yên, ngày 05 tháng 01 năm 2021"),
        (datetime.date(2021, 2, 28), "Hưng Yên, ngày 28 tháng 02 năm 2021"),
        (datetime.date(2021, 3, 9), "Hưng Yên, ngày 09 tháng 3 năm 2021"),
        (datetime.date(2021, 12, 15), "Hưng Yên, ngày 15 tháng 12 năm 2021"),
    ],
)
def test_dates_pad_days_below_ten_and_january_and_february(day, expected):
    assert place_and_date("Hưng Yên", day) == expected


def test_an_undated_draft_keeps_the_year_and_blanks_for_day_and_month():
    text = place_and_date("Hưng Yên", None, year=2021)
    assert text.startswith("Hưng Yên, ngày") and text.endswith("năm 2021")
    assert "tháng" in text


def test_recipients_end_with_semicolons_and_the_archive_line_with_a_full_stop():
    lines = recipient_lines(["UBND tỉnh", "- Lãnh đạo Sở;", "Các phòng, đơn vị."], "VT, VP")
    assert lines == [
        "- UBND tỉnh;",
        "- Lãnh đạo Sở;",
        "- Các phòng, đơn vị;",
        "- Lưu: VT, VP.",
    ]


def test_an_archive_line_in_the_list_is_moved_last_and_not_doubled():
    lines = recipient_lines(["Lưu: VT", "UBND tỉnh"], "VT, VP")
    assert lines == ["- UBND tỉnh;", "- Lưu: VT."]


def test_parts_use_roman_numerals_and_points_vietnamese_letters():
    assert [roman(n) for n in (1, 2, 4, 9, 14, 40)] == ["I", "II", "IV", "IX", "XIV", "XL"]
    # Vietnamese lettering skips f, j, w, z and has đ after d.
    assert [point_letter(n) for n in range(1, 8)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
