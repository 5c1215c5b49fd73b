"""Plans as agencies publish them and offices copy them (issue 13): text from a web page or a
PDF's text layer, with hard line breaks inside labels and dates, the header's two columns one
after the other, tasks as headings over their field lines, duties listed per unit, and annex
tables flattened to one cell per line."""

import datetime

import pytest

from quantri.plans.parsing.fields import deadline_of

from .conftest import all_texts

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
        ("Quí IV-2025", D(2025, 12, 31), None),
        ("năm 2026 - 2027", D(2027, 12, 31), None),
        ("Theo tiến độ được giao của Luật An ninh mạng 2025", None, None),
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


def test_footnote_markers_and_the_notes_at_the_end_are_dropped(parse):
    noted = FIELD_TASKS.replace(
        "Sở Khoa học và Công nghệ; Sở Nội vụ.", "Sở Khoa học và Công nghệ[1]; Sở Nội vụ."
    ).replace("Rà soát văn bản quy phạm pháp luật", "Rà soát văn bản quy phạm pháp luật [2]")
    notes = "\n[1] Theo Quyết định số 12/QĐ-UBND\nngày 02/01/2025.\n\n[2] Văn bản của tỉnh.\n"
    plan = parse(noted + notes)
    training = _task(plan, "Tổ chức tập huấn")
    assert training.lead == "Sở Khoa học và Công nghệ"
    review = _task(plan, "Rà soát văn bản")
    assert review.title == "Rà soát văn bản quy phạm pháp luật"
    assert not any("[" in text or "Theo Quyết định số 12" in text for text in all_texts(plan))


def test_the_web_pages_text_after_a_flattened_annex_is_not_the_last_rows_cell(parse):
    trailer = (
        "Kế hoạch 77/KH-UBND năm 2025 triển khai Chương trình phát triển kinh tế số do tỉnh"
        " Thử Nghiệm ban hành\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n"
        "## Văn bản liên quan\nBan hành:\n04/09/2025\nHiệu lực: Đã biết\n"
    )
    plan = parse(ANNEX + trailer)
    last = plan.tasks[-1]
    assert (last.due_text, last.output) == ("2026 - 2030", "Trung tâm dữ liệu")
    assert not any("Văn bản liên quan" in text for text in all_texts(plan))


def test_an_annex_of_tasks_named_only_in_the_closing_words_replaces_the_bodys_outline(parse):
    outlined = ANNEX.replace(
        "Các nhiệm vụ cụ thể (chi tiết tại Phụ lục kèm theo).",
        "1. Hoàn thiện thể chế về dữ liệu số.\n\n2. Phát triển hạ tầng số của tỉnh.",
    ).replace(
        "Các sở, ngành báo cáo kết quả định kỳ 6 tháng.",
        "Các sở, ngành báo cáo kết quả định kỳ 6 tháng.\n\n"
        "(Kèm theo Phụ lục danh mục các nhiệm vụ trọng tâm của Kế hoạch).",
    )
    plan = parse(outlined)
    assert [g.title for g in plan.groups] == [
        "NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
    ]
    assert len(plan.tasks) == 3


TARGETS_ANNEX = """
PHỤ LỤC
PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU
(Ban hành kèm theo Kế hoạch số 77/KH-UBND)
TT
Chỉ tiêu
Chủ trì
I. Kinh
tế số
1
Kinh tế số chiếm 30% GRDP tỉnh.
Sở Tài chính
2
Tỷ lệ doanh nghiệp nhỏ và vừa
ứng dụng nền tảng số đạt 60%.
Sở Khoa học và Công nghệ
II. Xã
hội số
1
Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 80%.
Văn phòng UBND tỉnh
"""


def test_an_annex_assigning_targets_gives_one_task_per_target_with_its_lead(parse):
    plan = parse(FIELD_TASKS + TARGETS_ANNEX)
    kinh_te, xa_hoi = plan.groups[-2:]
    assert (kinh_te.title, xa_hoi.title) == ("Kinh tế số", "Xã hội số")
    assert [(t.title, t.lead) for t in kinh_te.tasks] == [
        ("Kinh tế số chiếm 30% GRDP tỉnh.", "Sở Tài chính"),
        ("Tỷ lệ doanh nghiệp nhỏ và vừa ứng dụng nền tảng số đạt 60%.", "Sở Khoa học và Công nghệ"),
    ]
    assert [t.lead for t in xa_hoi.tasks] == ["Văn phòng UBND tỉnh"]
    assert _task(plan, "Tổ chức tập huấn").lead == "Sở Khoa học và Công nghệ"  # body kept


def test_a_deadline_label_of_any_wording_is_read_and_words_without_a_date_are_kept(parse):
    plan = parse(
        FIELD_TASKS.replace(
            "- Thời gian thực hiện: Quý\nIV/2025.", "- Thời hạn ban hành: Quý\nIV/2025."
        ).replace(
            "c) Thời gian thực hiện: Từ 01/7/2025.",
            "c) Thời hạn ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025.",
        )
    )
    training = _task(plan, "Tổ chức tập huấn")
    assert (training.due, training.found.get("due")) == (D(2025, 12, 31), "label")
    review = _task(plan, "Rà soát văn bản")
    assert review.due is None
    assert review.due_text == "Theo tiến độ được giao của Luật An ninh mạng 2025"


def test_a_flattened_row_whose_lead_is_glued_to_its_text_by_width_keeps_its_lead(parse):
    glued = ANNEX.replace(
        "Hướng dẫn thống kê số liệu\nSở Tài chính\nCác sở, ngành\nThường xuyên",
        "Hướng dẫn thống kê số liệu về kinh tế số của các sở, ngành và địa phương\n"
        "trong phòng, chống thiên tai trên địa bàn toàn tỉnh\nSở Tài chính\n"
        "Các sở, ban, ngành tỉnh; các đơn vị liên quan; UBND các xã, phường\nQuí IV-2025",
    )
    second = parse(glued).tasks[1]
    assert (second.lead, second.due) == ("Sở Tài chính", D(2025, 12, 31))
    assert not any("Quí" in unit for unit in second.support)


def test_unit_duties_written_as_a_paragraph_under_a_broken_organisation_heading_are_tasks(parse):
    plan = parse(
        BY_UNIT.replace("III. TỔ CHỨC THỰC HIỆN", "III. TỔ\nCHỨC THỰC HIỆN")
        .replace("1. Sở Xây dựng\n", "1.\nSở Xây dựng:\n")
        .replace("2. Sở Tài chính\n\n- Bố trí", "2.\nSở Tài chính:\n\nTham mưu bố trí")
    )
    by_group = {g.title: [t.lead for t in g.tasks] for g in plan.groups}
    assert by_group["Sở Tài chính"] == ["Sở Tài chính"]
    assert plan.groups[-1].tasks[0].title.startswith("Tham mưu bố trí kinh phí")


def test_rows_after_a_sites_ellipsis_are_read_though_their_numbers_jump(parse):
    cut = ANNEX.replace(
        "II\nNHÓM NHIỆM VỤ VỀ HẠ TẦNG\n1\n", "….................................\n4\n"
    ).replace(
        "Trung tâm dữ liệu\n",
        "Trung tâm dữ liệu\n5\nDiễn tập phòng thủ dân sự các cấp\nBan Chỉ huy tỉnh\n"
        "Cơ quan liên quan\nTheo Kế hoạch\nriêng\nCuộc diễn tập\n",
    )
    plan = parse(cut)
    second, third, fourth = plan.tasks[1:]
    assert second.lead == "Sở Tài chính"  # the cut rows do not run into it
    assert (third.title, third.lead) == ("Nâng cấp trung tâm dữ liệu", "Sở Khoa học và Công nghệ")
    assert (fourth.lead, fourth.due, fourth.due_text) == (
        "Ban Chỉ huy tỉnh",
        None,
        "Theo Kế hoạch riêng",
    )


def test_a_deadline_field_of_several_steps_is_due_at_the_last_and_ongoing_work_has_no_date(
    parse,
):
    plan = parse(
        FIELD_TASKS.replace(
            "- Thời gian thực hiện: Quý\nIV/2025.",
            "- Thời gian thực hiện:\n\n+ Các sở gửi kết quả trước ngày 15 tháng 12 năm 2025.\n\n"
            "+ Sở Tư pháp tổng hợp, báo cáo trước ngày 31 tháng 12 năm 2025.",
        ).replace(
            "c) Thời gian thực hiện: Từ 01/7/2025.",
            "c) Thời gian thực hiện: năm\n2025 và các năm tiếp theo.",
        )
    )
    assert _task(plan, "Tổ chức tập huấn").due == D(2025, 12, 31)
    review = _task(plan, "Rà soát văn bản")
    assert (review.due, review.recurrence) == (None, "continuous")
    assert review.due_text == "năm 2025 và các năm tiếp theo"


def test_a_unit_heading_listing_bodies_after_a_comma_leads_its_duties(parse):
    plan = parse(
        BY_UNIT.replace(
            "- Bố trí kinh phí thực hiện Kế hoạch.\n",
            "- Bố trí kinh phí thực hiện Kế hoạch.\n\n3. Các đoàn thể, tổ chức xã hội:\n\n"
            "- Huy động hội viên tham gia vệ sinh môi trường.\n",
        )
    )
    duty = _task(plan, "Huy động hội viên")
    assert duty.lead == "Các đoàn thể, tổ chức xã hội"


def test_a_target_row_whose_lead_is_glued_to_its_text_keeps_its_lead(parse):
    """A targets annex has no deadline column to tell where the text ends: a unit's name on
    the narrow last line ('… chữ ký điện tử cá nhân đạt 80%' / 'Tỉnh đoàn') is the lead cell."""
    glued = TARGETS_ANNEX.replace(
        "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 80%.\nVăn phòng UBND tỉnh",
        "Tỷ lệ người dân trưởng thành\ncó chữ ký số hoặc chữ ký điện tử cá nhân đạt 80%\nTỉnh đoàn",
    )
    xa_hoi = parse(FIELD_TASKS + glued).groups[-1]
    assert [(t.title, t.lead) for t in xa_hoi.tasks] == [
        (
            "Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt 80%",
            "Tỉnh đoàn",
        )
    ]
