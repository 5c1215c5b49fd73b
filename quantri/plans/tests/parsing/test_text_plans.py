"""Plain-text plans of other agencies, written for these tests (see fixtures/)."""

import datetime
import unicodedata

import pytest

from quantri.plans.parsing import DimensionRef

from .conftest import all_texts, fixture_bytes


@pytest.fixture
def justice(parse):
    """A department plan extracted from PDF: header columns interleaved, decimal groups,
    lettered tasks, units and deadlines in prose, page numbers and a running header."""
    return parse(fixture_bytes("ke-hoach-so-tu-phap.txt"), "ke-hoach-so-tu-phap.txt")


def test_header_block_gives_number_date_place_and_issuer(justice):
    info = justice.plan
    assert info.number == "18/KH-STP"
    assert info.issued_on == datetime.date(2022, 2, 15)
    assert info.place == "Thái Bình"
    assert info.issuer == "Sở Tư pháp"
    assert info.issuer_parent == "UBND TỈNH THÁI BÌNH"
    assert info.title == (
        "Cải thiện Chỉ số hiệu quả quản trị và hành chính công (PAPI) năm 2022 của Sở Tư pháp"
    )
    assert info.year == 2022
    assert info.parent_refs == ["12/KH-UBND", "345/QĐ-UBND"]


def test_decimal_groups_hold_lettered_tasks(justice):
    assert [(g.title, g.dimension, len(g.tasks)) for g in justice.groups] == [
        ("Công khai, minh bạch", "2", 2),
        ("Trách nhiệm giải trình với người dân", "3", 2),
        ("Kiểm soát tham nhũng trong khu vực công", "4", 2),
        ("Thủ tục hành chính công", "5", 2),
    ]
    assert len(justice.plan.purposes) == 2 and len(justice.plan.requirements) == 3


def test_lead_support_and_deadline_are_read_from_prose(justice):
    first = justice.groups[0].tasks[0]
    assert first.lead == "Văn phòng Sở"
    assert first.support == ["Phòng Hành chính tư pháp", "các phòng, đơn vị liên quan"]
    assert first.due == datetime.date(2022, 3, 31)
    assert first.due_text == "hoàn thành trước ngày 31/3/2022"
    assert first.title == (
        "Niêm yết công khai đầy đủ, kịp thời các thủ tục hành chính thuộc lĩnh vực tư pháp "
        "tại Bộ phận một cửa và trên Cổng thông tin điện tử của Sở."
    )
    assert first.description.endswith("thực hiện; hoàn thành trước ngày 31/3/2022.")


@pytest.mark.parametrize(
    ("group", "task", "lead", "due", "recurrence"),
    [
        (0, 1, "Phòng Hành chính tư pháp", None, "quarterly"),
        (1, 0, "Thanh tra Sở", None, "continuous"),
        (1, 1, None, datetime.date(2022, 9, 30), None),
        (2, 0, "Thanh tra Sở", datetime.date(2022, 6, 30), None),
        (2, 1, None, datetime.date(2022, 12, 31), None),
        (3, 0, "Phòng Hành chính tư pháp", datetime.date(2022, 9, 30), None),
        (3, 1, None, None, "semiannual"),
    ],
)
def test_each_task_gets_its_own_lead_and_deadline(justice, group, task, lead, due, recurrence):
    found = justice.groups[group].tasks[task]
    assert (found.lead, found.due, found.recurrence) == (lead, due, recurrence)


def test_dashes_under_a_lettered_task_stay_in_that_task(justice):
    task = justice.groups[2].tasks[0]
    assert "- Kiểm tra đột xuất tại Bộ phận một cửa;" in task.description
    assert task.support == ["Văn phòng Sở", "Phòng Bổ trợ tư pháp"]


def test_output_is_read_and_cut_from_the_title(justice):
    task = justice.groups[3].tasks[0]
    assert task.output == "Báo cáo rà soát trình UBND tỉnh"
    assert "Sản phẩm" not in task.title and "Sản phẩm" in task.description


def test_page_numbers_and_running_headers_are_dropped(justice):
    for text in all_texts(justice):
        assert "Trang 3" not in text and "- 2 -" not in text
        assert "Kế hoạch cải thiện Chỉ số PAPI năm 2022" not in text


def test_interleaved_signature_block_is_split_from_recipients(justice):
    assert justice.plan.recipients == [
        "UBND tỉnh (để b/c)",
        "Giám đốc, các PGĐ Sở",
        "Các phòng, đơn vị thuộc Sở",
        "Lưu: VT, VP",
    ]
    signer = justice.plan.signer
    assert (signer.authority, signer.position, signer.name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Thu Hà",
    )


def test_reporting_names_every_period(justice):
    assert [(r.frequency, r.to, r.via) for r in justice.reporting] == [
        ("quarterly", "Giám đốc Sở", "Văn phòng Sở"),
        ("semiannual", "Giám đốc Sở", "Văn phòng Sở"),
        ("annual", "Giám đốc Sở", "Văn phòng Sở"),
    ]
    assert justice.reporting[0].due == "trước ngày 10 của tháng cuối kỳ báo cáo"


@pytest.fixture
def district(parse):
    """Unnumbered capital parts, 'Chỉ số nội dung N' headings, '(1) (2)' enumerations."""
    return parse(fixture_bytes("ke-hoach-huyen-kim-dong.txt"), "ke-hoach-huyen-kim-dong.txt")


def test_unnumbered_headings_become_groups(district):
    assert [(g.title, g.dimension) for g in district.groups] == [
        ("Nhiệm vụ chung", None),
        ("Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở", "1"),
        ("Chỉ số nội dung 3: Trách nhiệm giải trình với người dân", "3"),
        ("Chỉ số nội dung 8: Quản trị điện tử", "8"),
    ]


def test_inline_enumerations_are_split_into_tasks(district):
    participation = district.groups[1].tasks
    assert [t.description for t in participation] == [
        "Tổ chức hội nghị lấy ý kiến nhân dân về các dự án đầu tư tại địa phương",
        "Công khai danh sách các khoản đóng góp tự nguyện của người dân",
        "Kiện toàn Ban thanh tra nhân dân ở các xã, thị trấn.",
    ]
    # the sentence naming the units after the list applies to every item
    assert {(t.lead, tuple(t.support)) for t in participation} == {
        ("Phòng Nội vụ", ("UBND các xã, thị trấn",))
    }
    accountability = district.groups[2].tasks
    assert len(accountability) == 3
    assert accountability[0].description.startswith("Duy trì lịch tiếp công dân")


def test_district_details(district):
    info = district.plan
    assert info.number == "07/KH-UBND" and info.place == "Kim Động"
    assert info.issued_on == datetime.date(2023, 3, 3)
    assert info.issuer == "ỦY BAN NHÂN DÂN HUYỆN KIM ĐỘNG"
    assert info.year == 2023  # "giai đoạn 2023 - 2025"
    assert info.parent_refs == ["30/KH-UBND"]
    assert len(info.purposes) == 2 and len(info.responsibilities) == 2
    assert info.signer.authority == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    assert info.signer.position == "PHÓ CHỦ TỊCH" and info.signer.name == "Lê Văn Bình"
    assert len(info.recipients) == 5


def test_a_unit_clause_ending_in_a_verb_gives_the_lead(district):
    task = district.groups[3].tasks[0]
    assert task.lead == "Văn phòng HĐND và UBND huyện"
    assert task.due == datetime.date(2023, 6, 30)
    assert task.title == "Duy trì và nâng cấp Trang thông tin điện tử của huyện."


def test_reporting_to_a_body_named_right_after_bao_cao(district):
    assert [(r.frequency, r.to) for r in district.reporting] == [
        ("quarterly", "UBND huyện"),
        ("semiannual", "UBND tỉnh"),
        ("annual", "UBND tỉnh"),
    ]


@pytest.fixture
def decision(parse):
    return parse(fixture_bytes("quyet-dinh-so-noi-vu.txt"), "quyet-dinh-so-noi-vu.txt")


def test_a_plan_issued_by_decision_takes_the_decisions_number_and_signer(decision):
    info = decision.plan
    assert info.attached_to.to_dict() == {
        "kind": "decision",
        "number": "112/QĐ-SNV",
        "issued_on": "2024-01-25",
    }
    assert info.number == "112/QĐ-SNV" and info.issued_on == datetime.date(2024, 1, 25)
    assert info.title == "Nâng cao Chỉ số PAPI và Chỉ số SIPAS năm 2024"
    assert info.year == 2024
    assert info.signer.name == "Phạm Quang Minh" and info.signer.position == "GIÁM ĐỐC"
    assert info.recipients == ["Như Điều 3", "UBND tỉnh (để b/c)", "Lưu: VT, VP"]
    assert info.parent_refs == ["18/2021/QĐ-UBND", "95/KH-UBND"]


def test_the_decisions_articles_are_not_tasks(decision):
    descriptions = " ".join(t.description for t in decision.tasks)
    assert "Điều" not in descriptions and "Quyết định này" not in descriptions
    assert [(g.title, g.dimension, len(g.tasks)) for g in decision.groups] == [
        ("Về thủ tục hành chính công", "5", 2),
        ("Về quản trị điện tử", "8", 1),
    ]
    assert decision.plan.responsibilities == [
        "Văn phòng Sở theo dõi, đôn đốc; định kỳ 6 tháng báo cáo Giám đốc Sở trước ngày 15/6."
    ]


def test_plus_items_under_a_dash_are_part_of_its_task(decision):
    task = decision.groups[0].tasks[1]
    assert task.description == (
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính: + Số hóa hồ sơ tiếp nhận từ năm "
        "2024; + Số hóa kết quả giải quyết còn hiệu lực."
    )


@pytest.fixture
def province(parse):
    """'PHẦN I.' parts, type and summary on one line, tasks whose fields are sub-items."""
    return parse(fixture_bytes("ke-hoach-ubnd-tinh.txt"), "ke-hoach-ubnd-tinh.txt")


def test_type_and_summary_on_one_line(province):
    info = province.plan
    assert info.title == (
        "Nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2023"
    )
    assert (info.number, info.issued_on) == ("150/KH-UBND", datetime.date(2023, 4, 28))
    assert info.issuer == "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"
    assert info.parent_refs == ["76/NQ-CP"]
    assert info.purposes == ["Khắc phục hạn chế, nâng cao điểm số các chỉ số nội dung của tỉnh."]
    assert len(info.requirements) == 1 and len(info.responsibilities) == 2


def test_dimension_subheadings_under_a_general_heading_become_the_groups(province):
    assert [(g.title[:22], g.dimension, len(g.tasks)) for g in province.groups] == [
        ("Nhiệm vụ chung", None, 1),
        ("Chỉ số nội dung 2: Côn", "2", 2),
        ("Chỉ số nội dung 6: Cun", "6", 2),
    ]


def test_field_lines_under_an_item_are_that_tasks_fields(province):
    land, poverty = province.groups[1].tasks
    assert land.title == "Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đất"
    assert (land.lead, land.support) == (
        "Sở Tài nguyên và Môi trường",
        ["UBND các huyện, thành phố"],
    )
    assert land.due == datetime.date(2023, 6, 30)
    assert (poverty.lead, poverty.recurrence) == ("Sở Lao động - Thương binh và Xã hội", "annual")


def test_each_reporting_period_keeps_its_own_deadline(province):
    assert [(r.frequency, r.due, r.to, r.via) for r in province.reporting] == [
        ("semiannual", "trước ngày 10/6", "UBND tỉnh", "Sở Nội vụ"),
        ("annual", "trước ngày 10/12", "UBND tỉnh", "Sở Nội vụ"),
    ]
    assert province.plan.signer.authority == "TM. ỦY BAN NHÂN DÂN"


PAR_INDEX = [
    DimensionRef("1", ["Công tác chỉ đạo, điều hành cải cách hành chính", "chỉ đạo, điều hành"]),
    DimensionRef("5", ["Cải cách thủ tục hành chính", "thủ tục hành chính"]),
    DimensionRef("7", ["Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "chính phủ số"]),
]

PAR_PLAN = """KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm 2024
I. NỘI DUNG THỰC HIỆN
1. Chỉ số thành phần 5
- Công bố, công khai kịp thời thủ tục hành chính mới ban hành.
2. Về chính phủ số
- Số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực.
3. Công tác chỉ đạo, điều hành
- Ban hành kế hoạch cải cách hành chính năm 2024, hoàn thành trước 31/01/2024.
"""


def test_another_framework_works_by_passing_its_dimensions(parse):
    parsed = parse(PAR_PLAN, "par-index.txt", dimensions=PAR_INDEX)
    assert [g.dimension for g in parsed.groups] == ["5", "7", "1"]
    assert parsed.groups[2].tasks[0].due == datetime.date(2024, 1, 31)


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes a toned vowel as a base letter plus a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = next(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", parts.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8-sig"),
        lambda text: text.encode("utf-16"),
        _cp1258,
    ],
    ids=["utf-8-bom", "utf-16-bom", "cp1258"],
)
def test_text_files_in_other_encodings_read_the_same(parse, encode):
    assert parse(encode(PAR_PLAN), "par.txt").to_dict() == parse(PAR_PLAN).to_dict()


def test_decomposed_unicode_is_normalised(parse):
    parsed = parse(unicodedata.normalize("NFD", PAR_PLAN))
    assert parsed.groups[2].title == "Công tác chỉ đạo, điều hành"


TABLE_PLAN = """KẾ HOẠCH
Triển khai nhiệm vụ cải cách hành chính năm 2024
II. NHIỆM VỤ
STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn
I | Công khai, minh bạch | | |
1 | Cập nhật thông tin trên Cổng thông tin điện tử | Văn phòng Sở | Các phòng | Hằng tháng
2 | Công khai dự toán ngân sách năm 2024 | Phòng Kế hoạch - Tài chính | | Trước 31/3/2024
"""


def test_a_pipe_separated_table_in_a_text_file_gives_tasks(parse):
    parsed = parse(TABLE_PLAN)
    (group,) = parsed.groups
    assert (group.title, group.dimension) == ("Công khai, minh bạch", "2")
    assert [(t.lead, t.recurrence, t.due) for t in group.tasks] == [
        ("Văn phòng Sở", "monthly", None),
        ("Phòng Kế hoạch - Tài chính", None, datetime.date(2024, 3, 31)),
    ]
    assert group.tasks[0].support == ["Các phòng"]


TAB_TABLE_PLAN = """KẾ HOẠCH
Nâng cao Chỉ số PAPI năm 2024
II. NHIỆM VỤ CỤ THỂ
TT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian
1\tChỉ số nội dung 4: Kiểm soát tham nhũng\t\t\t
1.1\tCông khai kết luận thanh tra\tThanh tra Sở\tVăn phòng Sở\tQuý II/2024
1.2\tKê khai tài sản, thu nhập\tVăn phòng Sở\t\tTrước 31/12/2024
2\tQuản trị môi trường\t\t\t
2.1\tPhân loại rác thải tại cơ quan\tVăn phòng Sở\t\tThường xuyên
"""


def test_a_numbered_row_followed_by_its_sub_numbers_is_a_group(parse):
    parsed = parse(TAB_TABLE_PLAN)
    assert [(g.dimension, [t.title for t in g.tasks]) for g in parsed.groups] == [
        ("4", ["Công khai kết luận thanh tra", "Kê khai tài sản, thu nhập"]),
        ("7", ["Phân loại rác thải tại cơ quan"]),
    ]
    assert parsed.groups[0].tasks[0].due == datetime.date(2024, 6, 30)


def test_a_bare_list_of_tasks_is_still_read(parse):
    parsed = parse("- Rà soát thủ tục hành chính.\n- Công khai kết quả giải quyết hồ sơ.\n")
    (group,) = parsed.groups
    assert group.title == "Nhiệm vụ" and group.dimension is None
    assert [t.title for t in group.tasks] == [
        "Rà soát thủ tục hành chính.",
        "Công khai kết quả giải quyết hồ sơ.",
    ]


LEAD_IN_PLAN = """KẾ HOẠCH
Cải thiện Chỉ số PAPI năm 2024
II. NHIỆM VỤ
1. Công khai minh bạch
Giao Văn phòng Sở chủ trì thực hiện các nhiệm vụ sau (hoàn thành trong Quý II/2024):
- Niêm yết thủ tục hành chính tại trụ sở cơ quan.
- Cập nhật thủ tục hành chính trên Cổng thông tin điện tử; Thanh tra Sở chủ trì.
"""


def test_a_lead_in_gives_units_and_deadline_to_the_tasks_that_name_none(parse):
    (group,) = parse(LEAD_IN_PLAN).groups
    assert group.title == "Công khai minh bạch"  # the short heading line is not run on
    assert [(t.lead, t.due) for t in group.tasks] == [
        ("Văn phòng Sở", datetime.date(2024, 6, 30)),
        ("Thanh tra Sở", datetime.date(2024, 6, 30)),
    ]


def test_theo_quy_dinh_is_not_a_quarterly_report():
    from quantri.plans.parsing.reporting import find_reporting

    rules = find_reporting(
        [
            "Định kỳ 6 tháng báo cáo Lãnh đạo Sở (qua Văn phòng Sở tổng hợp).",
            "Văn phòng Sở tổng hợp, báo cáo UBND tỉnh theo quy định.",
        ]
    )
    assert [rule.frequency for rule in rules] == ["semiannual"]
