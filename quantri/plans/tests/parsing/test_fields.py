"""The small parsers the plan reader is built from."""

import datetime

import pytest

from quantri.plans.parsing.dimensions import match_dimension
from quantri.plans.parsing.fields import (
    due_date,
    find_deadline,
    find_references,
    parse_date,
    parse_number,
    recurrence_of,
)
from quantri.plans.parsing.lines import join_lines, remove_page_debris
from quantri.plans.parsing.markers import split_enumeration, split_marker
from quantri.plans.parsing.prose import find_units, split_units
from quantri.plans.parsing.readers import read_document
from quantri.plans.parsing.tasks import short_title
from quantri.plans.parsing.text import fold, fold_key, is_person_name

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 05/3/2021", D(2021, 3, 5)),
        ("5/3/2021", D(2021, 3, 5)),
        ("05-03-2021", D(2021, 3, 5)),
        ("Hưng Yên, ngày 5 tháng 3 năm 2021", D(2021, 3, 5)),
        ("ngày 31/2/2021", None),
        ("tháng 3 năm 2021", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quý III/2024", D(2024, 9, 30)),
        ("quý 1 năm 2022", D(2022, 3, 31)),
        ("Quý IV/2023", D(2023, 12, 31)),
        ("Tháng 6/2021", D(2021, 6, 30)),
        ("tháng 02 năm 2024", D(2024, 2, 29)),
        ("6 tháng đầu năm 2022", D(2022, 6, 30)),
        ("năm 2021", D(2021, 12, 31)),
        ("từ 01/3/2021 đến 30/6/2021", D(2021, 6, 30)),
        ("thường xuyên", None),
    ],
)
def test_due_date_is_the_end_of_the_period_named(text, expected):
    assert due_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thường xuyên", "continuous"),
        ("hằng tháng", "monthly"),
        ("hàng tháng", "monthly"),
        ("Hằng quý", "quarterly"),
        ("định kỳ 6 tháng", "semiannual"),
        ("6 tháng", "semiannual"),
        ("hằng năm", "annual"),
        ("hang nam", "annual"),
        ("6 tháng đầu năm 2022", None),
        ("Quý III/2024", None),
    ],
)
def test_recurrence_of(text, expected):
    assert recurrence_of(text) == expected


DEADLINES = [
    ("Rà soát quy trình; thời gian: thường xuyên.", "thường xuyên", None, "continuous"),
    ("Lập báo cáo, hoàn thành trước 30/11/2022.", "hoàn thành trước 30/11/2022", D(2022, 11, 30)),
    (
        "Kiểm tra trước ngày 30 tháng 11 năm 2022.",
        "trước ngày 30 tháng 11 năm 2022",
        D(2022, 11, 30),
    ),
    ("Thời gian thực hiện: Quý III/2024", "Quý III/2024", D(2024, 9, 30)),
    ("Tập huấn công chức (hằng năm).", "hằng năm", None, "annual"),
    ("Tập huấn công chức, thực hiện hằng quý.", "thực hiện hằng quý", None, "quarterly"),
    ("Định kỳ hằng tháng, kiểm tra hồ sơ tồn đọng.", "Định kỳ hằng tháng", None, "monthly"),
    ("Số hóa hồ sơ, hoàn thành trong năm 2023.", "hoàn thành trong năm 2023", D(2023, 12, 31)),
]


@pytest.mark.parametrize("case", DEADLINES, ids=[c[0][:30] for c in DEADLINES])
def test_find_deadline_in_prose(case):
    text, due_text, due, recurrence = (*case, None)[:4]
    found = find_deadline(text)
    assert (found.text, found.due, found.recurrence) == (due_text, due, recurrence)


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức hội nghị tổng kết công tác năm 2021 của ngành.",
        "Thực hiện lịch tiếp công dân định kỳ và đột xuất.",
        "Triển khai Hệ thống quản lý chất lượng TCVN ISO 9001:2015.",
    ],
)
def test_no_deadline_is_invented(text):
    assert find_deadline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: 05/KH-SVHTTDL", "05/KH-SVHTTDL"),
        ("Số 45 /KH- SVHTTDL", "45/KH-SVHTTDL"),
        ("Số: 12/2021/QĐ-UBND", "12/2021/QĐ-UBND"),
        ("Số:    /KH-SVHTTDL", None),
        ("Số: 18/KH-STP Thái Bình, ngày 15 tháng 02 năm 2022", "18/KH-STP"),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_find_references_with_their_dates():
    refs = find_references(
        "Căn cứ Quyết định số 123/QĐ-UBND ngày 5/3/2021 và Kế hoạch số 21/KH-UBND; "
        "Nghị định 09/2019/NĐ-CP"
    )
    assert [(r.kind, r.number, r.issued_on) for r in refs] == [
        ("quyet dinh", "123/QĐ-UBND", D(2021, 3, 5)),
        ("ke hoach", "21/KH-UBND", None),
        ("nghi dinh", "09/2019/NĐ-CP", None),
    ]


def test_fold_keeps_length_and_drops_marks():
    text = "Đào Mạnh Huân — KẾ HOẠCH"
    assert fold(text) == "dao manh huan - ke hoach"
    assert len(fold(text)) == len(text)
    assert fold_key("  Văn phòng Sở, ") == "van phong so"


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("II. NHIỆM VỤ", "roman", "NHIỆM VỤ"),
        ("IV - TỔ CHỨC THỰC HIỆN", "roman", "TỔ CHỨC THỰC HIỆN"),
        ("1. Mục đích", "arabic", "Mục đích"),
        ("2) Yêu cầu", "arabic", "Yêu cầu"),
        ("2.3.1. Rà soát", "decimal3", "Rà soát"),
        ("a) Công khai", "letter", "Công khai"),
        ("đ) Công khai", "letter", "Công khai"),
        ("(1) Tổ chức", "paren", "Tổ chức"),
        ("- Thực hiện", "dash", "Thực hiện"),
        ("– Thực hiện", "dash", "Thực hiện"),
        ("• Thực hiện", "bullet", "Thực hiện"),
        ("+ Thực hiện", "plus", "Thực hiện"),
        ("* Nhiệm vụ chung:", "star", "Nhiệm vụ chung:"),
        ("Điều 1. Ban hành", "article", "Ban hành"),
    ],
)
def test_split_marker(text, kind, rest):
    marker, remainder = split_marker(text)
    assert (marker.kind, remainder) == (kind, rest)


@pytest.mark.parametrize(
    "text", ["2021. Năm", "IV/2024.", "30/11/2022", "TCVN ISO", "P. QLVH chủ trì"]
)
def test_text_that_only_looks_numbered(text):
    assert split_marker(text)[0] is None


def test_split_enumeration_needs_a_lead_in_and_real_items():
    assert split_enumeration("Gồm: (1) Tổ chức hội nghị; (2) Công khai danh sách hộ nghèo.") == (
        "Gồm:",
        ["Tổ chức hội nghị", "Công khai danh sách hộ nghèo."],
    )
    assert split_enumeration("Bảo đảm (1) công khai và (2) minh bạch") is None


def test_units_in_prose():
    found = find_units(
        "Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và các phòng, đơn vị liên quan thực hiện."
    )
    assert (found.lead, found.support) == (
        "Văn phòng Sở",
        ["Thanh tra Sở", "các phòng, đơn vị liên quan"],
    )
    labelled = find_units("Cơ quan chủ trì: Phòng Quản lý Văn hóa; Cơ quan phối hợp: Văn phòng Sở.")
    assert (labelled.lead, labelled.support) == ("Phòng Quản lý Văn hóa", ["Văn phòng Sở"])
    given = find_units("Giao Phòng Quản lý Văn hóa thực hiện.")
    assert given.lead == "Phòng Quản lý Văn hóa"
    bracketed = find_units("Rà soát TTHC (Văn phòng Sở chủ trì, Thanh tra Sở phối hợp).")
    assert (bracketed.lead, bracketed.support) == ("Văn phòng Sở", ["Thanh tra Sở"])
    assert find_units("Tổ chức đối thoại với tổ chức, cá nhân.").lead is None


def test_split_units_keeps_names_with_commas_together():
    assert split_units("Sở Văn hóa, Thể thao và Du lịch, UBND các huyện, thành phố") == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "UBND các huyện, thành phố",
    ]


@pytest.mark.parametrize(
    ("heading", "code"),
    [
        ("Cung ứng dịch vụ công", "6"),
        ("Thủ tục hành chính công", "5"),
        ("Về quản trị điện tử", "8"),
        ("Kiểm soát tham nhũng trong khu vực công", "4"),
        ("Công khai minh bạch", "2"),
        ("Công tác chỉ đạo điều hành", None),
        ("Chỉ số nội dung 3: abc", "3"),
        ("Nội dung 5", "5"),
        ("Chỉ số thành phần 8", "8"),
        ("Trục nội dung 2", "2"),
        ("QUẢN TRỊ MÔI TRƯỜNG", "7"),
        ("quan tri moi truong", "7"),
    ],
)
def test_match_dimension(papi, heading, code):
    assert match_dimension(heading, papi) == code


def test_short_title_cuts_long_text_at_a_sentence_or_a_word():
    long = "Rà soát quy trình nội bộ. " + "Đây là phần giải thích rất dài " * 10
    assert short_title(long) == "Rà soát quy trình nội bộ"
    words = "từ " * 80
    cut = short_title(words.strip())
    assert len(cut) <= 151 and cut.endswith("…") and not cut.endswith(" …")


def test_person_names():
    assert is_person_name("Đào Mạnh Huân")
    assert not is_person_name("PHÓ GIÁM ĐỐC")
    assert not is_person_name("Lưu: VT.")


def test_pdf_debris_is_removed_and_lines_joined():
    text = (
        "- Tăng cường kiểm tra việc\n\n2\n\ngiải quyết hồ sơ.\n\n"
        "Trang 2/5\n\n- Công khai kết quả\n\n- 3 -\n\ntrên Cổng thông tin.\n"
    )
    document = read_document(text.encode(), "a.txt", 10**6)
    paragraphs = [b.text for b in join_lines(remove_page_debris(document.blocks))]
    assert paragraphs == [
        "- Tăng cường kiểm tra việc giải quyết hồ sơ.",
        "- Công khai kết quả trên Cổng thông tin.",
    ]


def test_a_running_footer_next_to_page_numbers_is_dropped_without_form_feeds():
    text = (
        "- Việc một.\n- Việc hai.\nSở Tư pháp - Kế hoạch PAPI 2024\n2\n"
        "- Việc ba.\nSở Tư pháp - Kế hoạch PAPI 2024\n3\n- Việc bốn.\n"
    )
    document = read_document(text.encode(), "a.txt", 10**6)
    paragraphs = [b.text for b in join_lines(remove_page_debris(document.blocks))]
    assert paragraphs == ["- Việc một.", "- Việc hai.", "- Việc ba.", "- Việc bốn."]


def test_a_marker_alone_on_its_line_joins_the_text_after_it():
    text = (
        "1. Công khai minh bạch\n-\nNiêm yết thủ tục hành chính tại trụ sở\n-\nCập nhật kết quả.\n"
    )
    document = read_document(text.encode(), "a.txt", 10**6)
    paragraphs = [b.text for b in join_lines(remove_page_debris(document.blocks))]
    assert paragraphs == [
        "1. Công khai minh bạch",
        "- Niêm yết thủ tục hành chính tại trụ sở",
        "- Cập nhật kết quả.",
    ]
