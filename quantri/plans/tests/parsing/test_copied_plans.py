"""Plans as agencies publish them and offices copy them (issue 13): text from a web page or a
PDF's text layer, with hard line breaks inside labels and dates, the header's two columns one
after the other, tasks as headings over their field lines, duties listed per unit, and annex
tables flattened to one cell per line."""

import datetime

import pytest

from quantri.plans.parsing.fields import deadline_of

D = datetime.date

HEADER = """\
ỦY BAN NHÂN DÂN

TỈNH THỬ NGHIỆM
-------
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số:
77/KH-UBND
Thử Nghiệm, ngày 20
tháng 11 năm 2025

KẾ HOẠCH

TRIỂN KHAI CHƯƠNG TRÌNH PHÁT TRIỂN KINH TẾ SỐ
ĐẾN NĂM 2030

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Chỉ thị số
27/CT-TTg ngày 10/9/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành
Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm triển khai đồng bộ, hiệu quả.

"""

SIGNATURE = """
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN
NHÂN DÂN
CHỦ TỊCH
Trần Văn Thử
"""

FIELD_TASKS = (
    HEADER
    + """\
II. NỘI DUNG

1. Tổ chức tập huấn,
bồi dưỡng về kinh tế số cho cán bộ, công chức

- Đơn vị chủ trì tham mưu thực
hiện: Sở Khoa học và Công nghệ; Sở Nội vụ.

- Thời gian thực hiện: Quý
IV/2025.

2.

Rà soát văn bản quy phạm pháp luật

a) Nhiệm vụ: Rà soát các văn bản có liên quan.

b) Cơ quan thực hiện: Sở Tư pháp.

c) Thời gian thực hiện: Từ 01/7/2025.

III. PHÂN CÔNG NHIỆM VỤ

1. Sở Tài chính

- Bố trí kinh phí thực hiện Kế hoạch, hằng năm.

- Hướng dẫn thanh quyết toán kinh phí trước ngày 15 hằng tháng.
"""
    + SIGNATURE
)


@pytest.fixture
def plan(parse):
    return parse(FIELD_TASKS, framework_names=["PAPI"])


def _task(plan, start):
    return next(t for t in plan.tasks if t.title.startswith(start))


def test_header_fields_broken_across_lines_are_read(plan):
    assert plan.plan.number == "77/KH-UBND"
    assert plan.plan.issued_on == D(2025, 11, 20)
    assert "CỘNG HÒA" not in (plan.plan.issuer or "")


def test_a_place_on_its_own_line_above_the_date_still_gives_the_date(parse):
    plan = parse(FIELD_TASKS.replace("Thử Nghiệm, ngày 20\n", "Thử Nghiệm,\nngày 20\n"))
    assert (plan.plan.place, plan.plan.issued_on) == ("Thử Nghiệm", D(2025, 11, 20))


def test_a_web_pages_own_text_above_the_header_is_not_the_issuer(parse):
    page = "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\nSố hiệu:\n77/KH-UBND\nTình trạng:\nĐã biết\n"
    plan = parse(page + FIELD_TASKS.replace("TRIỂN KHAI", "THỰC HIỆN CHỈ THỊ 27/CT-TTG"))
    assert plan.plan.issuer == "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"
    assert (
        plan.plan.parent_refs.count("27/CT-TTg") == 1 and "27/CT-TTG" not in plan.plan.parent_refs
    )


def test_the_plan_year_is_its_own_not_its_horizon(plan):
    assert plan.plan.year == 2025


def test_party_documents_and_directives_are_parents(plan):
    assert {"57-NQ/TW", "27/CT-TTg"} <= set(plan.plan.parent_refs)


def test_a_tm_block_broken_across_lines_gives_signer_and_position(plan):
    signer = plan.plan.signer
    assert (signer.name, signer.position) == ("Trần Văn Thử", "CHỦ TỊCH")
    assert signer.authority == "TM. ỦY BAN NHÂN DÂN"


def test_a_label_broken_across_lines_gives_the_lead_not_its_first_word(plan):
    task = _task(plan, "Tổ chức tập huấn")
    assert task.title == "Tổ chức tập huấn, bồi dưỡng về kinh tế số cho cán bộ, công chức"
    assert (task.lead, task.support) == ("Sở Khoa học và Công nghệ", ["Sở Nội vụ"])
    assert (task.due, task.due_text) == (D(2025, 12, 31), "Quý IV/2025")
    assert task.found == {"lead": "label", "due": "label"}


def test_lettered_parts_are_one_task_and_a_start_is_not_a_deadline(plan):
    task = _task(plan, "Rà soát")
    assert task.lead == "Sở Tư pháp"
    assert task.due is None and task.due_text == "Từ 01/7/2025"
    assert not any(t.title.startswith(("Cơ quan thực hiện", "Thời gian")) for t in plan.tasks)


def test_a_group_named_after_a_unit_leads_its_tasks(plan):
    group = next(g for g in plan.groups if g.title == "Sở Tài chính")
    assert [t.lead for t in group.tasks] == ["Sở Tài chính", "Sở Tài chính"]
    assert [t.found["lead"] for t in group.tasks] == ["group", "group"]
    assert [t.recurrence for t in group.tasks] == ["annual", "monthly"]


def test_a_plan_that_does_not_name_the_index_gets_no_dimension_by_loose_words(parse):
    text = FIELD_TASKS.replace("1. Sở Tài chính", "1. Công khai, minh bạch")
    plan = parse(text, framework_names=["PAPI"])
    assert all(g.dimension is None for g in plan.groups)
    named = parse(text.replace("KINH TẾ SỐ", "CHỈ SỐ PAPI"), framework_names=["PAPI"])
    assert [g.dimension_found for g in named.groups if g.dimension] == ["wording"]


ANNEX = (
    HEADER
    + """\
II. NHIỆM VỤ

Các nhiệm vụ cụ thể (chi tiết tại Phụ lục kèm theo).

III. TỔ CHỨC THỰC HIỆN

Các sở, ngành báo cáo kết quả định kỳ 6 tháng.
"""
    + SIGNATURE
    + """
PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI
(Kèm theo Kế hoạch số 77/KH-UBND)
TT
Nội dung thực
hiện
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn
thành
Sản phẩm
I
NHÓM NHIỆM VỤ VỀ THỂ CHẾ
1
Xây dựng quy chế chia sẻ dữ liệu giữa các cơ quan nhà nước trên địa bàn
tỉnh
Sở Khoa học và
Công nghệ
Các sở, ngành
Trước ngày
30/11/2025
Quyết định
2
Hướng dẫn thống kê số liệu
Sở Tài chính
Các sở, ngành
Thường xuyên
II
NHÓM NHIỆM VỤ VỀ HẠ TẦNG
1
Nâng cấp trung tâm dữ liệu
Sở Khoa học và Công nghệ
2026 - 2030
Trung tâm dữ liệu
"""
)


def test_a_flattened_annex_table_gives_the_groups_and_tasks(parse):
    plan = parse(ANNEX)
    assert [g.title for g in plan.groups] == [
        "NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
    ]
    first, second, third = plan.tasks
    assert first.title.startswith("Xây dựng quy chế chia sẻ dữ liệu")
    assert (first.lead, first.support) == ("Sở Khoa học và Công nghệ", ["Các sở, ngành"])
    assert (first.due, first.output) == (D(2025, 11, 30), "Quyết định")
    assert (second.lead, second.recurrence) == ("Sở Tài chính", "continuous")
    assert (third.lead, third.due, third.due_text) == (
        "Sở Khoa học và Công nghệ",
        D(2030, 12, 31),
        "2026 - 2030",
    )
    assert first.found == {"lead": "table", "due": "table"}


def test_markdown_and_crawl_noise_are_read_as_plain_text(parse):
    noisy = "\n".join(
        f"**{line}**" if line.isupper() and line.strip() else line
        for line in FIELD_TASKS.replace("II. NỘI DUNG", "## II. Nội dung\n|\n").splitlines()
    )
    plan = parse(noisy, filename="ke-hoach.md")
    assert plan.plan.number == "77/KH-UBND"
    assert _task(plan, "Tổ chức tập huấn").lead == "Sở Khoa học và Công nghệ"


@pytest.mark.parametrize(
    "written, due, recurrence",
    [
        ("Tháng 12/2025", D(2025, 12, 31), None),
        ("Quý IV/2025", D(2025, 12, 31), None),
        ("trong năm 2026", D(2026, 12, 31), None),
        ("năm 2026", D(2026, 12, 31), None),
        ("trước ngày 15 hằng tháng", None, "monthly"),
        ("định kỳ 6 tháng", None, "semiannual"),
        ("giai đoạn 2026–2030", D(2030, 12, 31), None),
        ("Từ 01/7/2025", None, None),
    ],
)
def test_deadlines_as_people_write_them_keep_their_words(written, due, recurrence):
    reading = deadline_of(written)
    assert (reading.text, reading.due, reading.recurrence) == (written, due, recurrence)


BY_UNIT = (
    HEADER
    + """\
II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Hoàn thiện thể chế về dữ liệu số của tỉnh.

III. TỔ CHỨC THỰC HIỆN

1. Sở Xây dựng

- Chủ trì triển khai Kế hoạch trong lĩnh vực giao thông.

- Hằng năm, xây dựng kế hoạch chi tiết gửi Sở Tài chính.

2. Sở Tài chính

- Bố trí kinh phí thực hiện Kế hoạch.
"""
    + SIGNATURE
)


def test_duties_listed_per_unit_under_the_organisation_part_are_tasks_those_units_lead(parse):
    plan = parse(BY_UNIT)
    by_group = {g.title: [t.lead for t in g.tasks] for g in plan.groups}
    assert by_group["Sở Xây dựng"] == ["Sở Xây dựng", "Sở Xây dựng"]
    assert by_group["Sở Tài chính"] == ["Sở Tài chính"]


def test_an_organisation_part_written_as_sentences_gives_no_tasks(parse):
    plan = parse(
        BY_UNIT.replace("1. Sở Xây dựng\n", "1. Sở Xây dựng chịu trách nhiệm theo dõi.\n").replace(
            "2. Sở Tài chính\n", "2. Sở Tài chính bố trí kinh phí.\n"
        )
    )
    assert [g.title for g in plan.groups] == ["NHIỆM VỤ VÀ GIẢI PHÁP"]
